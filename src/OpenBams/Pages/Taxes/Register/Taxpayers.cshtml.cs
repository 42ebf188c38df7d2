using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Register;

/// <summary>The register of taxpayers (LTP 5.2): search by name, FIN, VÖEN or address, paging, exports, and a new taxpayer.</summary>
public sealed class TaxpayersModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public TaxpayerForm New { get; set; } = new();
    public PageOf<TaxpayerView> Result { get; private set; } = new(0, 1, 50, []);

    public string ExportQuery => string.IsNullOrWhiteSpace(Q) ? "" : "?q=" + Uri.EscapeDataString(Q);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Result = await TaxRegister.TaxpayersAsync(Db, MunicipalityId, Q, PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        TaxpayerView? created = null;
        if (await TryAsync(async () => created = await TaxRegister.CreateTaxpayerAsync(Db, Actor, New.ToInput(), time, ct)))
            return Redirect($"/Taxes/{MunicipalityId}/Taxpayers/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }
}
