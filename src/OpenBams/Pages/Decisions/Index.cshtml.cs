using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Decisions;

/// <summary>The public portal of decisions (SL 52-1): no login; published decisions of every council.</summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public DecisionPage Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await DecisionRegister.PageAsync(db, Municipality, new DecisionQuery(Q, Year, Page: PageNumber), publishedOnly: true, time, ct);
}
