using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>Recording a dissolution decided by law (MERGER 8) through RegisterEdits.DissolveAsync, shared with the API.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class DissolveModel(AppDb db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public MunicipalityStatus Status { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? ActTitle { get; set; }
    [BindProperty] public string? ActNumber { get; set; }
    [BindProperty] public string? ActDate { get; set; }
    [BindProperty] public string? Note { get; set; }
    public List<FieldError> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null) return NotFound();
        (Name, Status, EndedOn) = (m.Name, m.Status, m.EndedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null) return NotFound();
        (Name, Status, EndedOn) = (m.Name, m.Status, m.EndedOn);
        DateOnly? actDate = null;
        if (!string.IsNullOrWhiteSpace(ActDate))
        {
            if (Fmt.TryParseDate(ActDate, out var ad)) actDate = ad;
            else Errors.Add(new("actDate", T.BadDate));
        }
        if (!Fmt.TryParseDate(EffectiveOn, out var on))
            Errors.Add(new("effectiveOn", T.BadDate));
        if (Errors.Count == 0)
            Errors.AddRange(await RegisterEdits.DissolveAsync(db, m, new DissolutionCommand(on, ActTitle ?? "", ActNumber, actDate, Note), User.Identity?.Name, ct));
        return Errors.Count == 0 ? Redirect($"/Register/{Id}") : Page();
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } e
        ? e.Message + (e.Rule is null ? "" : $" ({e.Rule})") : null;
}
