using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// Rates and reliefs through the API on a real database: SL 43.3 (two thirds of all members, counted from the stored vote),
/// the legal limits in force (FL 7.2, LTP 10.1, LTP 9.1.4-9.1.5) at the cap and one qəpik above, LML 18.5, LTP 10.2, LML 18.9,
/// rates in force on a day and their history, and tax secrecy (TAX-REG 3.1.10).
/// </summary>
public abstract class TaxRatesApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static async Task<JsonElement> Rule(HttpResponseMessage r, string field, string rule)
    {
        var p = await r.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(rule, p.GetProperty("rule").GetString());
        return p;
    }

    private static Task<HttpResponseMessage> PostRate(TaxScenario s, string rateClass, decimal? rate, DateOnly from, int decisionId) =>
        s.Officer.PostAsJsonAsync($"{s.Api}/rates?lang=en", new { rateClass, rate, validFrom = from, decisionId }, TaxJson.Options);

    [Fact]
    public async Task SL_43_3_a_rate_needs_two_thirds_of_all_members_five_of_seven_accepted_four_refused()
    {
        var s = await TaxScenario.CreateAsync(App);
        var five = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10), members: 7, forVotes: 5);
        var four = await s.TaxDecisionAsync(new DateOnly(2025, 12, 11), members: 7, forVotes: 4);
        var cls = RateClasses.Residential("villages");
        var p = await Rule(await PostRate(s, cls, 0.05m, new DateOnly(2026, 1, 1), four.Id), "decisionId", "SL 43.3");
        Assert.Contains("4 of 7", p.GetProperty("title").GetString());
        var ok = await (await PostRate(s, cls, 0.05m, new DateOnly(2026, 1, 1), five.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        Assert.Equal((0.05m, $"{five.Number}/{five.Year}"), (ok.Rate, ok.DecisionCode));

        // The stored vote counts too: a decision row whose vote had fewer than two thirds is refused.
        var forged = await s.TaxDecisionAsync(new DateOnly(2025, 12, 12), members: 7, forVotes: 5);
        await App.WithDbAsync(async db =>
        {
            var v = await db.CouncilVotes.SingleAsync(x => x.Id == forged.VoteId);
            v.For = 4;
            return await db.SaveChangesAsync();
        });
        await Rule(await PostRate(s, cls, 0.05m, new DateOnly(2026, 2, 1), forged.Id), "decisionId", "SL 43.3");

        // Not a decision on local taxes; a revoked one; a rate from before its decision.
        var other = await s.TaxDecisionAsync(new DateOnly(2025, 12, 13), members: 7, forVotes: 7);
        await App.WithDbAsync(async db =>
        {
            var d = await db.CouncilDecisions.SingleAsync(x => x.Id == other.Id);
            d.Area = OpenBams.Law.Council.DecisionArea.RulesOfProcedure;
            return await db.SaveChangesAsync();
        });
        await Rule(await PostRate(s, cls, 0.05m, new DateOnly(2026, 3, 1), other.Id), "decisionId", "SL 43.3");
        await Rule(await PostRate(s, cls, 0.05m, new DateOnly(2025, 12, 1), five.Id), "validFrom", "SL 43.3");
        await (await PostRate(s, cls, 0.05m, new DateOnly(2026, 1, 1), five.Id)).AssertProblemAsync(HttpStatusCode.Conflict, "validFrom");
        await (await PostRate(s, cls, 0.05m, new DateOnly(2026, 4, 1), 999_999)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "decisionId");
    }

    [Fact]
    public async Task FL_7_2_LTP_10_1_rate_at_the_cap_is_accepted_and_one_qepik_above_is_refused()
    {
        var s = await TaxScenario.CreateAsync(App);
        var d = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10));
        var from = new DateOnly(2026, 1, 1);
        // Tax Code 206.4 (shipped parameter): 0.1 manat per 100 m² in villages.
        await Rule(await PostRate(s, RateClasses.Residential("villages"), 0.11m, from, d.Id), "rate", "LML 18.7");
        await (await PostRate(s, RateClasses.Residential("villages"), 0.10m, from, d.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        // LTP 9.1.4: 1 ŞMV (1.10 manat) per guest-night; LTP 9.1.5: 0.1 ŞMV (0.11) per vehicle-day.
        await Rule(await PostRate(s, RateClasses.Hotel, 1.11m, from, d.Id), "rate", "LTP 9.1.4");
        await (await PostRate(s, RateClasses.Hotel, 1.10m, from, d.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        await Rule(await PostRate(s, RateClasses.Parking, 0.12m, from, d.Id), "rate", "LTP 9.1.5");
        await (await PostRate(s, RateClasses.Parking, 0.11m, from, d.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        // FL 7.2: advertising at least the zone's minimum (zone 1: 1.00).
        await Rule(await PostRate(s, RateClasses.Advertising(1), 0.99m, from, d.Id), "rate", "FL 7.2");
        await (await PostRate(s, RateClasses.Advertising(1), 1.00m, from, d.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        await (await PostRate(s, "land.unknown", 1m, from, d.Id)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "rateClass");
        await (await PostRate(s, RateClasses.Building, 0.0000001m, from, d.Id)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "rate");
        var classes = await s.Officer.GetFromJsonAsync<List<RateClassView>>($"{s.Api}/rate-classes?on=2026-01-01", TaxJson.Options);
        Assert.Equal(1.10m, classes!.Single(c => c.Key == RateClasses.Hotel).LimitValue);
    }

    [Fact]
    public async Task LML_18_5_agricultural_land_is_the_statutory_0_06_and_a_municipality_cannot_change_it()
    {
        var s = await TaxScenario.CreateAsync(App);
        var d = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10));
        await Rule(await PostRate(s, RateClasses.Agricultural, 0.07m, new DateOnly(2026, 1, 1), d.Id), "rate", "LML 18.5");
        await Rule(await PostRate(s, RateClasses.Agricultural, 0.05m, new DateOnly(2026, 1, 1), d.Id), "rate", "LML 18.5");
        var ok = await (await PostRate(s, RateClasses.Agricultural, null, new DateOnly(2026, 1, 1), d.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        Assert.Equal(0.06m, ok.Rate);
    }

    [Fact]
    public async Task Rates_in_force_on_a_day_follow_their_decisions_and_the_history_keeps_every_row_and_the_assessment_uses_them()
    {
        var s = await TaxScenario.CreateAsync(App);
        var cls = RateClasses.Residential("villages");
        var d1 = await s.TaxDecisionAsync(new DateOnly(2024, 12, 10));
        var d2 = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10));
        await (await PostRate(s, cls, 0.08m, new DateOnly(2025, 1, 1), d1.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        await (await PostRate(s, cls, 0.10m, new DateOnly(2026, 1, 1), d2.Id)).OkAsync<TaxRateView>(HttpStatusCode.Created);
        var on2025 = await s.Officer.GetFromJsonAsync<PageOf<TaxRateView>>($"{s.Api}/rates?on=2025-06-30", TaxJson.Options);
        Assert.Equal(0.08m, Assert.Single(on2025!.Items).Rate);
        var on2026 = await s.Officer.GetFromJsonAsync<PageOf<TaxRateView>>($"{s.Api}/rates?on=2026-01-01", TaxJson.Options);
        Assert.Equal(0.10m, Assert.Single(on2026!.Items).Rate);
        Assert.Empty((await s.Officer.GetFromJsonAsync<PageOf<TaxRateView>>($"{s.Api}/rates?on=2024-12-31", TaxJson.Options))!.Items);
        var history = await s.Officer.GetFromJsonAsync<PageOf<TaxRateView>>($"{s.Api}/rates/history?q={d1.Number}/{d1.Year}&pageSize=1", TaxJson.Options);
        Assert.Contains(history!.Items, r => r.Rate == 0.08m && r.ValidUntil == new DateOnly(2026, 1, 1));
        var csv = await s.Officer.GetStringAsync($"{s.Api}/rates/export.csv?lang=en");
        Assert.Contains("0.08", csv);
        Assert.Contains("01.01.2026", csv);
        var xlsx = await s.Officer.GetAsync($"{s.Api}/rates/export.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // The assessment of 2026 uses the rate entered for 2026: 600 m² × 0.10 per 100 m² = 0.60.
        var t = await s.TaxpayerAsync("R" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Rəhimov Rauf");
        var plot = await s.PlotAsync(600);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2020, 1, 1));
        await s.AssessAsync(2026);
        var notice = (await s.NoticesAsync(t.Id)).Single(n => n.Year == 2026);
        var line = Assert.Single(await s.LinesAsync(notice.Id));
        Assert.Equal((0.10m, 60L, $"{d2.Number}/{d2.Year}"), (line.Rate, line.NetQepik, line.Decision));
    }

    [Fact]
    public async Task LTP_10_2_reliefs_come_from_a_two_thirds_decision_and_stay_within_their_bounds()
    {
        var s = await TaxScenario.CreateAsync(App);
        var d = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10), members: 7, forVotes: 5);
        var weak = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10), members: 7, forVotes: 4);
        object Relief(ReliefKind kind, decimal? value, int decisionId, string? rateClass = null) => new
        {
            tax = LocalTax.LandTax, category = "veteran", categoryName = "Müharibə veteranları", kind, value, rateClass, validFrom = new DateOnly(2026, 1, 1), decisionId,
        };
        string url = $"{s.Api}/reliefs?lang=en";
        await Rule(await s.Officer.PostAsJsonAsync(url, Relief(ReliefKind.PercentReduction, 50m, weak.Id), TaxJson.Options), "decisionId", "SL 43.3");
        await (await s.Officer.PostAsJsonAsync(url, Relief(ReliefKind.PercentReduction, 100.01m, d.Id), TaxJson.Options))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "value");
        await (await s.Officer.PostAsJsonAsync(url, Relief(ReliefKind.ReducedRate, 0.05m, d.Id), TaxJson.Options))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "rateClass");
        await Rule(await s.Officer.PostAsJsonAsync(url, Relief(ReliefKind.ReducedRate, 0.11m, d.Id, RateClasses.Residential("villages")), TaxJson.Options), "value", "LML 18.7");
        var ok = await (await s.Officer.PostAsJsonAsync(url, Relief(ReliefKind.PercentReduction, 50m, d.Id), TaxJson.Options)).OkAsync<TaxReliefView>(HttpStatusCode.Created);
        Assert.Equal(("veteran", 50m), (ok.Category, ok.Value));
        await (await s.Officer.PostAsJsonAsync(url, Relief(ReliefKind.ReducedRate, 0.05m, d.Id, RateClasses.Residential("villages")), TaxJson.Options))
            .OkAsync<TaxReliefView>(HttpStatusCode.Created);
        var inForce = await s.Officer.GetFromJsonAsync<PageOf<TaxReliefView>>($"{s.Api}/reliefs?on=2026-03-01", TaxJson.Options);
        Assert.Equal(2, inForce!.Total);
        Assert.Empty((await s.Officer.GetFromJsonAsync<PageOf<TaxReliefView>>($"{s.Api}/reliefs?on=2025-03-01", TaxJson.Options))!.Items);
        Assert.Contains("veteran", await s.Officer.GetStringAsync($"{s.Api}/reliefs/export.csv"));
    }

    [Fact]
    public async Task LML_18_9_a_102_2_person_chooses_one_owned_plot_and_a_stale_version_is_refused()
    {
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync("N" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Nəsibova Nərgiz");
        var owned = await s.PlotAsync(500);
        var notOwned = await s.PlotAsync(700);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, owned.Id, new DateOnly(2020, 1, 1));
        var url = $"{s.Api}/taxpayers/{t.Id}/relief-102-2?lang=en";
        await Rule(await s.Officer.PutAsJsonAsync(url, new { eligible = true, plotId = notOwned.Id, version = t.Version }, TaxJson.Options), "plotId", "LML 18.9");
        var v = await (await s.Officer.PutAsJsonAsync(url, new { eligible = true, plotId = owned.Id, version = t.Version }, TaxJson.Options)).OkAsync<Relief102View>();
        Assert.Equal((true, owned.Id, owned.Address), (v.Eligible, v.PlotId, v.PlotAddress));
        await (await s.Officer.PutAsJsonAsync(url, new { eligible = false, plotId = (int?)null, version = t.Version }, TaxJson.Options))
            .AssertProblemAsync(HttpStatusCode.Conflict, "version");
        var list = await s.Officer.GetFromJsonAsync<PageOf<Relief102View>>($"{s.Api}/reliefs/statutory", TaxJson.Options);
        Assert.Contains(list!.Items, x => x.TaxpayerId == t.Id && x.PlotId == owned.Id);
        var legal = await s.LegalPersonAsync("1" + Random.Shared.Next(100_000_000, 999_999_999), "Sahə MMC");
        await Rule(await s.Officer.PutAsJsonAsync($"{s.Api}/taxpayers/{legal.Id}/relief-102-2?lang=en", new { eligible = true, version = legal.Version }, TaxJson.Options),
            "eligible", "LML 18.9");
    }

    [Fact]
    public async Task TAX_REG_3_1_10_a_resident_is_refused_and_the_accountant_cannot_enter_rates()
    {
        var s = await TaxScenario.CreateAsync(App);
        var d = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10));
        var login = "res-" + Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync(login, Role.Resident, s.MunicipalityId);
        var resident = await App.LoginAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/rates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/reliefs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/rates/export.csv")).StatusCode);
        var body = new { rateClass = RateClasses.Building, rate = 0.1m, validFrom = new DateOnly(2026, 1, 1), decisionId = d.Id };
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"{s.Api}/rates", body, TaxJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Accountant.PostAsJsonAsync($"{s.Api}/rates", body, TaxJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Accountant.GetAsync($"{s.Api}/rates")).StatusCode);
        Assert.Empty(await App.WithDbAsync(db => db.TaxRates.Where(r => r.MunicipalityId == s.MunicipalityId).ToListAsync()));
    }
}

public sealed class TaxRatesApiTests_Sqlite(SqliteFixture f) : TaxRatesApiTests(f), IClassFixture<SqliteFixture>;
public sealed class TaxRatesApiTests_Postgres(PostgresFixture f) : TaxRatesApiTests(f), IClassFixture<PostgresFixture>;
