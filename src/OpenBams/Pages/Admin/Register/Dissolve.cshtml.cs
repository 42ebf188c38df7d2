using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>Recording a dissolution decided by law (MERGER 8).</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class DissolveModel(AppDb db) : PageModel
{
    public string Name { get; private set; } = "";
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? ActTitle { get; set; }
    [BindProperty] public string? ActNumber { get; set; }
    [BindProperty] public string? ActDate { get; set; }
    [BindProperty] public string? Note { get; set; }
    public List<FieldError> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        Name = m.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var m = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        Name = m.Name;
        if (!Fmt.TryParseDate(EffectiveOn, out var on))
            Errors.Add(new("effectiveOn", T.BadDate));
        else
            Errors.AddRange(await RegisterEdits.DissolveAsync(db, m, new DissolutionCommand(on, ActTitle ?? "", ActNumber,
                Fmt.TryParseDate(ActDate, out var ad) ? ad : null, Note), User.Identity?.Name, ct));
        return Errors.Count == 0 ? Redirect($"/Register/{id}") : Page();
    }
}
