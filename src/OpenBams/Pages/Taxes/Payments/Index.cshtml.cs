using Microsoft.AspNetCore.Mvc;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Payments;

/// <summary>The register of payments (SL 43.1: never cash): search, paging, exports, one payment's allocations and its reversal.</summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? ImportId { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>The payment shown with its allocations and reversal form.</summary>
    [BindProperty(SupportsGet = true)] public long? PaymentId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public PageOf<PaymentView> Result { get; private set; } = new(0, 1, 50, []);
    public PaymentDetail? Detail { get; private set; }

    /// <summary>The filters as a query string, for the pager and the export links.</summary>
    public string Filters => string.Join("&", new[] { ("q", Q), ("from", From), ("to", To), ("channel", Channel), ("status", Status), ("importId", ImportId?.ToString()) }
        .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A malformed filter is shown like a refused command, with its field.
        await TryAsync(async () =>
            Result = await OpenBams.Taxes.Payments.PageAsync(Db, MunicipalityId, PaymentsApi.Query(Q, From, To, Channel, Status, ImportId, PageNumber, 50), ct));
        if (PaymentId is { } id)
            await TryAsync(async () => Detail = await OpenBams.Taxes.Payments.DetailAsync(Db, MunicipalityId, id, ct));
    }

    public Task<IActionResult> OnPostReverseAsync(CancellationToken ct) => PostAsync(async () =>
        {
            Actor.RequirePayments();
            await OpenBams.Taxes.Payments.ReverseAsync(Db, MunicipalityId, PaymentId ?? 0, Reason, Actor.Name, time, ct);
        }, $"/Taxes/{MunicipalityId}/Payments?paymentId={PaymentId}&reversed=1", () => LoadAsync(ct), ct);

}
