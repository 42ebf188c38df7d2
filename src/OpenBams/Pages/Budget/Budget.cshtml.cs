using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using OpenBams.Council;
using OpenBams.Law.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Budget;

/// <summary>
/// One budget: its lines with appropriation, committed, paid and available, the milestones, and the actions of its stage — lines while
/// drafting, submit and publish (FL 10.1), approve by a decision (FL 10.2, 10.3), amend (FL 10.4), reallocate (FL 11.1), sequestrate
/// (FL 12), close the year (FL 11.2) — and the report downloads.
/// </summary>
public sealed class BudgetModel(AppDb db, TimeProvider time) : PlanningPageModel(db)
{
    [FromRoute] public int BudgetId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public BudgetView Budget { get; private set; } = null!;
    public List<LineView> Lines { get; private set; } = [];
    public List<CouncilDecision> Decisions { get; private set; } = [];
    public SequestrationView? Sequestration { get; private set; }

    [BindProperty] public BudgetSide Side { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public RevenueClass? RevenueClass { get; set; }
    [BindProperty] public ExpenditureArea? Area { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public LineFunding Funding { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public bool Protected { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public int? DecisionId { get; set; }
    [BindProperty] public int LineId { get; set; }
    [BindProperty] public int ToLineId { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Reference { get; set; }
    /// <summary>The amendment form's change per line id, as typed; blank lines are not changed.</summary>
    [BindProperty] public Dictionary<int, string?> Deltas { get; set; } = [];
    /// <summary>SL 52-2.3: the report to voters is approved by a decision of any area, adopted after the year.</summary>
    public List<CouncilDecision> ReportDecisions { get; private set; } = [];
    /// <summary>SL 52-2.1: only a budget with delegated powers or state-budget funds reports to the Milli Məclis.</summary>
    public bool ReportsToParliament { get; private set; }

    private string Here => $"/Budget/{MunicipalityId}/Budgets/{BudgetId}";

    private async Task LoadAsync(CancellationToken ct)
    {
        var b = await BudgetPlanning.LoadAsync(Db, MunicipalityId, BudgetId, ct);
        Budget = await BudgetPlanning.ViewAsync(Db, b, ct);
        Lines = await BudgetPlanning.LinesAsync(Db, b, Q, null, ct);
        Decisions = await BudgetDecisionsAsync(ct);
        if (b.Status is BudgetStatus.Approved or BudgetStatus.Closed)
        {
            var after = new DateOnly(b.Year + 1, 1, 1);
            ReportDecisions = await Db.CouncilDecisions.AsNoTracking()
                .Where(d => d.MunicipalityId == MunicipalityId && d.Status != DecisionStatus.Revoked && d.AdoptedOn >= after)
                .OrderByDescending(d => d.AdoptedOn).Take(200).ToListAsync(ct);
            ReportsToParliament = await BudgetCalendarView.StateFundsOrDelegatedPowersAsync(Db, b, ct);
        }
        if (b.Status == BudgetStatus.Approved && b.DeficitLimitQepik is not null)
            Sequestration = (await BudgetPlanning.SequestrationPlanAsync(Db, b, ct)).View;
        Db.ChangeTracker.Clear();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private Task<IActionResult> Run(Func<Task> command, CancellationToken ct) => PostAsync(command, Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostLineAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.AddLineAsync(Db, MunicipalityId, BudgetId, new NewLine(Side, Code, Side == BudgetSide.Revenue ? RevenueClass : null,
            Side == BudgetSide.Expenditure ? Area : null, Name, Funding, Purpose, Protected, Qepik(Amount, "plannedQepik")), ct);
    }, ct);

    public Task<IActionResult> OnPostRemoveLineAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.RemoveLineAsync(Db, MunicipalityId, BudgetId, LineId, null, ct);
    }, ct);

    public Task<IActionResult> OnPostDotationAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.DotationCalculationsSentAsync(Db, MunicipalityId, BudgetId, new Milestone(OptionalDate(On, "on"), Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostParliamentAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.ReportToParliamentSentAsync(Db, MunicipalityId, BudgetId, new ParliamentReportSent(OptionalDate(On, "on"), Reference, Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostVoterReportAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.VoterReportGivenAsync(Db, MunicipalityId, BudgetId, new VoterReportGiven(DecisionId, OptionalDate(On, "on"), Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostVoterReportSentAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.VoterReportSentAsync(Db, MunicipalityId, BudgetId, new Milestone(OptionalDate(On, "on"), Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireChairman("FL 9.3, 10.1");
        await BudgetPlanning.SubmitAsync(Db, MunicipalityId, BudgetId, new Milestone(OptionalDate(On, "on"), Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireChairman("FL 10.1");
        await BudgetPlanning.PublishAsync(Db, MunicipalityId, BudgetId, new Milestone(OptionalDate(On, "on"), Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireChairman("FL 10.2");
        await BudgetPlanning.ApproveAsync(Db, MunicipalityId, BudgetId, new Approval(DecisionId, Version), time, ct);
    }, ct);

    public Task<IActionResult> OnPostAmendAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        var lines = Deltas.Where(d => !string.IsNullOrWhiteSpace(d.Value))
            .Select(d => new LineDelta(d.Key, Qepik(d.Value, $"lines[{d.Key}].deltaQepik", allowNegative: true))).ToList();
        await BudgetPlanning.AmendAsync(Db, MunicipalityId, BudgetId, new NewAmendment(DecisionId, Reason, OptionalDate(On, "effectiveOn"), lines),
            Actor.Name, time, ct);
    }, ct);

    public Task<IActionResult> OnPostReallocateAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.ReallocateAsync(Db, MunicipalityId, BudgetId, new NewReallocation(LineId, ToLineId, Qepik(Amount, "amountQepik"), Basis, DecisionId, Reason,
            OptionalDate(On, "effectiveOn")), Actor.Name, time, ct);
    }, ct);

    public Task<IActionResult> OnPostSequestrateAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.SequestrateAsync(Db, MunicipalityId, BudgetId, new NewSequestration(DecisionId, Reason, OptionalDate(On, "effectiveOn")), Actor.Name, time, ct);
    }, ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.CloseAsync(Db, MunicipalityId, BudgetId, Actor.Name, time, ct);
    }, ct);

    public Task<IActionResult> OnPostReportAsync(CancellationToken ct) => Run(async () =>
    {
        Actor.RequireDrafter();
        await BudgetPlanning.ApproveExecutionReportAsync(Db, MunicipalityId, BudgetId, new ExecutionReportApproval(DecisionId, OptionalDate(On, "publishedOn")), time, ct);
    }, ct);
}
