using OpenBams.Law.Budget;

namespace OpenBams.Law.Tests.Budget;

/// <summary>The statutory calendar of the 2027 budget (drafted and approved in 2026): FL 9-13, SL 52-2, SL 19.3.5-1.</summary>
public class BudgetCalendarTests
{
    private static readonly WorkingCalendar Cal = new(AzerbaijanHolidays.For(2026, 2028));
    private const int Year = 2027;

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "dd.MM.yyyy");

    private static BudgetCalendarStatus Status(string today, bool dotation = false, bool stateFunds = false,
        BudgetCalendarOptions? options = null, params (BudgetMilestone M, string On)[] done) =>
        BudgetCalendar.Status(Cal, Year, dotation, stateFunds, done.ToDictionary(d => d.M, d => D(d.On)), D(today), options);

    [Fact]
    public void FL_4_4_and_FL_9_3_drafting_starts_11_months_before_the_budget_year()
    {
        Assert.Equal(D("01.02.2026"), BudgetCalendar.DraftingStarts(Year));
        Assert.Equal(D("01.02.2027"), BudgetCalendar.DraftingStarts(2028));
    }

    [Fact]
    public void FL_9_3_drafting_start_on_a_Sunday_is_on_time_on_the_Monday()
    {
        var s = Status("10.02.2026", done: (BudgetMilestone.DraftingStarted, "02.02.2026"))[BudgetMilestone.DraftingStarted];
        Assert.Equal((D("01.02.2026"), D("02.02.2026"), MilestoneStatus.DoneOnTime, "FL 9.3"), (s.NominalDue!.Value, s.Due!.Value, s.Status, s.Article.ToString()));
        Assert.True(s.RolledForward);
        Assert.Contains("moved to 02.02.2026", s.CountingEn);
        var late = Status("10.02.2026", done: (BudgetMilestone.DraftingStarted, "03.02.2026"))[BudgetMilestone.DraftingStarted];
        Assert.Equal(MilestoneStatus.DoneLate, late.Status);
    }

    [Fact]
    public void FL_9_2_dotation_calculations_are_not_applicable_without_a_dotation()
    {
        var s = Status("01.06.2026")[BudgetMilestone.DotationCalculationsSent];
        Assert.Equal(MilestoneStatus.NotApplicable, s.Status);
    }

    [Theory]
    [InlineData("01.05.2026", MilestoneStatus.DoneOnTime)]
    [InlineData("02.05.2026", MilestoneStatus.DoneLate)]
    public void FL_9_2_dotation_calculations_due_1_May(string sentOn, MilestoneStatus expected)
    {
        var s = Status("10.05.2026", dotation: true, done: (BudgetMilestone.DotationCalculationsSent, sentOn))[BudgetMilestone.DotationCalculationsSent];
        Assert.Equal((D("01.05.2026"), expected, "FL 9.2"), (s.Due!.Value, s.Status, s.Article.ToString()));
    }

    [Theory]
    [InlineData("01.05.2026", MilestoneStatus.Due)]
    [InlineData("02.05.2026", MilestoneStatus.Overdue)]
    public void FL_9_2_dotation_calculations_not_sent_are_overdue_from_2_May(string today, MilestoneStatus expected) =>
        Assert.Equal(expected, Status(today, dotation: true)[BudgetMilestone.DotationCalculationsSent].Status);

    [Theory]
    [InlineData("15.10.2026", MilestoneStatus.DoneOnTime)]
    [InlineData("16.10.2026", MilestoneStatus.DoneLate)]
    public void FL_10_1_draft_due_15_October(string submittedOn, MilestoneStatus expected)
    {
        var s = Status("20.10.2026", done: (BudgetMilestone.DraftSubmitted, submittedOn))[BudgetMilestone.DraftSubmitted];
        Assert.Equal((D("15.10.2026"), expected, "FL 10.1"), (s.Due!.Value, s.Status, s.Article.ToString()));
    }

    [Theory]
    [InlineData("15.10.2026", MilestoneStatus.Due)]
    [InlineData("16.10.2026", MilestoneStatus.Overdue)]
    public void FL_10_1_a_draft_not_submitted_is_overdue_from_16_October(string today, MilestoneStatus expected) =>
        Assert.Equal(expected, Status(today)[BudgetMilestone.DraftSubmitted].Status);

    [Theory]
    [InlineData("15.10.2026", MilestoneStatus.DoneOnTime)]
    [InlineData("16.10.2026", MilestoneStatus.DoneLate)]
    public void FL_10_1_draft_published_within_10_calendar_days_of_submission(string publishedOn, MilestoneStatus expected)
    {
        var s = Status("30.10.2026", done: [(BudgetMilestone.DraftSubmitted, "05.10.2026"), (BudgetMilestone.DraftPublished, publishedOn)])[BudgetMilestone.DraftPublished];
        Assert.Equal((D("15.10.2026"), expected), (s.Due!.Value, s.Status));
        Assert.Contains("10 calendar days after 05.10.2026", s.CountingEn);
    }

    [Fact]
    public void FL_10_1_a_publication_period_ending_on_Saturday_moves_to_Monday()
    {
        var s = Status("25.10.2026", done: (BudgetMilestone.DraftSubmitted, "14.10.2026"))[BudgetMilestone.DraftPublished];
        Assert.Equal((D("24.10.2026"), D("26.10.2026"), MilestoneStatus.Due), (s.NominalDue!.Value, s.Due!.Value, s.Status));
        Assert.Equal(MilestoneStatus.Overdue, Status("27.10.2026", done: (BudgetMilestone.DraftSubmitted, "14.10.2026"))[BudgetMilestone.DraftPublished].Status);
    }

    [Fact]
    public void FL_10_1_before_submission_publication_counts_from_15_October()
    {
        var s = Status("01.10.2026")[BudgetMilestone.DraftPublished];
        Assert.Equal((D("25.10.2026"), D("26.10.2026")), (s.NominalDue!.Value, s.Due!.Value)); // 25.10.2026 is a Sunday
    }

    [Fact]
    public void FL_10_2_approval_by_20_December_on_a_Sunday_is_on_time_on_Monday_21()
    {
        var s = Status("22.12.2026", done: (BudgetMilestone.BudgetApproved, "21.12.2026"));
        Assert.Equal((D("20.12.2026"), D("21.12.2026"), MilestoneStatus.DoneOnTime, "FL 10.2"),
            (s[BudgetMilestone.BudgetApproved].NominalDue!.Value, s[BudgetMilestone.BudgetApproved].Due!.Value, s[BudgetMilestone.BudgetApproved].Status,
             s[BudgetMilestone.BudgetApproved].Article.ToString()));
        Assert.False(s.ChairmanDidNotOrganiseBudget);
    }

    [Fact]
    public void FL_10_2_without_roll_forward_20_December_is_the_last_day()
    {
        var s = Status("22.12.2026", options: new(RollForwardToWorkingDay: false), done: (BudgetMilestone.BudgetApproved, "21.12.2026"));
        Assert.Equal((D("20.12.2026"), MilestoneStatus.DoneLate), (s[BudgetMilestone.BudgetApproved].Due!.Value, s[BudgetMilestone.BudgetApproved].Status));
    }

    [Fact]
    public void FL_10_3_a_dotation_draft_is_due_20_December_by_default()
    {
        var (day, article) = BudgetCalendar.ApprovalBy(Year, dotationPlanned: true);
        Assert.Equal((D("20.12.2026"), "FL 10.2"), (day, article.ToString()));
        Assert.Equal(DotationApprovalDeadline.December20, BudgetCalendarOptions.Default.DotationApproval);
    }

    [Fact]
    public void FL_10_3_a_dotation_draft_is_due_25_December_when_the_municipality_chooses_FL_10_3()
    {
        var options = new BudgetCalendarOptions(DotationApproval: DotationApprovalDeadline.December25);
        var s = Status("26.12.2026", dotation: true, options: options, done: (BudgetMilestone.BudgetApproved, "25.12.2026"))[BudgetMilestone.BudgetApproved];
        Assert.Equal((D("25.12.2026"), MilestoneStatus.DoneOnTime, "FL 10.3"), (s.Due!.Value, s.Status, s.Article.ToString()));
        // The FL 10.3 choice does not touch drafts without a dotation.
        Assert.Equal("FL 10.2", Status("26.12.2026", options: options)[BudgetMilestone.BudgetApproved].Article.ToString());
    }

    [Theory]
    [InlineData("21.12.2026", false)]  // the last day (20.12 was a Sunday)
    [InlineData("22.12.2026", true)]
    public void SL_19_3_5_1_an_overdue_approval_flags_the_ground_for_removing_the_chairman(string today, bool flagged)
    {
        var s = Status(today);
        Assert.Equal(flagged, s.ChairmanDidNotOrganiseBudget);
        Assert.Equal(flagged ? MilestoneStatus.Overdue : MilestoneStatus.Due, s[BudgetMilestone.BudgetApproved].Status);
        Assert.Equal("SL 19.3.5-1", BudgetCalendarStatus.ChairmanGround.ToString());
    }

    [Fact]
    public void SL_19_3_5_1_a_late_approval_also_flags_the_ground()
    {
        Assert.True(Status("10.01.2027", done: (BudgetMilestone.BudgetApproved, "28.12.2026")).ChairmanDidNotOrganiseBudget);
        Assert.False(Status("10.01.2027", done: (BudgetMilestone.BudgetApproved, "18.12.2026")).ChairmanDidNotOrganiseBudget);
    }

    [Theory]
    [InlineData(BudgetMilestone.QuarterlyReport1, "20.04.2027", "20.04.2027")]
    [InlineData(BudgetMilestone.QuarterlyReport2, "20.07.2027", "20.07.2027")]
    [InlineData(BudgetMilestone.QuarterlyReport3, "20.10.2027", "20.10.2027")]
    [InlineData(BudgetMilestone.QuarterlyReport4, "20.01.2028", "21.01.2028")] // 20 January: day of national mourning
    public void LTP_DECREE_2_quarterly_reports_20_days_after_each_quarter(BudgetMilestone m, string nominal, string due)
    {
        var s = Status("01.01.2027")[m];
        Assert.Equal((D(nominal), D(due), "LTP-DECREE 2", MilestoneStatus.Due), (s.NominalDue!.Value, s.Due!.Value, s.Article.ToString(), s.Status));
    }

    [Fact]
    public void LTP_DECREE_2_the_days_after_the_quarter_are_a_setting()
    {
        var s = Status("01.01.2027", options: new(QuarterlyReportDaysAfterQuarter: 30))[BudgetMilestone.QuarterlyReport1];
        Assert.Equal(D("30.04.2027"), s.Due!.Value);
    }

    [Fact]
    public void FL_11_3_the_annual_report_has_no_statutory_day_unless_the_charter_sets_one()
    {
        var open = Status("01.06.2028")[BudgetMilestone.AnnualExecutionReport];
        Assert.Equal((null, MilestoneStatus.Due, "FL 11.3"), (open.Due, open.Status, open.Article.ToString()));
        var charter = Status("02.03.2028", options: new(AnnualReportDue: (3, 1)))[BudgetMilestone.AnnualExecutionReport];
        Assert.Equal((D("01.03.2028"), MilestoneStatus.Overdue), (charter.Due!.Value, charter.Status));
        var done = Status("02.06.2028", done: (BudgetMilestone.AnnualExecutionReport, "01.06.2028"))[BudgetMilestone.AnnualExecutionReport];
        Assert.Equal(MilestoneStatus.DoneOnTime, done.Status);
    }

    [Fact]
    public void SL_52_2_2_the_report_to_Parliament_by_1_April_applies_only_with_state_funds_or_delegated_powers()
    {
        Assert.Equal(MilestoneStatus.NotApplicable, Status("10.04.2028")[BudgetMilestone.ReportToParliament].Status);
        var s = Status("03.04.2028", stateFunds: true)[BudgetMilestone.ReportToParliament];
        Assert.Equal((D("01.04.2028"), D("03.04.2028"), MilestoneStatus.Due, "SL 52-2.2"), (s.NominalDue!.Value, s.Due!.Value, s.Status, s.Article.ToString()));
        Assert.Equal(MilestoneStatus.Overdue, Status("04.04.2028", stateFunds: true)[BudgetMilestone.ReportToParliament].Status);
    }

    [Theory]
    [InlineData("15.09.2027", MilestoneStatus.DoneOnTime)]
    [InlineData("31.12.2027", MilestoneStatus.DoneOnTime)]
    [InlineData("10.01.2028", MilestoneStatus.DoneLate)]
    public void FL_13_1_independent_auditors_are_engaged_within_the_budget_year(string engagedOn, MilestoneStatus expected)
    {
        var s = Status("15.01.2028", done: (BudgetMilestone.IndependentAudit, engagedOn))[BudgetMilestone.IndependentAudit];
        Assert.Equal((D("31.12.2027"), expected), (s.Due!.Value, s.Status)); // a holiday, but the year does not move
    }

    [Fact]
    public void FL_13_1_no_audit_by_the_years_end_is_overdue() =>
        Assert.Equal(MilestoneStatus.Overdue, Status("01.01.2028")[BudgetMilestone.IndependentAudit].Status);

    [Fact]
    public void The_milestones_come_in_calendar_order_with_names_in_both_languages()
    {
        var s = Status("01.01.2026", dotation: true, stateFunds: true);
        Assert.Equal(Enum.GetValues<BudgetMilestone>().Length, s.Milestones.Count);
        Assert.Equal(BudgetMilestone.DraftingStarted, s.Milestones[0].Milestone);
        // No day yet (no charter day; no approved report to voters): last.
        Assert.Equal([BudgetMilestone.AnnualExecutionReport, BudgetMilestone.ReportToVotersSentToOversight], s.Milestones.TakeLast(2).Select(m => m.Milestone));
        var dues = s.Milestones.Where(m => m.Due is not null).Select(m => m.Due!.Value).ToArray();
        Assert.Equal(dues.Order(), dues);
        Assert.All(s.Milestones, m => Assert.False(string.IsNullOrWhiteSpace(m.NameAz) || string.IsNullOrWhiteSpace(m.NameEn)));
        Assert.All(s.Milestones, m => Assert.Equal(MilestoneStatus.Due, m.Status));
    }
    [Theory]
    // SL 52-2.3, default reading: the third Monday (15-21 January) of the year after the budget year.
    [InlineData(2027, VoterReportWeek.ThirdMonday, "17.01.2028")]         // 1 January 2028 is a Saturday
    [InlineData(2026, VoterReportWeek.ThirdMonday, "18.01.2027")]         // a Friday
    [InlineData(2017, VoterReportWeek.ThirdMonday, "15.01.2018")]         // a Monday: the earliest
    [InlineData(2022, VoterReportWeek.ThirdMonday, "16.01.2023")]         // a Sunday
    // Calendar weeks from the one holding 1 January: a week earlier unless the year begins on a Monday.
    [InlineData(2027, VoterReportWeek.MondayOfThirdCalendarWeek, "10.01.2028")]
    [InlineData(2026, VoterReportWeek.MondayOfThirdCalendarWeek, "11.01.2027")]
    [InlineData(2017, VoterReportWeek.MondayOfThirdCalendarWeek, "15.01.2018")]
    [InlineData(2022, VoterReportWeek.MondayOfThirdCalendarWeek, "09.01.2023")]
    public void SL_52_2_3_the_report_to_voters_is_on_the_Monday_of_Januarys_third_week(int budgetYear, VoterReportWeek week, string expected)
    {
        var day = BudgetCalendar.ReportToVotersOn(budgetYear, week);
        Assert.Equal(D(expected), day);
        Assert.Equal(DayOfWeek.Monday, day.DayOfWeek);
    }

    [Fact]
    public void SL_52_2_3_the_report_to_voters_is_due_on_its_Monday_and_overdue_the_day_after()
    {
        var due = Status("17.01.2028")[BudgetMilestone.ReportToVoters];
        Assert.Equal((D("17.01.2028"), MilestoneStatus.Due), (due.Due!.Value, due.Status));
        Assert.Equal(MilestoneStatus.Overdue, Status("18.01.2028")[BudgetMilestone.ReportToVoters].Status);
        Assert.Equal(MilestoneStatus.DoneOnTime, Status("19.01.2028", done: (BudgetMilestone.ReportToVoters, "17.01.2028"))[BudgetMilestone.ReportToVoters].Status);
        Assert.Equal(MilestoneStatus.DoneLate, Status("30.01.2028", done: (BudgetMilestone.ReportToVoters, "25.01.2028"))[BudgetMilestone.ReportToVoters].Status);
        var week = Status("11.01.2028", options: BudgetCalendarOptions.Default with { VoterReportWeek = VoterReportWeek.MondayOfThirdCalendarWeek });
        Assert.Equal(MilestoneStatus.Overdue, week[BudgetMilestone.ReportToVoters].Status);
    }

    [Fact]
    public void SL_52_2_3_the_approved_report_goes_to_the_oversight_body_within_10_days_of_the_session()
    {
        BudgetCalendarStatus On(string today, string? sent = null) => BudgetCalendar.Status(Cal, Year, false, false,
            sent is null ? new Dictionary<BudgetMilestone, DateOnly>() : new() { [BudgetMilestone.ReportToVotersSentToOversight] = D(sent) }, D(today), null, D("14.01.2028"));
        var s = On("24.01.2028")[BudgetMilestone.ReportToVotersSentToOversight];
        Assert.Equal((D("24.01.2028"), MilestoneStatus.Due, "SL 52-2.3"), (s.Due!.Value, s.Status, s.Article.ToString())); // approved 14.01: day 10 is a Monday
        Assert.Equal(MilestoneStatus.Overdue, On("25.01.2028")[BudgetMilestone.ReportToVotersSentToOversight].Status);
        Assert.Equal(MilestoneStatus.DoneOnTime, On("25.01.2028", "24.01.2028")[BudgetMilestone.ReportToVotersSentToOversight].Status);
        Assert.Equal(MilestoneStatus.DoneLate, On("26.01.2028", "25.01.2028")[BudgetMilestone.ReportToVotersSentToOversight].Status);
        // Before the session approves the report the 10 days have not begun.
        var before = Status("01.03.2028")[BudgetMilestone.ReportToVotersSentToOversight];
        Assert.Equal((null, MilestoneStatus.Due), (before.Due, before.Status));
    }
}

public class BudgetCalendarRollForwardTests
{
    [Fact]
    public void LTP_DECREE_2_without_roll_forward_a_quarterly_report_stays_on_20_January()
    {
        var cal = new WorkingCalendar(AzerbaijanHolidays.For(2026, 2028));
        var s = BudgetCalendar.Status(cal, 2027, false, false, new Dictionary<BudgetMilestone, DateOnly>(), new DateOnly(2027, 1, 1),
            new BudgetCalendarOptions(RollForwardToWorkingDay: false))[BudgetMilestone.QuarterlyReport4];
        Assert.Equal((new DateOnly(2028, 1, 20), new DateOnly(2028, 1, 20)), (s.NominalDue!.Value, s.Due!.Value));
        Assert.Contains("not moved", s.CountingEn);
    }

}
