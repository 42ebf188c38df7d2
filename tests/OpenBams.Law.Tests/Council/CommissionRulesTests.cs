using OpenBams.Law.Council;

namespace OpenBams.Law.Tests.Council;

/// <summary>COMM 7 (monthly meetings), 8 (excused absences), 14 and 17 (who presides), 19 (separate opinions), 20 (signatures).</summary>
public class CommissionRulesTests
{
    private static readonly DateOnly[] None = [];

    [Fact]
    public void COMM_7_a_commission_set_up_on_the_1st_owes_a_meeting_that_month()
    {
        var months = Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, None, new DateOnly(2026, 3, 1), null, new DateOnly(2026, 4, 1));
        Assert.Equal([(2026, 3)], months);
    }

    [Fact]
    public void COMM_7_a_commission_set_up_on_the_2nd_owes_its_first_meeting_the_next_month()
    {
        var set = new DateOnly(2026, 3, 2);
        Assert.Empty(Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, None, set, null, new DateOnly(2026, 4, 30)));
        Assert.Equal([(2026, 4)], Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, None, set, null, new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void COMM_7_a_month_is_judged_only_once_it_has_ended_and_any_meeting_in_it_counts()
    {
        var set = new DateOnly(2026, 1, 15);
        var held = new[] { new DateOnly(2026, 2, 28), new DateOnly(2026, 4, 1) };
        // On 31 March, March has not ended yet.
        Assert.Empty(Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, held, set, null, new DateOnly(2026, 3, 31)));
        Assert.Equal([(2026, 3)], Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, held, set, null, new DateOnly(2026, 4, 1)));
        Assert.Equal([(2026, 3), (2026, 5)], Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, held, set, null, new DateOnly(2026, 6, 10)));
    }

    [Fact]
    public void COMM_7_only_whole_months_before_abolition_count_and_other_commissions_owe_none()
    {
        var set = new DateOnly(2026, 1, 1);
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal([(2026, 1), (2026, 2)], Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, None, set, new DateOnly(2026, 3, 1), today));
        Assert.Equal([(2026, 1)], Commissions.MonthsWithoutMeeting(CommissionKind.Permanent, None, set, new DateOnly(2026, 2, 28), today));
        Assert.Empty(Commissions.MonthsWithoutMeeting(CommissionKind.Other, None, set, null, today));
    }

    [Fact]
    public void COMM_8_absent_members_are_excused_only_if_they_told_the_chair()
    {
        var split = Commissions.Absences([1, 2, 3, 4, 5], [1, 2, 3], [5]);
        Assert.NotNull(split);
        Assert.Equal([4, 5], split.Value.Absent);
        Assert.Equal([5], split.Value.Excused);
        Assert.Equal([4], split.Value.Unexcused);
        // A present member or a stranger cannot be excused.
        Assert.Null(Commissions.Absences([1, 2, 3, 4, 5], [1, 2, 3], [3]));
        Assert.Null(Commissions.Absences([1, 2, 3, 4, 5], [1, 2, 3], [9]));
    }

    [Theory]
    [InlineData(1, true, PresidingBasis.Chair)]            // the chair is there: the chair presides
    [InlineData(2, true, null)]                            // ... not the deputy
    [InlineData(3, true, null)]                            // ... nor a designated member
    public void COMM_17_the_chair_presides_when_present(int presiding, bool designated, PresidingBasis? expected) =>
        Assert.Equal(expected, Commissions.PresidingOfOne(presiding, [1, 2, 3], chair: 1, deputy: 2, designated));

    [Fact]
    public void COMM_17_in_the_chairs_absence_the_deputy_then_a_designated_member()
    {
        Assert.Equal(PresidingBasis.DeputyChair, Commissions.PresidingOfOne(2, [2, 3, 4], chair: 1, deputy: 2, designatedByChairman: false));
        Assert.Null(Commissions.PresidingOfOne(3, [2, 3, 4], chair: 1, deputy: 2, designatedByChairman: true));
        // Neither chair nor deputy there (or none elected): only a member the municipal chairman designated.
        Assert.Null(Commissions.PresidingOfOne(3, [3, 4], chair: 1, deputy: 2, designatedByChairman: false));
        Assert.Equal(PresidingBasis.DesignatedByChairman, Commissions.PresidingOfOne(3, [3, 4], chair: 1, deputy: 2, designatedByChairman: true));
        Assert.Equal(PresidingBasis.DesignatedByChairman, Commissions.PresidingOfOne(3, [3, 4], chair: null, deputy: null, designatedByChairman: true));
        // Nobody presides who is not there.
        Assert.Null(Commissions.PresidingOfOne(5, [3, 4], chair: null, deputy: null, designatedByChairman: true));
        Assert.Equal(2, Commissions.PresidesByRight([2, 3], chair: 1, deputy: 2));
        Assert.Null(Commissions.PresidesByRight([3], chair: 1, deputy: 2));
    }

    [Fact]
    public void COMM_14_a_joint_meeting_elects_a_present_member_of_a_commission_taking_part()
    {
        IReadOnlyCollection<int>[] present = [[1, 2], [5, 6]];
        Assert.True(Commissions.MayPresideJointMeeting(6, present));
        Assert.False(Commissions.MayPresideJointMeeting(3, present));
    }

    [Fact]
    public void COMM_19_a_separate_opinion_comes_from_a_member_present()
    {
        IReadOnlyCollection<int>[] present = [[1, 2], [5, 6]];
        Assert.True(Commissions.MayGiveSeparateOpinion(5, present));
        Assert.False(Commissions.MayGiveSeparateOpinion(3, present));
    }

    [Fact]
    public void COMM_20_the_chair_signs_or_whoever_acted_for_the_chair()
    {
        Assert.Equal(1, Commissions.Signatory(chair: 1, deputy: 2, present: [1, 2], designatedPresiding: null));
        Assert.Equal(2, Commissions.Signatory(chair: 1, deputy: 2, present: [2, 3], designatedPresiding: null));
        Assert.Equal(3, Commissions.Signatory(chair: 1, deputy: 2, present: [3, 4], designatedPresiding: 3));
        Assert.Equal(1, Commissions.Signatory(chair: 1, deputy: 2, present: [3, 4], designatedPresiding: null));
        Assert.Equal(2, Commissions.Signatory(chair: null, deputy: 2, present: [3, 4], designatedPresiding: null));
        Assert.Null(Commissions.Signatory(chair: null, deputy: null, present: [3, 4], designatedPresiding: null));
    }

    [Fact]
    public void COMM_20_minutes_are_final_when_every_commission_taking_part_has_signed()
    {
        Assert.False(Commissions.MinutesFinal([10, 11], [10]));
        Assert.True(Commissions.MinutesFinal([10, 11], [11, 10]));
        Assert.True(Commissions.MinutesFinal([10], [10]));
        Assert.False(Commissions.MinutesFinal([], []));
    }
}
