using OpenBams.Law.Council;

namespace OpenBams.Law.Tests.Council;

public class CommissionAndMeetingTests
{
    [Fact]
    public void COMM_8_notice_at_least_2_days()
    {
        Assert.True(Commissions.NoticeSufficient(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 23)));
        Assert.False(Commissions.NoticeSufficient(new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 23)));
    }

    [Theory]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(4, 2, false)]
    [InlineData(4, 3, true)]
    public void COMM_8_quorum_more_than_half_of_commission_members(int members, int present, bool ok) =>
        Assert.Equal(ok, Commissions.IsQuorate(members, present));

    [Fact]
    public void COMM_5_other_commission_ends_within_the_council_term()
    {
        var term = new DateOnly(2029, 12, 23);
        Assert.True(Commissions.TermWithinCouncilTerm(CommissionKind.Other, new DateOnly(2027, 1, 1), term));
        Assert.False(Commissions.TermWithinCouncilTerm(CommissionKind.Other, new DateOnly(2030, 1, 1), term));
        Assert.False(Commissions.TermWithinCouncilTerm(CommissionKind.Other, null, term));
        Assert.True(Commissions.TermWithinCouncilTerm(CommissionKind.Permanent, null, term));
    }

    [Fact]
    public void COMM_7_permanent_commission_reports_at_least_yearly()
    {
        var set = new DateOnly(2025, 1, 15);
        Assert.Equal(new DateOnly(2026, 1, 15), Commissions.ReportToCouncilDue(CommissionKind.Permanent, set, null));
        Assert.Equal(new DateOnly(2027, 3, 1), Commissions.ReportToCouncilDue(CommissionKind.Permanent, set, new DateOnly(2026, 3, 1)));
        Assert.Null(Commissions.ReportToCouncilDue(CommissionKind.Other, set, null));
    }

    [Theory]
    [InlineData(499, false, true)]
    [InlineData(500, false, false)]
    [InlineData(12000, true, true)]
    [InlineData(null, false, false)]
    public void SL_28_1_and_28_5_citizens_meetings_below_500_except_mergers(int? population, bool merger, bool allowed) =>
        Assert.Equal(allowed, CitizensMeetings.Allowed(population, merger));

    [Theory]
    [InlineData(300, 75)]
    [InlineData(301, 76)]
    [InlineData(4, 1)]
    public void SL_28_4_valid_with_25_percent_of_resident_voters(int voters, int quorum) =>
        Assert.Equal(quorum, CitizensMeetings.QuorumFor(voters));

    [Fact]
    public void SL_28_2_participants_are_18_or_older_on_the_day()
    {
        Assert.True(CitizensMeetings.MayTakePart(new DateOnly(2008, 11, 23), new DateOnly(2026, 11, 23)));
        Assert.False(CitizensMeetings.MayTakePart(new DateOnly(2008, 11, 24), new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void SL_8_2_charter_lists_the_missing_required_contents()
    {
        var all = CharterContents.Required.ToDictionary(r => r.Key, r => (string?)"text");
        Assert.Empty(CharterContents.Missing(all));
        all["term"] = " ";
        all.Remove("economy");
        Assert.Equal(["term", "economy"], CharterContents.Missing(all));
    }
}
