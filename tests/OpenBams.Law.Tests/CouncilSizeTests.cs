using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class CouncilSizeTests
{
    [Theory]
    [InlineData(0, 5, "EC 210.2.1", 0, 499)]
    [InlineData(1, 5, "EC 210.2.1", 0, 499)]
    [InlineData(499, 5, "EC 210.2.1", 0, 499)]
    [InlineData(500, 7, "EC 210.2.2", 500, 999)]
    [InlineData(999, 7, "EC 210.2.2", 500, 999)]
    [InlineData(1000, 9, "EC 210.2.3", 1000, 4999)]
    [InlineData(4999, 9, "EC 210.2.3", 1000, 4999)]
    [InlineData(5000, 11, "EC 210.2.4", 5000, 9999)]
    [InlineData(9999, 11, "EC 210.2.4", 5000, 9999)]
    [InlineData(10000, 13, "EC 210.2.5", 10000, 19999)]
    [InlineData(19999, 13, "EC 210.2.5", 10000, 19999)]
    [InlineData(20000, 15, "EC 210.2.6", 20000, 49999)]
    [InlineData(49999, 15, "EC 210.2.6", 20000, 49999)]
    [InlineData(50000, 17, "EC 210.2.7", 50000, 99999)]
    [InlineData(99999, 17, "EC 210.2.7", 50000, 99999)]
    [InlineData(100000, 19, "EC 210.2.8", 100000, 299999)]
    [InlineData(299999, 19, "EC 210.2.8", 100000, 299999)]
    public void EC_210_2_population_gives_the_seats_of_its_band(int population, int seats, string article, int from, int to)
    {
        var d = CouncilSize.ForPopulation(population);
        Assert.True(d.DefinedByLaw);
        Assert.Equal(seats, d.Seats);
        Assert.Equal(LegalReference.Parse(article), d.Reference);
        Assert.Equal(from, d.BandFrom);
        Assert.Equal(to, d.BandTo);
        Assert.Contains($"{seats} bələdiyyə üzvü", d.ExplainAz);
        Assert.Contains($"{seats} council members", d.ExplainEn);
        Assert.Contains(article["EC ".Length..], d.ExplainEn);
    }

    [Fact]
    public void EC_210_2_population_499_gives_5_seats() => Assert.Equal(5, CouncilSize.ForPopulation(499).Seats);

    [Fact]
    public void EC_210_2_population_500_gives_7_seats() => Assert.Equal(7, CouncilSize.ForPopulation(500).Seats);

    [Fact]
    public void EC_210_2_population_299999_gives_19_seats() => Assert.Equal(19, CouncilSize.ForPopulation(299_999).Seats);

    [Theory]
    [InlineData(300_000)]
    [InlineData(2_300_000)]
    [InlineData(int.MaxValue)]
    public void EC_210_2_population_300000_or_more_is_not_defined_by_law(int population)
    {
        var d = CouncilSize.ForPopulation(population);
        Assert.False(d.DefinedByLaw);
        Assert.Null(d.Seats);
        Assert.Equal(LegalReference.Parse("EC 210.2"), d.Reference);
        Assert.Equal(300_000, d.BandFrom);
        Assert.Null(d.BandTo);
        Assert.Contains("gives no number", d.ExplainEn);
        Assert.Contains("override is required", d.ExplainEn);
        Assert.Contains("müəyyən etmir", d.ExplainAz);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void EC_210_2_negative_population_is_refused(int population) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CouncilSize.ForPopulation(population));

    [Fact]
    public void EC_210_2_resolve_takes_the_law_when_it_gives_a_number()
    {
        var d = CouncilSize.Resolve(1200, null, null);
        Assert.Equal(9, d.Seats);
        Assert.Equal(CouncilSizeSource.Law, d.Source);
        Assert.Equal("EC 210.2.3", d.Determination!.Reference.ToString());
        Assert.Null(d.Justification);
    }

    [Theory]
    [InlineData(499, 7)]
    [InlineData(299_999, 21)]
    [InlineData(0, 5)]
    public void EC_210_2_resolve_refuses_an_override_when_the_law_decides(int population, int seats)
    {
        var v = Assert.Throws<LegalRuleViolation>(() =>
            CouncilSize.Resolve(population, seats, "A long enough justification for the record."));
        Assert.Equal("councilSizeOverride", v.Field);
        Assert.Equal(CouncilSize.ForPopulation(population).Reference, v.Rule);
        Assert.Contains("not allowed", v.MessageEn);
        Assert.False(string.IsNullOrWhiteSpace(v.MessageAz));
    }

    [Fact]
    public void EC_210_2_resolve_ignores_a_justification_without_override_seats() =>
        Assert.Equal(CouncilSizeSource.Law, CouncilSize.Resolve(600, null, "some justification text here").Source);

    [Fact]
    public void EC_210_2_resolve_is_unknown_when_the_law_is_silent_and_no_override_is_given()
    {
        var d = CouncilSize.Resolve(300_000, null, null);
        Assert.Null(d.Seats);
        Assert.Equal(CouncilSizeSource.Unknown, d.Source);
        Assert.NotNull(d.Determination);
        Assert.False(d.Determination!.DefinedByLaw);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(99)]
    public void EC_210_2_resolve_accepts_a_justified_odd_override_from_19_to_99_when_the_law_is_silent(int seats)
    {
        var d = CouncilSize.Resolve(300_000, seats, "  Decision of the CEC for a city of 1.2 million  ");
        Assert.Equal(seats, d.Seats);
        Assert.Equal(CouncilSizeSource.Override, d.Source);
        Assert.Equal("Decision of the CEC for a city of 1.2 million", d.Justification);
        var (s, source, determination, justification) = d;
        Assert.Equal((seats, CouncilSizeSource.Override), (s!.Value, source));
        Assert.NotNull(determination);
        Assert.NotNull(justification);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(20)]
    [InlineData(22)]
    [InlineData(101)]
    [InlineData(0)]
    [InlineData(-19)]
    public void EC_210_2_resolve_refuses_an_override_that_is_even_or_outside_19_to_99(int seats)
    {
        var v = Assert.Throws<LegalRuleViolation>(() =>
            CouncilSize.Resolve(450_000, seats, "Decision of the CEC for a city of 450 thousand"));
        Assert.Equal("councilSizeOverride", v.Field);
        Assert.Equal("EC 210.2", v.Rule.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("too short")]
    [InlineData("nineteen characters")]
    public void EC_210_2_resolve_refuses_an_override_without_a_20_character_justification(string? justification)
    {
        var v = Assert.Throws<LegalRuleViolation>(() => CouncilSize.Resolve(300_000, 21, justification));
        Assert.Equal("councilSizeOverrideJustification", v.Field);
    }

    [Fact]
    public void EC_210_2_resolve_accepts_a_justification_of_exactly_20_characters() =>
        Assert.Equal(21, CouncilSize.Resolve(300_000, 21, "twenty characters ok").Seats);

    [Fact]
    public void EC_210_2_resolve_with_unknown_population_and_no_override_is_unknown()
    {
        var d = CouncilSize.Resolve(null, null, null);
        Assert.Equal(CouncilSizeSource.Unknown, d.Source);
        Assert.Null(d.Seats);
        Assert.Null(d.Determination);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(99)]
    public void EC_210_2_resolve_with_unknown_population_accepts_a_justified_odd_override_from_5(int seats)
    {
        var d = CouncilSize.Resolve(null, seats, "Population census not yet received");
        Assert.Equal(CouncilSizeSource.Override, d.Source);
        Assert.Equal(seats, d.Seats);
        Assert.Null(d.Determination);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(101)]
    public void EC_210_2_resolve_with_unknown_population_refuses_an_impossible_override(int seats) =>
        Assert.Equal("councilSizeOverride", Assert.Throws<LegalRuleViolation>(() =>
            CouncilSize.Resolve(null, seats, "Population census not yet received")).Field);

    [Fact]
    public void EC_210_2_resolve_with_unknown_population_refuses_an_unjustified_override() =>
        Assert.Equal("councilSizeOverrideJustification",
            Assert.Throws<LegalRuleViolation>(() => CouncilSize.Resolve(null, 9, null)).Field);

    [Fact]
    public void EC_210_2_resolve_refuses_a_negative_population() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CouncilSize.Resolve(-5, null, null));
}
