using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>The defects of the 2005 list, visible to administrators (digest-C §4), each row linked to its correction form.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class DataQualityModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DataDefect? Defect { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public DataQualitySummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await DataQuality.PageAsync(db, Defect, PageNumber, 50, ct);
}
