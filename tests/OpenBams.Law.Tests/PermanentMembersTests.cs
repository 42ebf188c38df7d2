using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class PermanentMembersTests
{
    [Theory]
    [InlineData(5, 2)]
    [InlineData(7, 2)]
    [InlineData(9, 3)]
    [InlineData(11, 3)]
    [InlineData(13, 4)]
    [InlineData(15, 4)]
    [InlineData(17, 5)]
    [InlineData(19, 5)]
    public void SL_15_2_4_caps_permanent_members_by_council_size(int councilSize, int cap) =>
        Assert.Equal(cap, PermanentMembers.MaxFor(councilSize));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(18)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(99)]
    public void SL_15_2_4_is_silent_for_other_sizes(int councilSize) =>
        Assert.Null(PermanentMembers.MaxFor(councilSize));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void SL_15_2_4_refuses_a_size_that_is_not_a_council(int councilSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PermanentMembers.MaxFor(councilSize));

    [Fact]
    public void SL_15_2_4_reference() => Assert.Equal("SL 15.2-4", PermanentMembers.Reference.ToString());

    [Theory]
    [InlineData(499)]
    [InlineData(500)]
    [InlineData(4999)]
    [InlineData(5000)]
    [InlineData(19999)]
    [InlineData(20000)]
    [InlineData(99999)]
    [InlineData(100000)]
    [InlineData(299999)]
    public void SL_15_2_4_has_a_cap_for_every_size_EC_210_2_gives(int population)
    {
        var cap = PermanentMembers.MaxFor(CouncilSize.ForPopulation(population).Seats!.Value);
        Assert.NotNull(cap);
        Assert.True(cap < CouncilSize.ForPopulation(population).Seats / 2.0, "permanent members stay a minority");
    }
}
