using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

/// <summary>The land and property tax lines of LML 18 and LTP 5, 10, at the boundaries the law draws.</summary>
public class AssessmentRuleTests
{
    private static readonly Dictionary<string, RateInForce> Rates = new(StringComparer.OrdinalIgnoreCase)
    {
        [RateClasses.Agricultural] = new(RateClasses.Agricultural, 0.06m, "3/2026", new DateOnly(2026, 1, 1)),
        [RateClasses.Residential("villages")] = new(RateClasses.Residential("villages"), 0.10m, "3/2026", new DateOnly(2026, 1, 1)),
        [RateClasses.Building] = new(RateClasses.Building, 0.1m, "3/2026", new DateOnly(2026, 1, 1)),
        [RateClasses.Vehicle(VehicleKind.WaterTransport)] = new(RateClasses.Vehicle(VehicleKind.WaterTransport), 0.02m, "3/2026", new DateOnly(2026, 1, 1)),
    };

    private static AssessedLine Line(ObjectBase o, decimal weight = 1m, string text = "1/1", int months = 12, HoldingRight right = HoldingRight.Ownership) =>
        TaxAssessment.Line(new Holding(o, right, weight, text, months), c => Rates.GetValueOrDefault(c));

    private static PlotBase Plot(decimal sqm, LandCategory c = LandCategory.Residential, decimal? points = null, LandExemption e = LandExemption.None, long id = 1) =>
        new(id, "Sahə", sqm, c, points, "villages", e);

    [Fact]
    public void LML_18_5_agricultural_land_is_hectares_times_score_points_times_the_rate()
    {
        // 2.5 ha × 40 points × 0.06 = 6.00
        var l = Line(Plot(25_000, LandCategory.Agricultural, 40));
        Assert.Equal((Money.Manat(6m), LineOutcome.Taxed, "LML 18.5"), (l.Gross, l.Outcome, l.Citation.ToString()));
        Assert.Contains("× 0,06", l.Explain("az"));
        Assert.Contains("decision 3/2026", l.Explain("en"));
    }

    [Fact]
    public void LML_18_5_without_score_points_the_line_says_the_data_is_missing()
    {
        var l = Line(Plot(25_000, LandCategory.Agricultural, null));
        Assert.Equal((LineOutcome.MissingData, Money.Zero), (l.Outcome, l.Net));
        Assert.Contains("LML 18.6", l.Explain("en"));
    }

    [Theory]
    [InlineData(100, 10)]    // 100 m² at 0.10 per 100 m²
    [InlineData(150, 15)]
    [InlineData(5, 1)]       // 0.005 → 0.01: one rounding, halves up
    [InlineData(4, 0)]       // 0.004 → 0.00
    public void LML_18_7_other_land_is_taxed_per_100_square_metres_rounded_once(int sqm, long qepik) =>
        Assert.Equal(qepik, Line(Plot(sqm)).Gross.Qepik);

    [Theory]
    [InlineData(LandExemption.PublicUseOfSettlement, "LML 18.8.1")]
    [InlineData(LandExemption.MunicipalOwnedOrUsed, "LML 18.8.2")]
    [InlineData(LandExemption.MunicipalForestWaterNotInProduction, "LML 18.8.3")]
    public void LML_18_8_exempt_land_is_not_taxed_and_says_under_which_article(LandExemption e, string article)
    {
        var l = Line(Plot(10_000, e: e));
        Assert.Equal((LineOutcome.Exempt, Money.Zero, article), (l.Outcome, l.Net, l.Citation.ToString()));
    }

    [Fact]
    public void FL_7_2_a_class_without_a_municipal_rate_is_not_taxed()
    {
        var l = TaxAssessment.Line(new Holding(Plot(600, LandCategory.NonResidential), HoldingRight.Ownership, 1m, "1/1", 12), _ => null);
        Assert.Equal((LineOutcome.NoRate, Money.Zero, "FL 7.2"), (l.Outcome, l.Net, l.Citation.ToString()));
    }

    [Fact]
    public void LML_19_a_lessee_pays_rent_not_land_tax() =>
        Assert.Equal(LineOutcome.NotTaxable, Line(Plot(600), right: HoldingRight.Lease).Outcome);

    [Fact]
    public void LTP_5_3_a_building_is_taxed_on_its_value_and_LTP_5_1_a_boat_on_its_engine()
    {
        Assert.Equal(Money.Manat(45.67m), Line(new BuildingBase(2, "Ev", 45_670m, 120)).Gross);
        Assert.Equal(Money.Manat(30m), Line(new VehicleBase(3, "Qayıq", VehicleKind.WaterTransport, 1500)).Gross);
        Assert.Equal(LineOutcome.MissingData, Line(new BuildingBase(2, "Ev", 0m, 120)).Outcome);
    }

    [Fact]
    public void LML_18_12_a_share_and_the_months_held_scale_the_line_with_one_rounding()
    {
        // 0.10 × 6 = 0.60 a year; one third for 7 months = 0.116… → 0.12
        var l = Line(Plot(600), 1m / 3m, "1/3", 7);
        Assert.Equal(12, l.Gross.Qepik);
        Assert.Contains("× 1/3", l.Explain("en"));
        Assert.Contains("× 7/12 months", l.Explain("en"));
        Assert.Equal(2m / 3m, TaxAssessment.BuildingAreaWeight(100, 150));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaxAssessment.BuildingAreaWeight(200, 150));
    }

    [Theory]
    [InlineData(2026, 1, 1, null, 12)]
    [InlineData(2026, 1, 2, null, 11)]   // acquired after 1 January: from February
    [InlineData(2026, 3, 1, null, 10)]
    [InlineData(2026, 12, 2, null, 0)]
    [InlineData(2020, 5, 5, "2026-10-20", 10)]  // sold on 20 October: January to October
    [InlineData(2020, 5, 5, "2026-10-01", 9)]   // sold on 1 October: the buyer pays October
    [InlineData(2020, 5, 5, "2025-12-31", 0)]
    public void LML_18_2_the_holder_on_the_first_day_of_a_month_pays_that_month(int y, int m, int d, string? to, int months) =>
        Assert.Equal(months, TaxAssessment.HoldingMonths(2026, new DateOnly(y, m, d), to is null ? null : DateOnly.Parse(to)));

    [Fact]
    public void LML_18_2_a_sale_splits_the_year_without_a_month_paid_twice()
    {
        var sale = new DateOnly(2026, 6, 14);
        Assert.Equal(12, TaxAssessment.HoldingMonths(2026, new DateOnly(2001, 1, 1), sale) + TaxAssessment.HoldingMonths(2026, sale, null));
    }

    [Fact]
    public void LML_18_9_ten_manat_off_one_owned_plot_never_below_zero_on_the_chosen_plot()
    {
        var big = Line(Plot(20_000, id: 1));   // 20.00
        var small = Line(Plot(3_000, id: 2));  // 3.00
        var chosen = TaxAssessment.ApplyStatutoryReduction([big, small], true, chosenPlotId: 2, Money.Manat(10m), [1, 2]);
        Assert.Equal((Money.Manat(20m), Money.Zero), (chosen[0].Net, chosen[1].Net));
        Assert.Equal(Money.Manat(3m), chosen[1].Relief);
        Assert.Equal("LML 18.9", chosen[1].ReliefNote);
        // Without a recorded choice the plot with the largest tax takes it.
        var unchosen = TaxAssessment.ApplyStatutoryReduction([big, small], true, null, Money.Manat(10m), [1, 2]);
        Assert.Equal((Money.Manat(10m), Money.Manat(3m)), (unchosen[0].Net, unchosen[1].Net));
        // Not entitled, or a plot only used (not owned): nothing.
        Assert.Equal(Money.Manat(20m), TaxAssessment.ApplyStatutoryReduction([big], false, null, Money.Manat(10m), [1])[0].Net);
        Assert.Equal(Money.Manat(20m), TaxAssessment.ApplyStatutoryReduction([big], true, null, Money.Manat(10m), [])[0].Net);
    }

    [Fact]
    public void LTP_10_2_municipal_reliefs_for_a_category_the_most_favourable_applies()
    {
        var l = Line(new BuildingBase(2, "Ev", 50_000m, 100)); // 50.00
        var reliefs = new[]
        {
            new ReliefInForce(1, LocalTax.PropertyTax, "veteran", ReliefKind.PercentReduction, 50m, null, "4/2026"),
            new ReliefInForce(2, LocalTax.PropertyTax, "veteran", ReliefKind.ReducedRate, 0.08m, RateClasses.Building, "5/2026"),
            new ReliefInForce(3, LocalTax.LandTax, "veteran", ReliefKind.Exemption, 100m, null, "6/2026"),
        };
        var r = TaxAssessment.ApplyMunicipalReliefs(l, reliefs, new HashSet<string> { "veteran" });
        Assert.Equal((Money.Manat(25m), Money.Manat(25m)), (r.Relief, r.Net));
        Assert.Contains("4/2026", r.ReliefNote);
        Assert.Equal(l, TaxAssessment.ApplyMunicipalReliefs(l, reliefs, new HashSet<string> { "other" }));
        var exempt = TaxAssessment.ApplyMunicipalReliefs(Line(Plot(600)), reliefs, new HashSet<string> { "veteran" });
        Assert.Equal(Money.Zero, exempt.Net);
    }

    [Fact]
    public void The_fingerprint_changes_with_the_amounts_and_not_with_the_order_of_lines()
    {
        var a = Line(Plot(600, id: 1));
        var b = Line(Plot(900, id: 2));
        Assert.Equal(TaxAssessment.Fingerprint([a, b]), TaxAssessment.Fingerprint([b, a]));
        Assert.NotEqual(TaxAssessment.Fingerprint([a, b]), TaxAssessment.Fingerprint([a, Line(Plot(901, id: 2))]));
    }

    [Theory]
    [InlineData("1/2", 1, 2)]
    [InlineData("50%", 1, 2)]
    [InlineData("0,25", 1, 4)]
    [InlineData("1", 1, 1)]
    public void Shares_are_read_as_fractions(string text, int n, int d)
    {
        Assert.True(Share.TryParse(text, out var s));
        Assert.Equal((n, d), (s.Numerator, s.Denominator));
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("0")]
    [InlineData("0/5")]
    [InlineData("120%")]
    [InlineData("x")]
    public void A_share_above_the_whole_or_of_nothing_is_refused(string text) => Assert.False(Share.TryParse(text, out _));
}
