using OpenBams.Law.Taxes;

namespace OpenBams.Law.Budget;

/// <summary>The milestones of one budget's statutory calendar. The numbers are stored: never renumber.</summary>
public enum BudgetMilestone
{
    /// <summary>FL 9.3: drafting begins 11 months before the budget year.</summary>
    DraftingStarted = 1,
    /// <summary>FL 9.2: calculations to the Ministry of Finance by 1 May, when the draft provides for a dotation.</summary>
    DotationCalculationsSent = 2,
    /// <summary>FL 10.1: the draft decision with its documents to the council by 15 October.</summary>
    DraftSubmitted = 3,
    /// <summary>FL 10.1: the draft published within 10 days of its submission.</summary>
    DraftPublished = 4,
    /// <summary>FL 10.2 (20 December), FL 10.3 (25 December for a draft with a dotation, when so configured).</summary>
    BudgetApproved = 5,
    /// <summary>LTP-DECREE 2: collection of local taxes and payments to the Ministry of Finance, every three months (Q1).</summary>
    QuarterlyReport1 = 11,
    /// <summary>Q2.</summary>
    QuarterlyReport2 = 12,
    /// <summary>Q3.</summary>
    QuarterlyReport3 = 13,
    /// <summary>Q4.</summary>
    QuarterlyReport4 = 14,
    /// <summary>FL 11.3: the annual execution report approved and communicated to the population, as the charter provides.</summary>
    AnnualExecutionReport = 20,
    /// <summary>SL 52-2.1-2: the report to the Milli Məclis on delegated powers and state-budget funds by 1 April.</summary>
    ReportToParliament = 21,
    /// <summary>FL 13.1: independent auditors engaged at least once a year.</summary>
    IndependentAudit = 22,
    /// <summary>SL 52-2.3: the report to the voters on the Monday of January's third week, approved at a session.</summary>
    ReportToVoters = 23,
    /// <summary>SL 52-2.3: the approved report to voters sent to the administrative oversight body within 10 days.</summary>
    ReportToVotersSentToOversight = 24,
}

/// <summary>Where a milestone stands.</summary>
public enum MilestoneStatus
{
    /// <summary>Achieved on or before its due day (or achieved where no day is set).</summary>
    DoneOnTime = 0,
    /// <summary>Achieved after its due day.</summary>
    DoneLate = 1,
    /// <summary>Not achieved yet, and its due day has not passed (or no day is set).</summary>
    Due = 2,
    /// <summary>Not achieved, and its due day has passed.</summary>
    Overdue = 3,
    /// <summary>The law does not ask for it in this case (no dotation planned; no state funds or delegated powers).</summary>
    NotApplicable = 4,
}

/// <summary>
/// The approval deadline of a draft that provides for a dotation. FL 10.2 (rewritten by amendment 4, 30.12.2004, in force
/// 10.02.2005): every budget "dekabr ayının 20-dən gec olmayaraq təsdiq edilir". FL 10.3 (not amended): a budget with a dotation
/// "dekabr ayının 25-dən gec olmayaraq bələdiyyənin qərarı şəklində təsdiq edilir". The texts conflict.
/// </summary>
public enum DotationApprovalDeadline
{
    /// <summary>
    /// Default. FL 10.2 is the later text and names no exception; 20 December satisfies both articles, so the system never calls a
    /// budget on time that one reading calls late — which matters because a missed approval is a ground for removing the chairman
    /// (SL 19.3.5-1).
    /// </summary>
    December20 = 0,
    /// <summary>FL 10.3 as the special rule for dotation drafts (lex specialis), for a municipality whose lawyers read it so.</summary>
    December25 = 1,
}

/// <summary>
/// SL 52-2.3: "hər ilin yanvar ayının üçüncü həftəsinin bazar ertəsi" — the Monday of January's third week. The law does not say
/// how January's weeks are counted.
/// </summary>
public enum VoterReportWeek
{
    /// <summary>Default. The month's weeks counted from the 1st (days 1-7, 8-14, 15-21): the third Monday, 15 to 21 January.</summary>
    ThirdMonday = 0,
    /// <summary>Calendar weeks Monday to Sunday, the first being the one that holds 1 January: the Monday falls on 8 to 14 January
    /// when the year begins on a Tuesday to a Sunday, and on 15 January when it begins on a Monday.</summary>
    MondayOfThirdCalendarWeek = 1,
}

/// <summary>The municipality's settings of the budget calendar.</summary>
/// <param name="DotationApproval">Which reading of FL 10.2 / 10.3 applies to dotation drafts (default 20 December).</param>
/// <param name="QuarterlyReportDaysAfterQuarter">LTP-DECREE 2 sets no day: calendar days after the quarter (the taxes module's
/// parameter TAX.REPORT.QUARTER.DAYS, default 20, not from the seeds).</param>
/// <param name="AnnualReportDue">FL 11.3: the day the charter sets for approving the annual execution report, as month and day of
/// the following year; null when the charter sets none (the milestone then has no due day).</param>
/// <param name="VoterReportWeek">How SL 52-2.3's "third week of January" is counted (default: the third Monday).</param>
/// <param name="RollForwardToWorkingDay">A fixed day that is not a working day moves to the next working day (the kernel's general
/// choice; see docs/decisions.md).</param>
public sealed record BudgetCalendarOptions(
    DotationApprovalDeadline DotationApproval = DotationApprovalDeadline.December20,
    int QuarterlyReportDaysAfterQuarter = 20,
    (int Month, int Day)? AnnualReportDue = null,
    bool RollForwardToWorkingDay = true,
    VoterReportWeek VoterReportWeek = VoterReportWeek.ThirdMonday)
{
    /// <summary>The defaults.</summary>
    public static BudgetCalendarOptions Default { get; } = new();
}

/// <summary>One milestone of the calendar, with its due day, status and article.</summary>
/// <param name="Milestone">Which.</param>
/// <param name="Article">The article that sets it.</param>
/// <param name="NominalDue">The day the law names (or the period's last day); null when none is set.</param>
/// <param name="Due">The last day it is on time: <paramref name="NominalDue"/>, moved to the next working day when so configured.</param>
/// <param name="DoneOn">When it was achieved, if it was.</param>
/// <param name="Status">Done on time or late, due, overdue, or not applicable.</param>
/// <param name="NameAz">What it is, in Azerbaijani.</param>
/// <param name="NameEn">What it is, in English.</param>
/// <param name="CountingAz">How the due day is counted, in Azerbaijani.</param>
/// <param name="CountingEn">How the due day is counted, for people: "fixed date 15.10.2026", "10 calendar days after 14.10.2026: ...".</param>
public sealed record MilestoneState(
    BudgetMilestone Milestone, LegalReference Article, DateOnly? NominalDue, DateOnly? Due, DateOnly? DoneOn, MilestoneStatus Status,
    string NameAz, string NameEn, string CountingAz, string CountingEn)
{
    /// <summary>Whether the due day was moved off a non-working day.</summary>
    public bool RolledForward => NominalDue is not null && Due != NominalDue;
}

/// <summary>The calendar of one budget year on one day.</summary>
/// <param name="BudgetYear">The budget year (drafted and approved in the year before).</param>
/// <param name="DotationPlanned">Whether the draft provides for a dotation.</param>
/// <param name="Today">The day it was computed for.</param>
/// <param name="Milestones">Every milestone, in calendar order.</param>
/// <param name="ChairmanDidNotOrganiseBudget">SL 19.3.5-1: the approval is overdue or was late — the ground for removing the chairman
/// exists (only the council, by the SL 19.1 majority, removes him).</param>
public sealed record BudgetCalendarStatus(int BudgetYear, bool DotationPlanned, DateOnly Today, IReadOnlyList<MilestoneState> Milestones, bool ChairmanDidNotOrganiseBudget)
{
    /// <summary>The milestone's state.</summary>
    public MilestoneState this[BudgetMilestone m] => Milestones.First(s => s.Milestone == m);

    /// <summary>SL 19.3.5-1, the ground the flag refers to.</summary>
    public static LegalReference ChairmanGround { get; } = new(Acts.SL, "19.3.5-1");
}

/// <summary>
/// The statutory calendar of the local budget (FL 9-13; SL 52-2). The budget for year N is drafted and approved in year N − 1,
/// executed in N, and reported on in N + 1.
/// </summary>
/// <remarks>
/// None of these rules counts working days: FL 9.2, 9.3, 10.1-10.3 and SL 52-2.2 name calendar dates, FL 10.1's publication is
/// "10 gün ərzində" (calendar days), and the quarterly report is a number of calendar days after the quarter. The working-day
/// calendar is used only to move a last day that is not a working day to the next working day (the kernel's roll-forward choice).
/// "By 1 May" (mayın 1-dək), "by 1 April" (aprel ayının 1-dək) include the named day, as "15-dən gec olmayaraq" does.
/// </remarks>
public static class BudgetCalendar
{
    /// <summary>
    /// FL 9.3: "Yerli büdcə layihəsinin tərtibi prosesi növbəti büdcə ilinə 11 ay qalmış başlanır" — 11 months before 1 January of
    /// the budget year: 1 February of the year before. The chairman is responsible for the draft and its submission.
    /// </summary>
    [Law("FL 9.3")]
    public static DateOnly DraftingStarts(int budgetYear) => BudgetYear.Start(budgetYear).AddMonths(-11);

    /// <summary>FL 9.2: "dotasiya nəzərdə tutulan yerli büdcə layihəsini tərtib edərkən müvafiq icra hakimiyyəti orqanına mayın 1-dək
    /// lazımi hesablamalar verirlər" — the Ministry of Finance (Decree N 233, para. 2).</summary>
    [Law("FL 9.2")]
    public static DateOnly DotationCalculationsBy(int budgetYear) => new(budgetYear - 1, 5, 1);

    /// <summary>FL 10.1: "cari ilin oktyabr ayının 15-dən gec olmayaraq bələdiyyə iclasının müzakirəsinə və təsdiqinə təqdim edilir".</summary>
    [Law("FL 10.1")]
    public static DateOnly DraftSubmittedBy(int budgetYear) => new(budgetYear - 1, 10, 15);

    /// <summary>
    /// FL 10.1: "Yerli büdcənin layihəsi bələdiyyə iclasına təqdim edildiyi tarixdən 10 gün ərzində ... dərc edilir" — 10 calendar
    /// days after the submission (the submission day not counted). Before the draft is submitted, the period is counted from the
    /// last day of submission (15 October), so that a draft never submitted is also never published on time.
    /// </summary>
    [Law("FL 10.1")]
    public static Deadline DraftPublishedBy(WorkingCalendar calendar, int budgetYear, DateOnly? submittedOn, bool rollForwardToWorkingDay = true)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddCalendarDays(submittedOn ?? DraftSubmittedBy(budgetYear), 10, rollForwardToWorkingDay);
    }

    /// <summary>
    /// FL 10.2: "cari ilin dekabr ayının 20-dən gec olmayaraq təsdiq edilir"; FL 10.3, for a draft with a dotation: "dekabr ayının
    /// 25-dən gec olmayaraq". Which applies to dotation drafts is <paramref name="dotationRule"/> (default 20 December).
    /// </summary>
    [Law("FL 10.2")]
    [Law("FL 10.3")]
    public static (DateOnly Date, LegalReference Article) ApprovalBy(int budgetYear, bool dotationPlanned,
        DotationApprovalDeadline dotationRule = DotationApprovalDeadline.December20) =>
        dotationPlanned && dotationRule == DotationApprovalDeadline.December25
            ? (new DateOnly(budgetYear - 1, 12, 25), new LegalReference(Acts.FL, "10.3"))
            : (new DateOnly(budgetYear - 1, 12, 20), new LegalReference(Acts.FL, "10.2"));

    /// <summary>SL 52-2.2: "Bələdiyyələr ilin yekununa görə aprel ayının 1-dək hesabat təqdim edirlər" — for the budget year, by
    /// 1 April of the next year; only in the cases of SL 52-2.1 (delegated powers, state-budget funds).</summary>
    [Law("SL 52-2.2")]
    public static DateOnly ReportToParliamentBy(int budgetYear) => new(budgetYear + 1, 4, 1);

    /// <summary>
    /// SL 52-2.3: "bələdiyyə hər ilin yanvar ayının üçüncü həftəsinin bazar ertəsi görülmüş işlər haqqında, o cümlədən maliyyə
    /// vəsaitlərinin və bələdiyyə mülkiyyətinin istifadəsi haqqında seçicilərinə hesabat verir" — the report on year N is given in
    /// January of N + 1, on the day <paramref name="week"/> reads the words as.
    /// </summary>
    [Law("SL 52-2.3")]
    public static DateOnly ReportToVotersOn(int budgetYear, VoterReportWeek week = VoterReportWeek.ThirdMonday)
    {
        var first = new DateOnly(budgetYear + 1, 1, 1);
        var firstMonday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        return week switch
        {
            VoterReportWeek.ThirdMonday => firstMonday.AddDays(14),
            // The week that holds 1 January starts on the Monday on or before it; the third week starts two weeks later.
            _ => first.AddDays(-(((int)first.DayOfWeek + 6) % 7)).AddDays(14),
        };
    }

    /// <summary>
    /// SL 52-2.3: "Bələdiyyə seçicilərə verdiyi hesabatı təsdiq etdikdən sonra 10 gün müddətində bələdiyyələrin fəaliyyətinə inzibati
    /// nəzarəti həyata keçirən orqana göndərməlidir" — 10 calendar days from the session that approved the report.
    /// </summary>
    [Law("SL 52-2.3")]
    public static Deadline ReportToVotersSentBy(WorkingCalendar calendar, DateOnly approvedOn, bool rollForwardToWorkingDay = true)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddCalendarDays(approvedOn, 10, rollForwardToWorkingDay);
    }

    /// <summary>
    /// FL 13.1: "ildə bir dəfədən az olmayaraq müstəqil auditorları cəlb edir" — at least once in each year: for budget year N,
    /// auditors engaged by 31 December of N (choice: the calendar year of the budget, read literally). The period is the year
    /// itself, so this day never moves into the next year.
    /// </summary>
    [Law("FL 13.1")]
    public static DateOnly AuditEngagedBy(int budgetYear) => BudgetYear.End(budgetYear);

    /// <summary>
    /// The status of every milestone of <paramref name="budgetYear"/>'s budget on <paramref name="today"/>, given the milestones
    /// achieved and their days.
    /// </summary>
    /// <param name="calendar">The working-day calendar (for moving a non-working last day).</param>
    /// <param name="budgetYear">The budget year N.</param>
    /// <param name="dotationPlanned">The draft provides for a dotation (FL 9.2, 10.3).</param>
    /// <param name="stateFundsOrDelegatedPowers">SL 52-2.1: the municipality had delegated powers or state-budget funds in N.</param>
    /// <param name="achieved">Milestones achieved, with the day.</param>
    /// <param name="voterReportApprovedOn">SL 52-2.3: the session that approved the report to voters, from which its 10 days to the
    /// oversight body count; null while it is not approved.</param>
    /// <param name="today">The day to judge on.</param>
    /// <param name="options">The municipality's settings; <see cref="BudgetCalendarOptions.Default"/> when null.</param>
    [Law("FL 9.2")]
    [Law("FL 9.3")]
    [Law("FL 10.1")]
    [Law("FL 10.2")]
    [Law("FL 10.3")]
    [Law("FL 11.3")]
    [Law("FL 13.1")]
    [Law("SL 52-2.2")]
    [Law("SL 52-2.3")]
    [Law("SL 19.3.5-1")]
    [Law("LTP-DECREE 2")]
    public static BudgetCalendarStatus Status(WorkingCalendar calendar, int budgetYear, bool dotationPlanned, bool stateFundsOrDelegatedPowers,
        IReadOnlyDictionary<BudgetMilestone, DateOnly> achieved, DateOnly today, BudgetCalendarOptions? options = null, DateOnly? voterReportApprovedOn = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(achieved);
        options ??= BudgetCalendarOptions.Default;
        var roll = options.RollForwardToWorkingDay;
        var list = new List<MilestoneState>();
        DateOnly? Done(BudgetMilestone m) => achieved.TryGetValue(m, out var d) ? d : null;

        MilestoneState Fixed(BudgetMilestone m, LegalReference article, DateOnly? nominal, string az, string en, bool applicable = true, bool canRoll = true)
        {
            var due = nominal is { } n && roll && canRoll ? calendar.NextWorkingDayOnOrAfter(n).Date : nominal;
            var (cAz, cEn) = nominal is null
                ? ("qanunla gün müəyyən edilməyib", "no day set by law")
                : due == nominal
                    ? ($"təqvim tarixi {Language.Date(nominal.Value)}", $"fixed date {Language.Date(nominal.Value)}")
                    : ($"təqvim tarixi {Language.Date(nominal.Value)}, iş günü olmadığı üçün {Language.Date(due!.Value)} tarixinə keçirilir",
                       $"fixed date {Language.Date(nominal.Value)}, not a working day, so moved to {Language.Date(due!.Value)}");
            return State(m, article, nominal, due, Done(m), today, az, en, cAz, cEn, applicable);
        }

        list.Add(Fixed(BudgetMilestone.DraftingStarted, new(Acts.FL, "9.3"), DraftingStarts(budgetYear),
            "Büdcə layihəsinin tərtibinə başlanılması (sədr cavabdehdir)", "Drafting of the budget begins (the chairman is responsible)"));
        list.Add(Fixed(BudgetMilestone.DotationCalculationsSent, new(Acts.FL, "9.2"), DotationCalculationsBy(budgetYear),
            "Dotasiya üçün hesablamaların Maliyyə Nazirliyinə verilməsi", "Dotation calculations sent to the Ministry of Finance", dotationPlanned));
        list.Add(Fixed(BudgetMilestone.DraftSubmitted, new(Acts.FL, "10.1"), DraftSubmittedBy(budgetYear),
            "Büdcə haqqında qərar layihəsinin sənədlərlə bələdiyyə iclasına təqdim edilməsi", "Draft budget decision with its documents submitted to the council"));

        var publication = DraftPublishedBy(calendar, budgetYear, Done(BudgetMilestone.DraftSubmitted), roll);
        list.Add(State(BudgetMilestone.DraftPublished, new(Acts.FL, "10.1"), publication.Start.AddDays(10), publication.Due, Done(BudgetMilestone.DraftPublished), today,
            "Büdcə layihəsinin əhalinin tanış olması üçün dərc edilməsi", "Draft budget published for the population",
            publication.Explain("az"), publication.Explain("en"), true));

        var (approvalDay, approvalArticle) = ApprovalBy(budgetYear, dotationPlanned, options.DotationApproval);
        list.Add(Fixed(BudgetMilestone.BudgetApproved, approvalArticle, approvalDay,
            dotationPlanned ? "Dotasiya nəzərdə tutulan büdcənin bələdiyyənin qərarı ilə təsdiqi" : "Büdcənin bələdiyyə iclasında təsdiqi",
            dotationPlanned ? "Budget with a dotation approved by a council decision" : "Budget approved at a council session"));

        for (var q = 1; q <= 4; q++)
        {
            // The same count as the taxes module's TaxReporting.QuarterlyReportDue, with this calendar's roll-forward setting.
            var days = Math.Max(1, options.QuarterlyReportDaysAfterQuarter);
            var quarterEnd = TaxReporting.QuarterEnd(budgetYear, q);
            var d = calendar.AddCalendarDays(quarterEnd, days, roll);
            var m = (BudgetMilestone)(10 + q);
            list.Add(State(m, new(Acts.LTPDecree, "2"), quarterEnd.AddDays(days), d.Due, Done(m), today,
                $"{q}-ci rüb üzrə yerli vergilərin yığılması barədə Maliyyə Nazirliyinə məlumat",
                $"Q{q} report on local tax collection to the Ministry of Finance", d.Explain("az"), d.Explain("en"), true));
        }

        DateOnly? annual = options.AnnualReportDue is { } md ? new DateOnly(budgetYear + 1, md.Month, md.Day) : null;
        list.Add(Fixed(BudgetMilestone.AnnualExecutionReport, new(Acts.FL, "11.3"), annual,
            "Büdcənin icrası haqqında illik hesabatın təsdiqi və əhaliyə çatdırılması (nizamnaməyə görə)",
            "Annual execution report approved and communicated to the population (as the charter provides)"));
        list.Add(Fixed(BudgetMilestone.ReportToParliament, new(Acts.SL, "52-2.2"), ReportToParliamentBy(budgetYear),
            "Həvalə edilmiş səlahiyyətlər və dövlət büdcəsi vəsaitləri barədə Milli Məclisə hesabat",
            "Report to the Milli Məclis on delegated powers and state-budget funds", stateFundsOrDelegatedPowers));
        list.Add(Fixed(BudgetMilestone.ReportToVoters, new(Acts.SL, "52-2.3"), ReportToVotersOn(budgetYear, options.VoterReportWeek),
            "Görülmüş işlər, maliyyə vəsaitlərinin və bələdiyyə mülkiyyətinin istifadəsi haqqında seçicilərə hesabat",
            "Report to the voters on the work done and the use of funds and municipal property"));
        if (voterReportApprovedOn is { } approvedOn)
        {
            var sent = ReportToVotersSentBy(calendar, approvedOn, roll);
            list.Add(State(BudgetMilestone.ReportToVotersSentToOversight, new(Acts.SL, "52-2.3"), approvedOn.AddDays(10), sent.Due,
                Done(BudgetMilestone.ReportToVotersSentToOversight), today, "Seçicilərə hesabatın inzibati nəzarət orqanına göndərilməsi",
                "Report to voters sent to the administrative oversight body", sent.Explain("az"), sent.Explain("en"), true));
        }
        else
            list.Add(State(BudgetMilestone.ReportToVotersSentToOversight, new(Acts.SL, "52-2.3"), null, null, Done(BudgetMilestone.ReportToVotersSentToOversight), today,
                "Seçicilərə hesabatın inzibati nəzarət orqanına göndərilməsi", "Report to voters sent to the administrative oversight body",
                "hesabat iclasda təsdiq edildikdən sonra 10 gün", "10 days after the session approves the report", true));
        list.Add(Fixed(BudgetMilestone.IndependentAudit, new(Acts.FL, "13.1"), AuditEngagedBy(budgetYear),
            "Müstəqil auditorların cəlb edilməsi (ildə azı bir dəfə)", "Independent auditors engaged (at least once a year)", canRoll: false));

        var ordered = list.OrderBy(s => s.Due ?? DateOnly.MaxValue).ThenBy(s => (int)s.Milestone).ToArray();
        var approval = list.First(s => s.Milestone == BudgetMilestone.BudgetApproved).Status;
        return new(budgetYear, dotationPlanned, today, ordered, approval is MilestoneStatus.Overdue or MilestoneStatus.DoneLate);
    }

    private static MilestoneState State(BudgetMilestone m, LegalReference article, DateOnly? nominal, DateOnly? due, DateOnly? doneOn, DateOnly today,
        string az, string en, string cAz, string cEn, bool applicable)
    {
        var status = !applicable ? MilestoneStatus.NotApplicable
            : doneOn is { } d ? (due is { } x && d > x ? MilestoneStatus.DoneLate : MilestoneStatus.DoneOnTime)
            : due is { } y && today > y ? MilestoneStatus.Overdue
            : MilestoneStatus.Due;
        return new(m, article, nominal, due, doneOn, status, az, en, cAz, cEn);
    }
}
