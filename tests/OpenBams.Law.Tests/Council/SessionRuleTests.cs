using OpenBams.Law.Council;

namespace OpenBams.Law.Tests.Council;

public class SessionRuleTests
{
    [Theory]
    [InlineData("2026-11-18", "2026-11-23", true, 5)]
    [InlineData("2026-11-18", "2026-11-22", false, 4)]
    [InlineData("2026-11-20", "2026-11-23", false, 3)]
    [InlineData("2026-11-23", "2026-11-23", false, 0)]
    [InlineData("2026-11-01", "2026-11-23", true, 22)]
    public void SL_16_1_members_are_notified_at_least_5_days_before(string notified, string session, bool ok, int days)
    {
        var c = Sessions.CheckNotice(DateOnly.Parse(notified), DateOnly.Parse(session));
        Assert.Equal(ok, c.Sufficient);
        Assert.Equal(days, c.DaysGiven);
        Assert.Equal(DateOnly.Parse(notified).AddDays(5), c.EarliestSessionDay);
    }

    [Fact]
    public void SL_16_1_a_month_without_a_session_is_flagged_once_it_ends()
    {
        var held = new[] { new DateOnly(2026, 1, 20), new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 25) };
        var gaps = Sessions.MonthsWithoutSession(held, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), today: new DateOnly(2026, 4, 15));
        // February is missing; April has not ended yet.
        Assert.Equal([(2026, 2)], gaps);
        var later = Sessions.MonthsWithoutSession(held, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), today: new DateOnly(2026, 5, 1));
        Assert.Equal([(2026, 2), (2026, 4)], later);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    [InlineData(9, 3)]
    [InlineData(11, 4)]
    [InlineData(13, 5)]
    [InlineData(15, 5)]
    [InlineData(17, 6)]
    [InlineData(19, 7)]
    public void SL_16_2_one_third_of_members_may_call_a_session(int members, int needed) =>
        Assert.Equal(needed, Sessions.SupportNeeded(SessionInitiative.OneThirdOfMembers, members, 0));

    [Theory]
    [InlineData(400, 100)]
    [InlineData(401, 101)]
    [InlineData(1, 1)]
    public void SL_16_2_a_quarter_of_resident_voters_may_call_a_session(int voters, int needed) =>
        Assert.Equal(needed, Sessions.SupportNeeded(SessionInitiative.QuarterOfResidentVoters, 9, voters));

    [Fact]
    public void SL_16_2_voters_initiative_sets_the_agenda_without_an_approval_vote()
    {
        Assert.False(Sessions.AgendaNeedsApproval(SessionInitiative.QuarterOfResidentVoters));
        Assert.True(Sessions.AgendaNeedsApproval(SessionInitiative.OneThirdOfMembers));
        Assert.True(Sessions.AgendaNeedsApproval(SessionInitiative.Chairman));
    }

    [Fact]
    public void SL_16_2_members_hold_the_session_themselves_only_when_the_chairman_refuses_their_initiative()
    {
        Assert.True(Sessions.MembersMayHoldThemselves(SessionInitiative.OneThirdOfMembers, chairmanRefused: true));
        Assert.False(Sessions.MembersMayHoldThemselves(SessionInitiative.OneThirdOfMembers, chairmanRefused: false));
        Assert.False(Sessions.MembersMayHoldThemselves(SessionInitiative.QuarterOfResidentVoters, chairmanRefused: true));
    }

    [Fact]
    public void SL_16_5_chair_is_elected_from_members_when_the_chairman_refuses_an_initiative_session()
    {
        Assert.True(Sessions.ChairMustBeElected(SessionInitiative.OneThirdOfMembers, chairmanOrDeputyPresides: false));
        Assert.False(Sessions.ChairMustBeElected(SessionInitiative.OneThirdOfMembers, chairmanOrDeputyPresides: true));
        Assert.False(Sessions.ChairMustBeElected(SessionInitiative.Chairman, chairmanOrDeputyPresides: false));
    }

    [Fact]
    public void SL_16_6_protocol_numbers_restart_each_year()
    {
        var book = new[] { (2025, 1), (2025, 2), (2025, 14), (2026, 1), (2026, 2) };
        Assert.Equal(3, Sessions.NextProtocolNumber(book, 2026));
        Assert.Equal(1, Sessions.NextProtocolNumber(book, 2027));
        Assert.Equal(15, Sessions.NextProtocolNumber(book, 2025));
    }

    [Fact]
    public void SL_48_1_copy_to_oversight_within_5_working_days()
    {
        var cal = new WorkingCalendar([]);
        // adopted Friday 20.11.2026 → Mon..Fri next week → Friday 27.11.2026
        var d = Decisions.OversightCopyDue(cal, new DateOnly(2026, 11, 20));
        Assert.Equal(new DateOnly(2026, 11, 27), d.Due);
        Assert.Contains("5 working days after 20.11.2026: 27.11.2026", d.Explain("en"));
        // with a holiday on Wednesday the deadline moves a day
        var withHoliday = new WorkingCalendar([new CalendarEntry(new DateOnly(2026, 11, 25), CalendarDayKind.PublicHoliday, "Bayram", "Holiday", false, null)]);
        Assert.Equal(new DateOnly(2026, 11, 30), Decisions.OversightCopyDue(withHoliday, new DateOnly(2026, 11, 20)).Due);
    }

    [Fact]
    public void SL_48_4_only_the_adopting_council_revokes_and_only_once()
    {
        Assert.True(Decisions.MayRevoke(7, 7, alreadyRevoked: false));
        Assert.False(Decisions.MayRevoke(8, 7, alreadyRevoked: false));
        Assert.False(Decisions.MayRevoke(7, 7, alreadyRevoked: true));
    }
}
