using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;

namespace OpenBams.Pages.Oversight;

/// <summary>The oversight body's inbox (SL 48.1): decisions of every council, overdue copies first; receipts given here.</summary>
[Authorize]
public sealed class IndexModel(AppDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public int DecisionId { get; set; }
    public DecisionPage Result { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Tenant.SeesAllMunicipalities) return Forbid();
        Result = await DecisionRegister.PageAsync(db, null, new DecisionQuery(OversightOverdue: Overdue ? true : null, Page: PageNumber), publishedOnly: false, time, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReceiptAsync(CancellationToken ct)
    {
        if (!db.Tenant.SeesAllMunicipalities) return Forbid();
        try { await DecisionRegister.AcknowledgeAsync(db, DecisionId, new Receipt(), time, ct); }
        catch (Exception e) when (e is InputError or NotPermitted or OpenBams.Platform.Http.NotFound) { Error = e.Message; }
        return await OnGetAsync(ct);
    }
}
