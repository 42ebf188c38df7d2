using System.Net;
using OpenBams.Law.Budget;
using OpenBams.Testing;
using static OpenBams.Tests.Budget.PlanningScenario;

namespace OpenBams.Tests.Budget;

/// <summary>The budget's reports as PDF (read back with Poppler) and XLSX: the approved budget (FL 10.2), the annual execution report
/// (FL 11.3) with paid amounts from the expenditures and received revenue, the report to the Milli Məclis (SL 52-2.1-2), statistics (FL 6.4).</summary>
public abstract class BudgetReportTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task FL_10_2_FL_11_3_SL_52_2_reports_are_PDF_in_Azerbaijani_and_XLSX()
    {
        var s = await CreateAsync(App);
        var id = await s.ApprovedAsync(2026, null, Revenue(RevenueClass.LandTax, 500_00), Spending("E-1", ExpenditureArea.StreetsYardsGardens, 300_00),
            Spending("E-3", ExpenditureArea.Other, 70_00, LineFunding.DelegatedStatePowers, "Hərbi qeydiyyat"));
        await App.WithDbAsync(async db =>
        {
            var line = db.BudgetLines.Single(l => l.BudgetId == id && l.Code == "E-1");
            db.Expenditures.Add(new OpenBams.Budget.Expenditure { MunicipalityId = s.MunicipalityId, BudgetId = id, LineId = line.Id, Kind = ExpenditureKind.DirectPayment,
                AmountQepik = 123_45, On = new DateOnly(2026, 5, 1), Payee = "MMC", Purpose = "Lampalar", Document = "akt 1", CreatedAt = DateTime.UtcNow, CreatedBy = "t" });
            db.TaxRevenueDays.Add(new OpenBams.Budget.TaxRevenueDay { MunicipalityId = s.MunicipalityId, On = new DateOnly(2026, 2, 1), RevenueClass = RevenueClass.LandTax, AmountQepik = 200_00, Payments = 3 });
            return await db.SaveChangesAsync();
        });
        var approved = await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/approved.pdf");
        Assert.Equal("application/pdf", approved.Content.Headers.ContentType?.MediaType);
        var text = Poppler.Text(await approved.Content.ReadAsByteArrayAsync());
        Assert.Contains("Təsdiq edilmiş yerli büdcə", text);
        Assert.Contains("E-1", text);
        var exec = Poppler.Text(await (await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/execution.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("123,45", exec);
        Assert.Contains("200,00", exec);
        var q1 = Poppler.Text(await (await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/quarterly.pdf?quarter=1")).Content.ReadAsByteArrayAsync());
        Assert.Contains("200,00", q1);
        Assert.DoesNotContain("123,45", q1);
        var parl = Poppler.Text(await (await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/parliament.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Hərbi qeydiyyat", parl);
        Assert.Contains("SL 52-2.1-2", parl);
        var xlsx = await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/statistics.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/nonsense.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await s.Member.GetAsync($"{s.Api}/budgets/{id}/reports/quarterly.pdf?quarter=5")).StatusCode);
    }
}

public sealed class BudgetReportTests_Sqlite(SqliteFixture f) : BudgetReportTests(f), IClassFixture<SqliteFixture>;
public sealed class BudgetReportTests_Postgres(PostgresFixture f) : BudgetReportTests(f), IClassFixture<PostgresFixture>;
