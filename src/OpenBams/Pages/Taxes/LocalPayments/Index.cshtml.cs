using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.LocalPayments;

/// <summary>Returns of local payments (LTP 9, 11): the list with search, filters, late returns, paging and exports, and filing a return.</summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public LocalTax? Tax { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public bool Late { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public PageOf<LocalPaymentReturnView> Result { get; private set; } = null!;

    /// <summary>The taxpayer by VÖEN, FIN or register number.</summary>
    [BindProperty] public string? ReturnTaxpayer { get; set; }
    [BindProperty] public LocalTax ReturnTax { get; set; } = LocalTax.HotelPayment;
    [BindProperty] public int? ReturnYear { get; set; }
    [BindProperty] public int? ReturnMonth { get; set; }
    [BindProperty] public string? ReturnSite { get; set; }
    [BindProperty] public string? ReturnQuantity { get; set; }
    [BindProperty] public int? ReturnMonths { get; set; }
    [BindProperty] public int? ReturnZone { get; set; }
    [BindProperty] public int? ReturnPlotId { get; set; }
    [BindProperty] public string? ReturnFiledOn { get; set; }
    [BindProperty] public string? ReturnNote { get; set; }
    // The correction of a filed return (LTP 11.2): which return, the version read, the new figures.
    [BindProperty] public int CorrectId { get; set; }
    [BindProperty] public long? CorrectVersion { get; set; }
    [BindProperty] public string? CorrectQuantity { get; set; }
    [BindProperty] public int? CorrectMonths { get; set; }
    [BindProperty] public string? CorrectFiledOn { get; set; }
    [BindProperty] public string? CorrectNote { get; set; }

    public string Query => $"q={Uri.EscapeDataString(Q ?? "")}&tax={Tax}&year={Year}&month={Month}&late={(Late ? "true" : "")}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await LocalPaymentsApi.ReturnsAsync(Db, MunicipalityId, Q, Tax, Year, Month, Late ? true : null, PageNumber, 50, ct);

    public Task<IActionResult> OnPostFileAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequirePayments();
        var key = ReturnTaxpayer?.Trim().ToUpperInvariant() ?? "";
        var taxpayerId = await Db.Taxpayers.Where(t => t.MunicipalityId == MunicipalityId && (t.TaxId == key || t.PersonalId == key)).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                         ?? (int.TryParse(key, out var n) ? n : throw new InputError("taxpayerId", new("VÖEN, FİN və ya reyestr nömrəsini yazın", "Give the VÖEN, FIN or register number")));
        var quantity = RequiredDecimal(ReturnQuantity, "quantity");
        var year = ReturnYear ?? throw new InputError("month", new("İli yazın", "Give the year"));
        var month = ReturnMonth ?? throw new InputError("month", new("Ayı yazın", "Give the month"));
        await LocalPaymentsApi.FileReturnAsync(Db, MunicipalityId, new NewLocalPaymentReturn(taxpayerId, ReturnTax, year, month, ReturnSite, quantity, ReturnMonths,
            ReturnZone, ReturnPlotId, OptionalDate(ReturnFiledOn, "filedOn"), ReturnNote), Actor.Name, time, ct);
    }, $"/Taxes/{MunicipalityId}/LocalPayments#returns", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostCorrectAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequirePayments();
        await LocalPaymentsApi.CorrectReturnAsync(Db, MunicipalityId, CorrectId, new ReturnCorrection(RequiredDecimal(CorrectQuantity, "quantity"), CorrectVersion,
            CorrectMonths, FiledOn: OptionalDate(CorrectFiledOn, "filedOn"), Note: CorrectNote), Actor.Name, time, ct);
    }, $"/Taxes/{MunicipalityId}/LocalPayments#returns", () => LoadAsync(ct), ct);
}
