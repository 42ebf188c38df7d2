using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The annual assessment as a job, on a real database: lines that explain themselves (LML 18.5, 18.7, LTP 5.3, 10.2;
/// LML 18.9, 18.12), two halves due 15 August and 15 November (LML 18.13), a re-run that changes nothing, a change that
/// makes a visible revision with adjustment charges, and a run that resumes from its cursor.
/// </summary>
public abstract class AssessmentEngineTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private const int Year = 2026;

    [Fact]
    public async Task A_taxpayers_lines_follow_the_rates_reliefs_shares_and_months_and_the_halves_add_up()
    {
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Residential("villages"), 0.1m, Year);
        await s.RateAsync(RateClasses.Agricultural, 0.06m, Year);
        await s.RateAsync(RateClasses.Building, 0.1m, Year);
        var t = await s.TaxpayerAsync("AAA0001", "Əli Məmmədov", relief102: true);
        var house = await s.PlotAsync(600);
        var field = await s.PlotAsync(20_000, LandCategory.Agricultural, points: 45);
        var building = await s.BuildingAsync(40_000);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, house.Id, new DateOnly(2015, 1, 1));
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, field.Id, new DateOnly(2015, 1, 1), 1, 2);
        // Bought on 10 March: the holder on the first day of April onward pays 9 of 12 months.
        await s.HoldAsync(t.Id, ObjectKind.Building, building.Id, new DateOnly(Year, 3, 10));

        var run = await s.AssessAsync(Year);
        Assert.Equal(1, run.NoticesCreated);
        var notice = Assert.Single(await s.NoticesAsync(t.Id));
        var lines = await s.LinesAsync(notice.Id);
        var houseLine = lines.Single(l => l.ObjectId == house.Id && l.ObjectKind == ObjectKind.LandPlot);
        var fieldLine = lines.Single(l => l.ObjectId == field.Id && l.ObjectKind == ObjectKind.LandPlot);
        var buildingLine = lines.Single(l => l.ObjectKind == ObjectKind.Building);
        Assert.Equal((60L, "LML 18.7"), (houseLine.GrossQepik, houseLine.Citation));             // 600 m² / 100 × 0.10
        Assert.Equal((270L, "LML 18.5"), (fieldLine.GrossQepik, fieldLine.Citation));            // 2 ha × 45 × 0.06 × 1/2
        Assert.Equal((3000L, 9), (buildingLine.GrossQepik, buildingLine.Months));               // 40 000 × 0.1 % × 9/12
        // LML 18.9: 10 manat off one owned plot, never below zero: the field (larger tax) takes 2.70.
        Assert.Equal((270L, 0L, "LML 18.9"), (fieldLine.ReliefQepik, fieldLine.NetQepik, fieldLine.ReliefNote));
        Assert.Equal(0L, houseLine.ReliefQepik);
        Assert.Equal((60L, 3000L, 3060L), (notice.LandQepik, notice.PropertyQepik, notice.TotalQepik));
        Assert.Equal(notice.TotalQepik, notice.FirstQepik + notice.SecondQepik);
        Assert.Equal((new DateOnly(Year, 8, 15), new DateOnly(Year, 11, 15)), (notice.FirstDueOn, notice.SecondDueOn));
        Assert.True(PaymentReference.TryParse(notice.Reference, out var reference, out _));
        Assert.Equal((Year, s.MunicipalityId, notice.Number), (reference.Year, reference.MunicipalityId, reference.Number));
        var charges = await s.ChargesAsync(t.Id);
        Assert.Equal(notice.TotalQepik, charges.Sum(c => c.AmountQepik));
        Assert.All(charges, c => Assert.Equal(ChargeKind.Assessment, c.Kind));
        Assert.Equal([30L, 30L, 1500L, 1500L], charges.OrderBy(c => c.Tax).ThenBy(c => c.Instalment).Select(c => c.AmountQepik));
    }

    [Fact]
    public async Task A_rerun_changes_nothing_and_a_change_after_assessment_is_a_visible_revision_with_adjustments()
    {
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Residential("villages"), 0.3m, Year);
        var t = await s.TaxpayerAsync("BBB0001", "Leyla Əliyeva");
        var plot = await s.PlotAsync(1_000);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2010, 5, 1));
        await s.AssessAsync(Year);
        var second = await s.AssessAsync(Year);
        Assert.Equal((0, 0, 1), (second.NoticesCreated, second.NoticesRevised, second.NoticesUnchanged));
        Assert.Single(await s.NoticesAsync(t.Id));
        Assert.Equal(300L, (await s.ChargesAsync(t.Id)).Sum(c => c.AmountQepik));

        // The plot turns out larger (title corrected): the next run revises the notice.
        await App.WithDbAsync(async db =>
        {
            (await db.LandPlots.SingleAsync(p => p.Id == plot.Id)).AreaSqm = 1_500;
            return await db.SaveChangesAsync();
        });
        var third = await s.AssessAsync(Year);
        Assert.Equal((0, 1), (third.NoticesCreated, third.NoticesRevised));
        var notices = await s.NoticesAsync(t.Id);
        Assert.Equal(2, notices.Count);
        var (old, current) = (notices[0], notices[1]);
        Assert.False(old.IsCurrent);
        Assert.Equal(current.Id, old.SupersededById);
        Assert.Equal((true, 1, 450L, 150L), (current.IsCurrent, current.Revision, current.TotalQepik, current.ChangeQepik));
        Assert.Equal((old.Number, old.Reference), (current.Number, current.Reference));
        var charges = await s.ChargesAsync(t.Id);
        Assert.Equal(450L, charges.Sum(c => c.AmountQepik));
        var adjustments = charges.Where(c => c.Kind == ChargeKind.Adjustment).ToList();
        Assert.Equal([75L, 75L], adjustments.Select(c => c.AmountQepik));
        // Today (December) is after both due days: the adjustments fall due 30 days after the revision.
        Assert.All(adjustments, c => Assert.True(c.DueOn > new DateOnly(Year, 11, 15)));
    }

    [Fact]
    public async Task LML_18_12_land_under_a_shared_building_is_taxed_by_each_holders_building_area()
    {
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Residential("villages"), 0.4m, Year);
        var plot = await s.PlotAsync(3_000, byBuildingArea: true);
        var flatA = await s.BuildingAsync(0, area: 100, plotId: plot.Id);
        var flatB = await s.BuildingAsync(0, area: 50, plotId: plot.Id);
        var a = await s.TaxpayerAsync("CCC0001", "Rəşad Hüseynov");
        var b = await s.TaxpayerAsync("CCC0002", "Aynur Quliyeva");
        await s.HoldAsync(a.Id, ObjectKind.Building, flatA.Id, new DateOnly(2012, 1, 1));
        await s.HoldAsync(b.Id, ObjectKind.Building, flatB.Id, new DateOnly(2012, 1, 1));
        await s.AssessAsync(Year);
        // 3000 m² / 100 × 0.40 = 12.00, split 100 : 50.
        Assert.Equal(800L, (await s.NoticesAsync(a.Id)).Single().LandQepik);
        Assert.Equal(400L, (await s.NoticesAsync(b.Id)).Single().LandQepik);
        var line = (await s.LinesAsync((await s.NoticesAsync(a.Id)).Single().Id)).Single(l => l.ObjectKind == ObjectKind.LandPlot);
        Assert.StartsWith("LML 18.12", line.WeightNote);
    }

    [Fact]
    public async Task Without_a_rate_decided_by_the_council_nothing_is_assessed_and_the_line_says_why()
    {
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync("DDD0001", "Elvin İsmayılov");
        var plot = await s.PlotAsync(800);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2019, 1, 1));
        var run = await s.AssessAsync(Year);
        Assert.Equal(0, run.NoticesCreated);
        Assert.Empty(await s.NoticesAsync(t.Id));
        Assert.Empty(await s.ChargesAsync(t.Id));
    }

    [Fact]
    public async Task LML_18_5_agricultural_land_is_taxed_at_the_statutory_rate_without_a_council_rate()
    {
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync("DDD0002", "Nigar Həsənova");
        var field = await s.PlotAsync(25_000, LandCategory.Agricultural, points: 41);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, field.Id, new DateOnly(2019, 1, 1));
        await s.AssessAsync(Year);
        var notice = Assert.Single(await s.NoticesAsync(t.Id));
        // 2.5 ha × 41 points × 0.06 manat = 6.15 manat (LML 18.5), in halves of 3.08 and 3.07 (LML 18.13).
        Assert.Equal(615, notice.TotalQepik);
        Assert.Equal(308, notice.FirstQepik);
        Assert.Equal(307, notice.SecondQepik);
    }

    [Fact]
    public async Task Only_the_tax_service_starts_a_run_and_a_second_run_of_the_same_year_waits()
    {
        var s = await TaxScenario.CreateAsync(App);
        var bad = await s.Officer.PostAsJsonAsync($"{s.Api}/assessments?lang=en", new { year = 1999 });
        await bad.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "year");
        var accountant = await s.Accountant.PostAsJsonAsync($"{s.Api}/assessments", new { year = Year });
        Assert.Equal(HttpStatusCode.Forbidden, accountant.StatusCode);
        await App.CreateUserAsync($"res-{s.MunicipalityId}", OpenBams.Platform.Identity.Role.Resident, s.MunicipalityId);
        var resident = await App.LoginAsync($"res-{s.MunicipalityId}");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/assessments")).StatusCode);
    }
}

public sealed class AssessmentEngineTests_Sqlite(SqliteFixture f) : AssessmentEngineTests(f), IClassFixture<SqliteFixture>;
public sealed class AssessmentEngineTests_Postgres(PostgresFixture f) : AssessmentEngineTests(f), IClassFixture<PostgresFixture>;
