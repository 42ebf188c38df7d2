using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Budget;

/// <summary>FL 13.1: the independent audits of the budget's execution, at least once a year. An audit is usually recorded when the
/// auditors are engaged and edited when their report arrives (<c>?edit={id}</c>); one entered by mistake is removed.</summary>
public sealed class AuditsModel(AppDb db, TimeProvider time) : PlanningPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNo { get; set; } = 1;
    public OpenBams.Taxes.PageOf<AuditView> Audits { get; private set; } = null!;
    [BindProperty] public int Year { get; set; }
    [BindProperty] public string? Auditor { get; set; }
    [BindProperty] public string? EngagedOn { get; set; }
    [BindProperty] public string? ReportedOn { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public int AuditId { get; set; }

    private async Task LoadAsync(CancellationToken ct) => Audits = await BudgetPlanning.AuditsAsync(Db, MunicipalityId, null, Q, PageNo, 25, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Year = Platform.Clock.Today(time).Year;
        if (Edit is { } id)
        {
            var a = await Db.BudgetAudits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.MunicipalityId == MunicipalityId, ct)
                ?? throw new NotFound("Audit");
            (Year, Auditor, EngagedOn, ReportedOn, Findings, Version) = (a.Year, a.Auditor, DateValue(a.EngagedOn), DateValue(a.ReportedOn), a.Findings, a.Version);
        }
        await LoadAsync(ct);
    }

    private string Here => $"/Budget/{MunicipalityId}/Audits";

    private AuditInput Input() => new(Year, Auditor, OptionalDate(EngagedOn, "engagedOn") ?? throw new InputError("engagedOn", T.BadDate),
        OptionalDate(ReportedOn, "reportedOn"), Findings, Version);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.AddAuditAsync(Db, MunicipalityId, Input(), Actor.Name, time, ct);
    }, Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        Edit = AuditId; // a refused edit shows the edit form again, with what was typed
        return PostAsync(async () =>
        {
            Actor.RequireDrafter();
            await BudgetPlanning.EditAuditAsync(Db, MunicipalityId, AuditId, Input(), ct);
        }, Here, () => LoadAsync(ct), ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.RemoveAuditAsync(Db, MunicipalityId, AuditId, Version, ct);
    }, Here, () => LoadAsync(ct), ct);
}
