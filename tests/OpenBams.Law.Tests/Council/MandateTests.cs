using OpenBams.Law.Council;

namespace OpenBams.Law.Tests.Council;

public class MandateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static (DateOnly, AttendanceStatus) A(string d, AttendanceStatus s) => (DateOnly.Parse(d), s);
    private const AttendanceStatus P = AttendanceStatus.Present, X = AttendanceStatus.AbsentExcused, U = AttendanceStatus.AbsentUnexcused;

    [Fact]
    public void SL_20_2_term_is_five_years() =>
        Assert.Equal(new DateOnly(2024, 1, 29), Mandates.TermEnds(new DateOnly(2019, 1, 29)));

    [Fact]
    public void SL_22_6_three_consecutive_unexcused_absences_raise_the_ground()
    {
        var g = Mandates.AbsenceGrounds([A("2026-01-10", U), A("2026-02-10", U), A("2026-03-10", U), A("2026-04-10", P), A("2026-05-10", P), A("2026-06-10", P), A("2026-07-10", P)], Today);
        var consecutive = Assert.Single(g, x => x.Consecutive);
        Assert.Equal(3, consecutive.Sessions.Count);
        Assert.Equal(new DateOnly(2026, 3, 10), consecutive.Sessions[^1]);
    }

    [Fact]
    public void SL_22_6_two_unexcused_absences_or_an_excused_one_between_do_not()
    {
        Assert.Empty(Mandates.AbsenceGrounds([A("2026-01-10", U), A("2026-02-10", U), A("2026-03-10", P), A("2026-04-10", P), A("2026-05-10", P)], Today));
        Assert.Empty(Mandates.AbsenceGrounds([A("2026-01-10", U), A("2026-02-10", X), A("2026-03-10", U), A("2026-04-10", P), A("2026-05-10", P), A("2026-06-10", P)], Today));
    }

    [Fact]
    public void SL_22_6_unordered_input_is_read_in_date_order()
    {
        var g = Mandates.AbsenceGrounds([A("2026-03-10", U), A("2026-01-10", U), A("2026-02-10", U), A("2026-04-10", P), A("2026-05-10", P), A("2026-06-10", P), A("2026-07-10", P)], Today);
        Assert.Single(g, x => x.Consecutive);
    }

    [Fact]
    public void SL_22_6_more_than_half_of_a_years_sessions_unexcused()
    {
        // 2025: 12 sessions, 7 unexcused, never 3 in a row → the yearly rule alone
        var sessions = Enumerable.Range(1, 12).Select(m => (new DateOnly(2025, m, 15), m % 3 == 0 ? P : (m is 1 or 4 or 7 or 10 ? U : m is 2 or 5 or 8 ? U : P))).ToList();
        var unexcused = sessions.Count(s => s.Item2 == U);
        Assert.True(unexcused * 2 > 12);
        var g = Assert.Single(Mandates.AbsenceGrounds(sessions, Today));
        Assert.False(g.Consecutive);
        Assert.Equal(2025, g.Year);
        Assert.True(g.YearCompleted);
        Assert.Equal(unexcused, g.Sessions.Count);
    }

    [Fact]
    public void SL_22_6_exactly_half_is_not_more_than_half()
    {
        var s = new[] { A("2025-01-10", U), A("2025-02-10", P), A("2025-03-10", U), A("2025-04-10", P) };
        Assert.Empty(Mandates.AbsenceGrounds(s, Today));
    }

    [Fact]
    public void SL_22_6_current_year_is_a_warning_until_it_ends()
    {
        var s = new[] { A("2026-01-10", U), A("2026-02-10", P), A("2026-03-10", U) };
        var g = Assert.Single(Mandates.AbsenceGrounds(s, Today));
        Assert.False(g.YearCompleted);
        Assert.True(Assert.Single(Mandates.AbsenceGrounds(s, new DateOnly(2027, 1, 1))).YearCompleted);
    }

    [Theory]
    [InlineData(MandateEndGround.Conviction, true, "SL 21.1")]
    [InlineData(MandateEndGround.Incapacity, true, "SL 21.2")]
    [InlineData(MandateEndGround.Citizenship, true, "SL 21.3")]
    [InlineData(MandateEndGround.Death, false, "SL 21.4")]
    [InlineData(MandateEndGround.DeclaredDeadOrMissing, true, "SL 21.5")]
    [InlineData(MandateEndGround.VotesMiscounted, true, "SL 22.1")]
    [InlineData(MandateEndGround.Resignation, false, "SL 22.2")]
    [InlineData(MandateEndGround.Ineligible, true, "SL 22.3")]
    [InlineData(MandateEndGround.IncompatiblePost, false, "SL 22.4")]
    [InlineData(MandateEndGround.Illness, true, "SL 22.5")]
    [InlineData(MandateEndGround.Absences, true, "SL 22.6")]
    [InlineData(MandateEndGround.MovedOrUnable, false, "SL 15.5")]
    public void SL_23_court_decision_first_for_the_listed_grounds(MandateEndGround g, bool court, string article)
    {
        Assert.Equal(court, Mandates.NeedsCourtDecision(g));
        Assert.Equal(article, Mandates.ReferenceOf(g).ToString());
    }

    [Fact]
    public void SL_15_4_report_to_voters_every_6_months()
    {
        Assert.Equal(new DateOnly(2026, 6, 29), Mandates.NextReportToVotersDue(new DateOnly(2025, 12, 29), new DateOnly(2025, 12, 29)));
        Assert.Equal(new DateOnly(2020, 7, 23), Mandates.NextReportToVotersDue(new DateOnly(2020, 1, 23), null));
    }

    [Fact]
    public void MEMBER_5_inquiry_answer_in_15_days_or_a_month_with_verification()
    {
        var cal = new WorkingCalendar([]);
        // received Mon 02.11.2026: +15 days = Tue 17.11.2026
        Assert.Equal(new DateOnly(2026, 11, 17), Mandates.InquiryAnswerDue(cal, new DateOnly(2026, 11, 2), false).Due);
        // +1 month = Wed 02.12.2026
        Assert.Equal(new DateOnly(2026, 12, 2), Mandates.InquiryAnswerDue(cal, new DateOnly(2026, 11, 2), true).Due);
    }

    [Fact]
    public void SL_19_3_lists_the_budget_ground_5_1()
    {
        Assert.Contains(Mandates.ChairmanRemovalGrounds, g => g.Code == "19.3.5-1");
        Assert.Equal(7, Mandates.ChairmanRemovalGrounds.Count);
    }
}
