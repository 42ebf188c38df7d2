using OpenBams.Law.Council;

namespace OpenBams.Law.Tests.Council;

public class VotingTests
{
    // SL 16.1: more than half of the members. For every council size the law knows (EC 210.2: 5..19, odd).
    [Theory]
    [InlineData(5, 3)]
    [InlineData(7, 4)]
    [InlineData(9, 5)]
    [InlineData(11, 6)]
    [InlineData(13, 7)]
    [InlineData(15, 8)]
    [InlineData(17, 9)]
    [InlineData(19, 10)]
    public void SL_16_1_quorum_is_more_than_half_of_members(int members, int quorum)
    {
        Assert.Equal(quorum, Voting.QuorumFor(members));
        Assert.True(Voting.IsQuorate(members, quorum));
        Assert.False(Voting.IsQuorate(members, quorum - 1));
    }

    [Fact]
    public void SL_16_1_even_council_needs_more_than_exactly_half()
    {
        Assert.False(Voting.IsQuorate(10, 5));
        Assert.True(Voting.IsQuorate(10, 6));
    }

    // Const. 145.III, SL 43.3: two thirds of the members, ⌈2m/3⌉.
    [Theory]
    [InlineData(5, 4)]
    [InlineData(7, 5)]
    [InlineData(9, 6)]
    [InlineData(11, 8)]
    [InlineData(13, 9)]
    [InlineData(15, 10)]
    [InlineData(17, 12)]
    [InlineData(19, 13)]
    public void Const_145_III_two_thirds_of_members_for_local_taxes(int members, int required)
    {
        var adopted = Voting.Decide(MajorityRule.TwoThirdsOfMembers, MajorityBase.AllMembers, new Tally(members, members, required, members - required, 0));
        Assert.True(adopted.Adopted);
        Assert.Equal(required, adopted.Required);
        var oneShort = Voting.Decide(MajorityRule.TwoThirdsOfMembers, MajorityBase.AllMembers, new Tally(members, members, required - 1, members - required + 1, 0));
        Assert.False(oneShort.Adopted);
    }

    [Fact]
    public void Const_145_III_two_thirds_counts_all_members_even_when_some_are_absent()
    {
        // 9 members, 6 present, all 6 for: 6 ≥ ⌈18/3⌉ = 6 → adopted; 7 present, 5 for → not (5 of 7 present is > 2/3 of those present).
        Assert.True(Voting.Decide(MajorityRule.TwoThirdsOfMembers, MajorityBase.MembersPresent, new Tally(9, 6, 6, 0, 0)).Adopted);
        Assert.False(Voting.Decide(MajorityRule.TwoThirdsOfMembers, MajorityBase.MembersPresent, new Tally(9, 7, 5, 2, 0)).Adopted);
    }

    // SL 19.1: the chairman needs more than half of ALL members, whatever the charter says about simple majorities.
    [Theory]
    [InlineData(5, 3)]
    [InlineData(7, 4)]
    [InlineData(9, 5)]
    [InlineData(11, 6)]
    [InlineData(13, 7)]
    [InlineData(15, 8)]
    [InlineData(17, 9)]
    [InlineData(19, 10)]
    public void SL_19_1_chairman_needs_more_than_half_of_all_members_with_absences(int members, int required)
    {
        // Only a bare quorum present, everyone present votes for the candidate except one.
        var present = Voting.QuorumFor(members);
        var r = Voting.Decide(MajorityRule.MoreThanHalfOfAllMembers, MajorityBase.MembersPresent, new Tally(members, present, present - 1, 1, 0));
        Assert.Equal(required, r.Required);
        Assert.Equal(members, r.Base);
        // a majority of those present (present-1 of present) is not enough
        Assert.False(r.Adopted);
        Assert.True(Voting.Decide(MajorityRule.MoreThanHalfOfAllMembers, MajorityBase.MembersPresent, new Tally(members, present, present, 0, 0)).Adopted);
    }

    [Fact]
    public void SL_16_4_simple_majority_of_all_members_by_default()
    {
        // 9 members, 6 present: 4 for, 2 against. 4 of 6 present is a majority of those present, not of all 9.
        var t = new Tally(9, 6, 4, 2, 0);
        Assert.False(Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.AllMembers, t).Adopted);
        Assert.True(Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.MembersPresent, t).Adopted);
        Assert.True(Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.AllMembers, t with { For = 5, Against = 1 }).Adopted);
    }

    [Fact]
    public void SL_16_4_tie_is_not_a_majority()
    {
        Assert.False(Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.MembersPresent, new Tally(7, 6, 3, 3, 0)).Adopted);
    }

    [Fact]
    public void SL_16_4_abstentions_do_not_count_for()
    {
        Assert.False(Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.AllMembers, new Tally(5, 5, 2, 0, 3)).Adopted);
    }

    [Fact]
    public void SL_16_1_vote_without_quorum_is_refused()
    {
        var e = Assert.Throws<LegalRuleViolation>(() => Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.AllMembers, new Tally(9, 4, 4, 0, 0)));
        Assert.Equal("SL 16.1", e.Rule.ToString());
        Assert.Equal("attendance", e.Field);
        Assert.Contains("5", e.MessageEn);
    }

    [Fact]
    public void More_votes_than_members_present_is_refused()
    {
        var e = Assert.Throws<LegalRuleViolation>(() => Voting.Decide(MajorityRule.SimpleMajority, MajorityBase.AllMembers, new Tally(9, 5, 4, 2, 0)));
        Assert.Equal("votes", e.Field);
    }

    [Theory]
    [InlineData(DecisionArea.LocalTaxesAndPayments, MajorityRule.TwoThirdsOfMembers)]
    [InlineData(DecisionArea.ChairmanOrDeputyElection, MajorityRule.MoreThanHalfOfAllMembers)]
    [InlineData(DecisionArea.Budget, MajorityRule.SimpleMajority)]
    [InlineData(DecisionArea.MembersPowers, MajorityRule.SimpleMajority)]
    [InlineData(DecisionArea.Agenda, MajorityRule.SimpleMajority)]
    public void Const_144_area_fixes_the_majority(DecisionArea area, MajorityRule rule) =>
        Assert.Equal(rule, DecisionAreas.RuleFor(area));

    [Fact]
    public void Explanation_names_the_rule_and_threshold()
    {
        var r = Voting.Decide(MajorityRule.TwoThirdsOfMembers, MajorityBase.AllMembers, new Tally(9, 9, 5, 4, 0));
        Assert.Equal("Not adopted: 6 votes for are needed — two thirds of the 9 members (Const. 145.III)", r.Explain("en"));
        Assert.StartsWith("Qəbul edilmədi: 6", r.Explain("az"));
    }

    [Fact]
    public void COMM_9_joint_meeting_needs_a_majority_in_each_commission()
    {
        // pooled 5 of 8 present would pass, but the second commission has 1 for of 3 present
        Assert.False(Commissions.JointDecisionAdopted([new Tally(5, 5, 4, 1, 0), new Tally(3, 3, 1, 2, 0)]));
        Assert.True(Commissions.JointDecisionAdopted([new Tally(5, 5, 3, 2, 0), new Tally(3, 2, 2, 0, 0)]));
        // a commission without its own quorum fails the joint decision (COMM 8)
        Assert.False(Commissions.JointDecisionAdopted([new Tally(5, 5, 5, 0, 0), new Tally(5, 2, 2, 0, 0)]));
    }

    [Fact]
    public void COMM_9_commission_decides_by_majority_of_present()
    {
        var r = Voting.Decide(MajorityRule.MajorityOfPresent, MajorityBase.AllMembers, new Tally(5, 3, 2, 1, 0));
        Assert.True(r.Adopted);
        Assert.Equal(2, r.Required);
    }
}
