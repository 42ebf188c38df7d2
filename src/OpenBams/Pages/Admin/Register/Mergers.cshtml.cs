using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>
/// Recording a merger decided by law (MERGER 2, 6) without JavaScript: search the register, tick the
/// municipalities that merge in, pick the successor, name the act.
/// </summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class MergersModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public int SuccessorId { get; set; }
    [BindProperty] public List<int> AbsorbedIds { get; set; } = [];
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? ActTitle { get; set; }
    [BindProperty] public string? ActNumber { get; set; }
    [BindProperty] public string? ActDate { get; set; }
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<MunicipalityRow> Candidates { get; private set; } = [];
    public List<FieldError> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Fmt.TryParseDate(EffectiveOn, out var on))
            Errors.Add(new("effectiveOn", T.BadDate));
        DateOnly? actDate = Fmt.TryParseDate(ActDate, out var ad) ? ad : null;
        if (Errors.Count == 0)
            Errors.AddRange(await RegisterEdits.MergeAsync(db, new MergerCommand(SuccessorId, AbsorbedIds, on, ActTitle ?? "", ActNumber, actDate, Note), User.Identity?.Name, ct));
        if (Errors.Count == 0) return Redirect($"/Register/{SuccessorId}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        Candidates = (await RegisterSearch.PageAsync(db, new RegisterQuery(Q, Status: MunicipalityStatus.Active, PageSize: 100), ct)).Items;
    }
}
