using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Register;

/// <summary>LML 18.3: objects registered more than a month after their holders received the title documents.</summary>
public sealed class LateModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public PageOf<HoldingView> Result { get; private set; } = new(0, 1, 50, []);
    public string ExportQuery => string.IsNullOrWhiteSpace(Q) ? "" : "?q=" + Uri.EscapeDataString(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Result = await TaxRegister.LateAsync(Db, MunicipalityId, Q, PageNumber, 50, time, ct);
    }
}
