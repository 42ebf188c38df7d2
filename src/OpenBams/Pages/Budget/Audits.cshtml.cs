using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget;

/// <summary>FL 13.1: the independent audits of the budget's execution, at least once a year.</summary>
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

    private async Task LoadAsync(CancellationToken ct) => Audits = await BudgetPlanning.AuditsAsync(Db, MunicipalityId, null, Q, PageNo, 25, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Year = Platform.Clock.Today(time).Year;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequireDrafter();
        var engaged = OptionalDate(EngagedOn, "engagedOn") ?? throw new Platform.Http.InputError("engagedOn", Platform.Localization.T.BadDate);
        await BudgetPlanning.AddAuditAsync(Db, MunicipalityId, new AuditInput(Year, Auditor, engaged, OptionalDate(ReportedOn, "reportedOn"), Findings), Actor.Name, time, ct);
    }, $"/Budget/{MunicipalityId}/Audits", () => LoadAsync(ct), ct);
}
