using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Budget;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Budget;

public sealed record MilestoneView(BudgetMilestone Milestone, string Name, string Article, DateOnly? NominalDue, DateOnly? Due, DateOnly? DoneOn,
    MilestoneStatus Status, string StatusName, string Counting);

/// <summary>The statutory calendar of one budget, with the SL 19.3.5-1 flag when the approval is late.</summary>
public sealed record CalendarView(int BudgetId, int Year, bool DotationPlanned, DateOnly Today, string DotationApprovalRule, bool ChairmanDidNotOrganiseBudget,
    string ChairmanGround, IReadOnlyList<MilestoneView> Milestones);

/// <summary>
/// The budget's milestones from what is on record (the budget's dates, the taxes module's sent quarterly reports, the audits), judged by
/// <see cref="BudgetCalendar.Status"/>. The FL 10.2/10.3 reading for dotation drafts is a per-deployment setting,
/// <c>OpenBams:Budget:DotationApprovalDeadline</c> = <c>December20</c> (default) or <c>December25</c> (docs/decisions.md).
/// </summary>
public static class BudgetCalendarView
{
    public const string SettingKey = "OpenBams:Budget:DotationApprovalDeadline";
    /// <summary>SL 52-2.3's "third week of January": <c>ThirdMonday</c> (default) or <c>MondayOfThirdCalendarWeek</c>.</summary>
    public const string VoterReportWeekKey = "OpenBams:Budget:VoterReportWeek";

    public static BudgetCalendarOptions Options(IConfiguration config) => BudgetCalendarOptions.Default with
    {
        DotationApproval = Enum.TryParse<DotationApprovalDeadline>(config[SettingKey], true, out var d) ? d : BudgetCalendarOptions.Default.DotationApproval,
        VoterReportWeek = Enum.TryParse<VoterReportWeek>(config[VoterReportWeekKey], true, out var w) ? w : BudgetCalendarOptions.Default.VoterReportWeek,
    };

    public static string StatusName(MilestoneStatus s) => s switch
    {
        MilestoneStatus.DoneOnTime => Text.English ? "Done on time" : "Vaxtında icra edilib",
        MilestoneStatus.DoneLate => Text.English ? "Done late" : "Gecikmə ilə icra edilib",
        MilestoneStatus.Due => Text.English ? "Due" : "Gözlənilir",
        MilestoneStatus.Overdue => Text.English ? "Overdue" : "Müddəti keçib",
        _ => Text.English ? "Not applicable" : "Tətbiq olunmur",
    };

    /// <summary>SL 52-2.1: the report to the Milli Məclis is due when the budget carries delegated powers or state-budget money.</summary>
    public static async Task<bool> StateFundsOrDelegatedPowersAsync(AppDb db, MunicipalBudget b, CancellationToken ct)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == b.Id && l.MunicipalityId == b.MunicipalityId)
            .Select(l => new { l.Funding, l.RevenueClass }).ToListAsync(ct);
        return lines.Any(l => l.Funding is LineFunding.DelegatedStatePowers or LineFunding.StateTargeted
            || (l.RevenueClass is { } c && BudgetClassification.Info(c).FromStateBudget));
    }

    public static async Task<CalendarView> ForAsync(AppDb db, MunicipalBudget b, DateOnly today, BudgetCalendarOptions options, CancellationToken ct)
    {
        var achieved = new Dictionary<BudgetMilestone, DateOnly>();
        void Put(BudgetMilestone m, DateOnly? d) { if (d is { } x) achieved[m] = x; }
        Put(BudgetMilestone.DraftingStarted, b.DraftingStartedOn);
        Put(BudgetMilestone.DotationCalculationsSent, b.DotationCalculationsSentOn);
        Put(BudgetMilestone.DraftSubmitted, b.SubmittedOn);
        Put(BudgetMilestone.DraftPublished, b.PublishedOn);
        Put(BudgetMilestone.BudgetApproved, b.ApprovedOn);
        Put(BudgetMilestone.AnnualExecutionReport, b.ExecutionReportApprovedOn);
        var sent = await db.Set<TaxReportSubmission>().AsNoTracking().Where(s => s.MunicipalityId == b.MunicipalityId && s.Year == b.Year)
            .GroupBy(s => s.Quarter).Select(g => new { g.Key, On = g.Min(s => s.SentOn) }).ToListAsync(ct);
        foreach (var s in sent.Where(s => s.Key is >= 1 and <= 4)) Put((BudgetMilestone)(10 + s.Key), s.On);
        var audit = await db.BudgetAudits.AsNoTracking().Where(a => a.MunicipalityId == b.MunicipalityId && a.Year == b.Year)
            .OrderBy(a => a.EngagedOn).Select(a => (DateOnly?)a.EngagedOn).FirstOrDefaultAsync(ct);
        Put(BudgetMilestone.IndependentAudit, audit);
        Put(BudgetMilestone.ReportToParliament, b.ReportToParliamentSentOn);
        Put(BudgetMilestone.ReportToVoters, b.VoterReportGivenOn);
        Put(BudgetMilestone.ReportToVotersSentToOversight, b.VoterReportSentToOversightOn);
        var stateFunds = await StateFundsOrDelegatedPowersAsync(db, b, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, b.Year - 1, b.Year + 1, ct);
        var status = BudgetCalendar.Status(calendar, b.Year, b.DotationPlanned, stateFunds, achieved, today, options, b.VoterReportApprovedOn);
        return new CalendarView(b.Id, b.Year, b.DotationPlanned, today, options.DotationApproval.ToString(), status.ChairmanDidNotOrganiseBudget,
            BudgetCalendarStatus.ChairmanGround.ToString(),
            status.Milestones.Select(m => new MilestoneView(m.Milestone, Text.English ? m.NameEn : m.NameAz, m.Article.ToString(), m.NominalDue, m.Due, m.DoneOn,
                m.Status, StatusName(m.Status), Text.English ? m.CountingEn : m.CountingAz)).ToList());
    }
}
