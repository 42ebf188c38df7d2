using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>
/// Recording a merger decided by law (MERGER 2, 6) through RegisterEdits.MergeAsync, shared with the API.
/// Without JavaScript: one form holds the choices; its search button posts the form back with the matches, so the
/// municipalities already chosen stay chosen while the administrator searches for the next one.
/// </summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class MergersModel(AppDb db) : PageModel
{
    public const int MaxMatches = 100;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public int? SuccessorId { get; set; }
    [BindProperty] public List<int> AbsorbedIds { get; set; } = [];
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? ActTitle { get; set; }
    [BindProperty] public string? ActNumber { get; set; }
    [BindProperty] public string? ActDate { get; set; }
    [BindProperty] public string? Note { get; set; }

    public sealed record Choice(int Id, string Name, string Region, string? District, MunicipalityStatus Status);
    public List<Choice> Chosen { get; private set; } = [];
    public IReadOnlyList<MunicipalityRow> Matches { get; private set; } = [];
    public int MatchTotal { get; private set; }
    public List<FieldError> Errors { get; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The search button: re-render with the matches, keeping every choice and field.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SuccessorId is null) Errors.Add(new("successorId", RegisterAdminTexts.ChooseSuccessor));
        if (!Fmt.TryParseDate(EffectiveOn, out var on)) Errors.Add(new("effectiveOn", T.BadDate));
        DateOnly? actDate = null;
        if (!string.IsNullOrWhiteSpace(ActDate))
        {
            if (Fmt.TryParseDate(ActDate, out var ad)) actDate = ad;
            else Errors.Add(new("actDate", T.BadDate));
        }
        if (Errors.Count == 0)
            Errors.AddRange(await RegisterEdits.MergeAsync(db,
                new MergerCommand(SuccessorId!.Value, AbsorbedIds.Distinct().ToList(), on, ActTitle ?? "", ActNumber, actDate, Note), User.Identity?.Name, ct));
        if (Errors.Count == 0) return Redirect($"/Register/{SuccessorId}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = AbsorbedIds.Append(SuccessorId ?? 0).Where(i => i > 0).Distinct().ToList();
        Chosen = ids.Count == 0 ? [] : await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new Choice(m.Id, m.Name, m.Region!.Name, m.District == null ? null : m.District.Name, m.Status))
            .ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(Q)) return;
        var page = await RegisterSearch.PageAsync(db, new RegisterQuery(Q, Status: MunicipalityStatus.Active, PageSize: MaxMatches), ct);
        Matches = page.Items.Where(m => !ids.Contains(m.Id)).ToList();
        MatchTotal = page.Total;
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } e
        ? e.Message + (e.Rule is null ? "" : $" ({e.Rule})") : null;
}
