using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;

namespace OpenBams.Pages.Decisions;

/// <summary>One published decision; the QR code on its PDF opens this page.</summary>
public sealed class DetailModel(AppDb db, TimeProvider time) : PageModel
{
    [FromRoute] public int DecisionId { get; set; }
    public DecisionView Decision { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { Decision = await DecisionRegister.ViewAsync(db, DecisionId, time, ct, published: true); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }
}
