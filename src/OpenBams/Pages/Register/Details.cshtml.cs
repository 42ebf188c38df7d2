using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Pages.Register;

[AllowAnonymous]
public sealed class DetailsModel(AppDb db) : PageModel
{
    public MunicipalityDetail M { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await RegistryApi.DetailAsync(db, id, ct);
        if (d is null) return NotFound();
        M = d;
        return Page();
    }
}
