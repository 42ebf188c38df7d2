using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class ParameterTests
{
    private static ParameterValue V(int y, int m, int d, decimal value) => new(new DateOnly(y, m, d), value, null, false, null);

    [Fact]
    public void Value_in_force_is_the_latest_valid_from_on_or_before_the_day()
    {
        var t = new ParameterTimeline([V(2020, 1, 1, 2m), V(2006, 1, 1, 1.1m), V(2024, 7, 1, 3m)]);
        Assert.Equal(1.1m, t.ValueOn(new DateOnly(2006, 1, 1)));
        Assert.Equal(1.1m, t.ValueOn(new DateOnly(2019, 12, 31)));
        Assert.Equal(2m, t.ValueOn(new DateOnly(2020, 1, 1)));
        Assert.Equal(2m, t.ValueOn(new DateOnly(2024, 6, 30)));
        Assert.Equal(3m, t.ValueOn(new DateOnly(2024, 7, 1)));
        Assert.Equal(3m, t.ValueOn(new DateOnly(2099, 1, 1)));
        Assert.Equal(new DateOnly(2020, 1, 1), t.On(new DateOnly(2023, 5, 5))!.ValidFrom);
        Assert.Equal([new DateOnly(2006, 1, 1), new DateOnly(2020, 1, 1), new DateOnly(2024, 7, 1)], t.Values.Select(v => v.ValidFrom));
    }

    [Fact]
    public void No_value_before_the_first_one()
    {
        var t = new ParameterTimeline([V(2006, 1, 1, 1.1m)], "SMV");
        Assert.Null(t.On(new DateOnly(2005, 12, 31)));
        var e = Assert.Throws<InvalidOperationException>(() => t.ValueOn(new DateOnly(2005, 12, 31)));
        Assert.Contains("'SMV'", e.Message);
        Assert.Contains("31.12.2005", e.Message);
        Assert.Contains("01.01.2006", e.Message);
    }

    [Fact]
    public void An_empty_timeline_has_no_value()
    {
        var t = new ParameterTimeline([]);
        Assert.Null(t.On(new DateOnly(2026, 1, 1)));
        Assert.Contains("no values", Assert.Throws<InvalidOperationException>(() => t.ValueOn(new DateOnly(2026, 1, 1))).Message);
    }

    [Fact]
    public void Two_values_from_the_same_day_are_refused() =>
        Assert.Throws<ArgumentException>(() => new ParameterTimeline([V(2006, 1, 1, 1.1m), V(2006, 1, 1, 1.2m)]));

    [Fact]
    public void SMV_ships_as_1_10_manat_from_2006_marked_not_from_the_seeds()
    {
        Assert.Equal("SMV", LegalParameterKeys.ConditionalFinancialUnit);
        var smv = Assert.Single(LegalParameterKeys.All, p => p.Key == LegalParameterKeys.ConditionalFinancialUnit);
        Assert.Equal("manat", smv.Unit);
        Assert.Equal("Şərti maliyyə vahidi", smv.NameAz);
        Assert.Equal("Conditional financial unit", smv.NameEn);
        var v = Assert.Single(smv.Defaults);
        Assert.Equal(new DateOnly(2006, 1, 1), v.ValidFrom);
        Assert.Equal(1.10m, v.Value);
        Assert.False(v.FromSeeds);
        Assert.Null(v.Citation);
        Assert.Equal("Value of the conditional financial unit (şərti maliyyə vahidi) set outside the seeds; verify before production", v.Note);
        Assert.Equal(1.10m, smv.DefaultTimeline().ValueOn(new DateOnly(2026, 4, 13)));
    }

    [Fact]
    public void Parameter_keys_are_unique() =>
        Assert.Equal(LegalParameterKeys.All.Count, LegalParameterKeys.All.Select(p => p.Key).Distinct().Count());
}
