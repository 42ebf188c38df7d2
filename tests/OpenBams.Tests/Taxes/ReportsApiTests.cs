using System.Net;
using System.Text;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Taxes.ReportJson;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The taxes reports on a real database, with exact figures from <see cref="ReportsScenario"/>: collection by month and tax
/// (FL 7.1), arrears aged at the 30/31 and 365/366-day boundaries with FL 7.1.11 interest, the quarterly report to the
/// Ministry of Finance (Decree of 4 April 2002 para. 2) with its due day, PDF and XLSX, the record of sending, and the
/// national report in aggregate. Tax secrecy (TAX-REG 3.1.10): national readers never see a taxpayer, residents nothing.
/// </summary>
public abstract class ReportsApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task FL_7_1_collection_by_month_and_tax_charged_collected_received_and_outstanding()
    {
        var r = await ReportsScenario.CreateAsync(App);
        var report = await (await r.S.Officer.GetAsync($"{r.Api}/collection?from=2026-01-01&to=2026-12-31&period=month")).JsonAsync();
        var months = report.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("label").GetString()!);
        Assert.Equal(12, months.Count);
        var aug = months["2026-08"];
        Assert.Equal((2_750L, 1_250L, 1_750L, 2_000L), (aug.Qepik("charged"), aug.Qepik("collected"), aug.Qepik("received"), aug.Qepik("outstanding")));
        var augTaxes = aug.GetProperty("taxes");
        Assert.Equal((750L, 1_250L, 0L, "FL 7.1.1"), (augTaxes.Tax("LandTax").Qepik("charged"), augTaxes.Tax("LandTax").Qepik("collected"),
            augTaxes.Tax("LandTax").Qepik("outstanding"), augTaxes.Tax("LandTax").GetProperty("revenueClass").GetString()));
        Assert.Equal((2_000L, 0L, 2_000L, "FL 7.1.2"), (augTaxes.Tax("PropertyTax").Qepik("charged"), augTaxes.Tax("PropertyTax").Qepik("collected"),
            augTaxes.Tax("PropertyTax").Qepik("outstanding"), augTaxes.Tax("PropertyTax").GetProperty("revenueClass").GetString()));
        // The reversed 7.00 of 01.09 is not received; nothing else happened in September.
        Assert.Equal((0L, 0L, 0L, 2_000L), (months["2026-09"].Qepik("charged"), months["2026-09"].Qepik("collected"), months["2026-09"].Qepik("received"),
            months["2026-09"].Qepik("outstanding")));
        // LTP 3.5: the voluntary payment is collected when received, under FL 7.3.
        var oct = months["2026-10"];
        Assert.Equal((300L, 300L), (oct.Qepik("received"), oct.GetProperty("taxes").Tax("VoluntaryPayment").Qepik("collected")));
        Assert.Equal("FL 7.3", oct.GetProperty("taxes").Tax("VoluntaryPayment").GetProperty("revenueClass").GetString());
        var nov = months["2026-11"];
        Assert.Equal((2_750L, 1_000L, 1_000L), (nov.Qepik("charged"), nov.Qepik("collected"), nov.Qepik("received")));
        // At the end of November: Alpha's second half 2.50 and Charlie's 10.00 + 20.00.
        Assert.Equal((250L, 3_000L), (nov.GetProperty("taxes").Tax("LandTax").Qepik("outstanding"), nov.GetProperty("taxes").Tax("PropertyTax").Qepik("outstanding")));
        Assert.Equal(0L, months["2026-07"].Qepik("outstanding"));
        var taxes = report.GetProperty("taxes");
        Assert.Equal((1_500L, 1_250L, 250L), (taxes.Tax("LandTax").Qepik("charged"), taxes.Tax("LandTax").Qepik("collected"), taxes.Tax("LandTax").Qepik("outstanding")));
        Assert.Equal((4_000L, 1_000L, 3_000L), (taxes.Tax("PropertyTax").Qepik("charged"), taxes.Tax("PropertyTax").Qepik("collected"), taxes.Tax("PropertyTax").Qepik("outstanding")));
        Assert.Equal((5_500L, 2_550L, 3_050L, 3_250L), (report.Qepik("charged"), report.Qepik("collected"), report.Qepik("received"), report.Qepik("outstanding")));

        // By quarter the same money: Q3 holds August.
        var quarters = await (await r.S.Accountant.GetAsync($"{r.Api}/collection?from=01.01.2026&to=31.12.2026&period=quarter")).JsonAsync();
        var q3 = quarters.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "2026-Q3");
        Assert.Equal((2_750L, 1_250L, 1_750L), (q3.Qepik("charged"), q3.Qepik("collected"), q3.Qepik("received")));

        // Exports: the same figures in manat.
        var csv = Encoding.UTF8.GetString(await r.S.Officer.GetByteArrayAsync($"{r.Api}/collection/export.csv?from=2026-01-01&to=2026-12-31&period=month"));
        Assert.Contains("2026-08,01.08.2026,31.08.2026,LandTax,Torpaq vergisi,FL 7.1.1,7.50,12.50,0.00,", csv);
        Assert.Contains("2026-08,01.08.2026,31.08.2026,,Cəmi,,27.50,12.50,20.00,17.50", csv);
        var sheet = ReadXlsx(await r.S.Officer.GetByteArrayAsync($"{r.Api}/collection/export.xlsx?from=2026-01-01&to=2026-12-31&period=month&lang=en"));
        Assert.Equal("Charged", sheet[0][6]);
        var augProperty = sheet.Single(row => row[0] == "2026-08" && row[3] == "PropertyTax");
        Assert.Equal(["20", "0", "20"], augProperty.Skip(6).Take(3));
        var total = sheet[^1];
        Assert.Equal(["55", "25.5", "32.5", "30.5"], total.Skip(6).Take(4));

        // Bad input names its field.
        await (await r.S.Officer.GetAsync($"{r.Api}/collection?period=week")).AssertProblemAsync(HttpStatusCode.BadRequest, "period");
        await (await r.S.Officer.GetAsync($"{r.Api}/collection?from=2026-13-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await r.S.Officer.GetAsync($"{r.Api}/collection?from=2026-05-01&to=2026-04-01")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        await (await r.S.Officer.GetAsync($"{r.Api}/collection?from=2000-01-01&to=2026-04-01")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
    }

    [Fact]
    public async Task FL_7_1_11_arrears_are_aged_from_the_last_day_to_pay_at_30_31_and_365_366_days_with_interest()
    {
        var r = await ReportsScenario.CreateAsync(App);
        // Charlie's first half (20.00) was due Saturday 15.08: the last day is Monday 17.08. 16.09 is day 30, 17.09 day 31.
        var d30 = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2026-09-16")).JsonAsync();
        var charlie = d30.GetProperty("page").GetProperty("items").EnumerateArray().Single();
        Assert.Equal((r.Charlie, 2_000L, 2_000L, 0L, 30), (charlie.GetProperty("taxpayerId").GetInt32(), charlie.Qepik("outstanding"), charlie.Qepik("upTo30"),
            charlie.Qepik("upTo90"), charlie.GetProperty("maxDaysOverdue").GetInt32()));
        Assert.Equal(60L, charlie.Qepik("interest")); // 20.00 × 0.1 % × 30 days
        Assert.Equal("Reports Charlie", charlie.GetProperty("name").GetString());
        var d31 = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=17.09.2026")).JsonAsync();
        var c31 = d31.GetProperty("page").GetProperty("items")[0];
        Assert.Equal((0L, 2_000L, 62L), (c31.Qepik("upTo30"), c31.Qepik("upTo90"), c31.Qepik("interest")));
        // The day it is due nothing is overdue: 17.08 is still in time.
        Assert.Equal(0, (await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2026-08-17")).JsonAsync()).GetProperty("taxpayers").GetInt32());

        // 01.12: Charlie owes 10.00 of the first half (106 days: 91-180) and the second half 20.00 (last day Monday 16.11: 15 days);
        // Alpha owes the second half 2.50 (15 days). Interest: 20.00 × 0.1 % × 94 days + 10.00 × 0.1 % × 12 days = 2.00;
        // 20.00 × 0.1 % × 15 = 0.30; 2.50 × 0.1 % × 15 = 0.0375 → 0.04.
        var dec = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2026-12-01")).JsonAsync();
        Assert.Equal((2, 3, 3_250L, 234L), (dec.GetProperty("taxpayers").GetInt32(), dec.GetProperty("items").GetInt32(), dec.Qepik("outstanding"), dec.Qepik("interest")));
        var buckets = dec.GetProperty("buckets").EnumerateArray().ToDictionary(b => b.GetProperty("bucket").GetString()!);
        Assert.Equal((2, 2_250L, 34L), (buckets["UpTo30"].GetProperty("taxpayers").GetInt32(), buckets["UpTo30"].Qepik("outstanding"), buckets["UpTo30"].Qepik("interest")));
        Assert.Equal((1, 1_000L, 200L), (buckets["UpTo180"].GetProperty("taxpayers").GetInt32(), buckets["UpTo180"].Qepik("outstanding"), buckets["UpTo180"].Qepik("interest")));
        Assert.Equal(0L, buckets["OverYear"].Qepik("outstanding"));
        var items = dec.GetProperty("page").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { r.Charlie, r.Alpha }, items.Select(i => i.GetProperty("taxpayerId").GetInt32()));
        Assert.Equal((3_000L, 1_000L, 2_000L, 230L), (items[0].Qepik("outstanding"), items[0].Qepik("upTo180"), items[0].Qepik("upTo30"), items[0].Qepik("interest")));
        Assert.Equal((250L, 4L), (items[1].Qepik("outstanding"), items[1].Qepik("interest")));

        // Paging, search and the bucket filter.
        var page2 = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2026-12-01&pageSize=1&page=2")).JsonAsync();
        Assert.Equal((2, r.Alpha), (page2.GetProperty("page").GetProperty("total").GetInt32(), page2.GetProperty("page").GetProperty("items")[0].GetProperty("taxpayerId").GetInt32()));
        var search = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2026-12-01&q=alpha")).JsonAsync();
        Assert.Equal(r.Alpha, search.GetProperty("page").GetProperty("items").EnumerateArray().Single().GetProperty("taxpayerId").GetInt32());
        Assert.Equal(3_250L, search.Qepik("outstanding")); // the totals stay the municipality's
        var only180 = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2026-12-01&bucket=91-180")).JsonAsync();
        Assert.Equal(r.Charlie, only180.GetProperty("page").GetProperty("items").EnumerateArray().Single().GetProperty("taxpayerId").GetInt32());
        await (await r.S.Officer.GetAsync($"{r.Api}/arrears?bucket=7-9")).AssertProblemAsync(HttpStatusCode.BadRequest, "bucket");
        await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest, "asOf");

        // A year on: 365 days after 17.08 is 17.08.2027 (181-365), 366 is 18.08.2027 (over a year). The second half (last day
        // 16.11.2026) is 274 and 275 days old. Interest: the first half 94 days at 20.00 and then 271 at 10.00 = 4.59, and no more
        // after 365 days; the second half 20.00 × 0.1 % × 274 = 5.48, one day more = 5.50.
        var y365 = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2027-08-17&q=charlie")).JsonAsync();
        var c365 = y365.GetProperty("page").GetProperty("items")[0];
        Assert.Equal((3_000L, 0L, 365, 1_007L), (c365.Qepik("upTo365"), c365.Qepik("overYear"), c365.GetProperty("maxDaysOverdue").GetInt32(), c365.Qepik("interest")));
        var y366 = await (await r.S.Officer.GetAsync($"{r.Api}/arrears?asOf=2027-08-18&q=charlie")).JsonAsync();
        var c366 = y366.GetProperty("page").GetProperty("items")[0];
        Assert.Equal((2_000L, 1_000L, 366, 1_009L), (c366.Qepik("upTo365"), c366.Qepik("overYear"), c366.GetProperty("maxDaysOverdue").GetInt32(), c366.Qepik("interest")));

        // CSV and XLSX of the list, with names, for staff.
        var csv = Encoding.UTF8.GetString(await r.S.Officer.GetByteArrayAsync($"{r.Api}/arrears/export.csv?asOf=2026-12-01"));
        Assert.Contains($"{r.Charlie},Reports Charlie,", csv);
        Assert.Contains(",30.00,2.30,20.00,0.00,10.00,0.00,0.00,2,106,15.08.2026", csv);
        var sheet = ReadXlsx(await r.S.Accountant.GetByteArrayAsync($"{r.Api}/arrears/export.xlsx?asOf=2026-12-01"));
        Assert.Equal(3, sheet.Count);
        Assert.Equal(["Reports Alpha", "2.5", "0.04"], new[] { sheet[2][1], sheet[2][3], sheet[2][4] });
    }

    [Fact]
    public async Task LTP_DECREE_2_quarterly_report_figures_due_day_pdf_xlsx_and_the_record_of_sending()
    {
        var r = await ReportsScenario.CreateAsync(App);
        var q3 = await (await r.S.Officer.GetAsync($"{r.Api}/quarterly?year=2026&quarter=3&lang=en")).JsonAsync();
        var rows = q3.GetProperty("rows");
        Assert.Equal((750L, 1_250L, 0L, 0), (rows.Tax("LandTax").Qepik("assessed"), rows.Tax("LandTax").Qepik("collected"), rows.Tax("LandTax").Qepik("arrears"),
            rows.Tax("LandTax").GetProperty("taxpayersInArrears").GetInt32()));
        Assert.Equal((2_000L, 0L, 2_000L, 1), (rows.Tax("PropertyTax").Qepik("assessed"), rows.Tax("PropertyTax").Qepik("collected"), rows.Tax("PropertyTax").Qepik("arrears"),
            rows.Tax("PropertyTax").GetProperty("taxpayersInArrears").GetInt32()));
        Assert.Equal((2_750L, 1_250L, 1_750L, 2_000L, 1), (q3.Qepik("assessed"), q3.Qepik("collected"), q3.Qepik("received"), q3.Qepik("arrears"),
            q3.GetProperty("taxpayersInArrears").GetInt32()));
        // The due day: TAX.REPORT.QUARTER.DAYS (20) calendar days after 30.09 = Tuesday 20.10.2026; not sent, so overdue on 03.12.
        Assert.Equal(("2026-10-20", 20, "Overdue", false), (q3.GetProperty("dueOn").GetString(), q3.GetProperty("daysAfterQuarter").GetInt32(),
            q3.GetProperty("state").GetString(), q3.GetProperty("provisional").GetBoolean()));
        Assert.Equal("20 calendar days after 30.09.2026: 20.10.2026", q3.GetProperty("dueExplanation").GetString());
        // The running quarter reports its arrears as of today, provisionally: Alpha 2.50 and Charlie 30.00, two taxpayers.
        var q4 = await (await r.S.Officer.GetAsync($"{r.Api}/quarterly?year=2026&quarter=4")).JsonAsync();
        Assert.Equal((true, "InProgress", 3_250L, 2, 1_300L), (q4.GetProperty("provisional").GetBoolean(), q4.GetProperty("state").GetString(), q4.Qepik("arrears"),
            q4.GetProperty("taxpayersInArrears").GetInt32(), q4.Qepik("collected")));

        var pdf = Plain(Poppler.Text(await r.S.Officer.GetByteArrayAsync($"{r.Api}/quarterly.pdf?year=2026&quarter=3")));
        Assert.Contains("RÜBLÜK HESABAT", pdf);
        Assert.Contains("Quarterly report on the collection of local taxes and payments", pdf);
        Assert.Contains(r.Municipality, pdf);
        Assert.Contains("Maliyyə Nazirliyi", pdf);
        Assert.Contains("20.10.2026", pdf);
        Assert.Contains("01.07.2026 – 30.09.2026", pdf);
        Assert.Matches(@"Torpaq vergisi\s+FL 7\.1\.1\s+7,50 ₼\s+12,50 ₼\s+0,00 ₼\s+0", pdf);
        Assert.Matches(@"Əmlak vergisi\s+FL 7\.1\.2\s+20,00 ₼\s+0,00 ₼\s+20,00 ₼\s+1", pdf);
        Assert.Matches(@"Cəmi\s+27,50 ₼\s+12,50 ₼\s+20,00 ₼\s+1", pdf);
        Assert.Contains("Bələdiyyənin sədri", pdf);
        Assert.Contains("Head of the tax service body", pdf);
        Assert.DoesNotContain("Reports Charlie", pdf);
        var sheet = ReadXlsx(await r.S.Officer.GetByteArrayAsync($"{r.Api}/quarterly.xlsx?year=2026&quarter=3"));
        Assert.Equal(["PropertyTax", "Əmlak vergisi", "FL 7.1.2", "20", "0", "20", "1"], sheet.Single(x => x.Count > 0 && x[0] == "PropertyTax"));
        Assert.Equal(["27.5", "12.5", "20", "1"], sheet.Single(x => x.Count > 1 && x[1] == "Cəmi").Skip(3));

        // Recording the sending: after the quarter, not in the future, once unless a correction; the figures are frozen.
        var sent = await (await r.S.Accountant.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 3, sentOn = "2026-10-25", reference = "12/345" }))
            .JsonAsync();
        Assert.Equal(("SentLate", "2026-10-25", "12/345", 1), (sent.GetProperty("state").GetString(), sent.GetProperty("sentOn").GetString(),
            sent.GetProperty("reference").GetString(), sent.GetProperty("revisions").GetInt32()));
        await (await r.S.Accountant.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 3, sentOn = "2026-10-26" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "quarter");
        var corrected = await (await r.S.Officer.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 3, sentOn = "2026-11-02", reference = "12/400", corrects = true }))
            .JsonAsync();
        Assert.Equal((2, "12/400", "2026-10-25"), (corrected.GetProperty("revisions").GetInt32(), corrected.GetProperty("reference").GetString(), corrected.GetProperty("sentOn").GetString()));
        await (await r.S.Officer.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 4 })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "quarter");
        await (await r.S.Officer.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 2, sentOn = "2026-12-10" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sentOn");
        await (await r.S.Officer.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 2, sentOn = "2026-06-30" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sentOn");
        await (await r.S.Officer.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 5 })).AssertProblemAsync(HttpStatusCode.BadRequest, "quarter");
        // A payment booked later to Q3 changes the live report, not what was sent.
        await ReportsScenario.PayAsync(App, r.S.MunicipalityId, r.Charlie, 500, new DateOnly(2026, 9, 30));
        Assert.Equal(1_750L, (await (await r.S.Officer.GetAsync($"{r.Api}/quarterly?year=2026&quarter=3")).JsonAsync()).Qepik("collected"));
        Assert.Equal(1_250L, (await (await r.S.Officer.GetAsync($"{r.Api}/quarterly?year=2026&quarter=3&asSent=true")).JsonAsync()).Qepik("collected"));
        var quarters = (await (await r.S.Officer.GetAsync($"{r.Api}/quarters?year=2026")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["Overdue", "Overdue", "SentLate", "InProgress"], quarters.Select(q => q.GetProperty("state").GetString()));
        // 20.01.2027 is a non-working day of national mourning (Labour Code 105.1): the Q4 report moves to Thursday 21.01.
        Assert.Equal(["2026-04-20", "2026-07-20", "2026-10-20", "2027-01-21"], quarters.Select(q => q.GetProperty("dueOn").GetString()));
    }

    [Fact]
    public async Task National_readers_get_aggregates_per_municipality_and_never_a_taxpayer_and_municipal_users_are_refused()
    {
        var r = await ReportsScenario.CreateAsync(App);
        var analyst = await r.UserAsync(Role.NationalAnalyst, null);
        var body = await analyst.GetStringAsync($"/api/v1/taxes/reports/collection?year=2026&pageSize=500&q={Uri.EscapeDataString(r.Municipality)}");
        Assert.DoesNotContain("Reports ", body);
        var national = System.Text.Json.JsonDocument.Parse(body).RootElement;
        var found = national.GetProperty("page").GetProperty("items").EnumerateArray().Where(x => x.GetProperty("municipalityId").GetInt32() == r.S.MunicipalityId).ToList();
        Assert.True(found.Count == 1, body[..Math.Min(body.Length, 600)]);
        var row = found[0];
        // Charged 15.00 land + 40.00 property; collected 12.50 + 10.00 + 3.00 voluntary; arrears on 03.12: Alpha 2.50, Charlie 30.00.
        Assert.Equal((5_500L, 2_550L, 3_250L, 2), (row.Qepik("charged"), row.Qepik("collected"), row.Qepik("arrears"), row.GetProperty("taxpayersInArrears").GetInt32()));
        Assert.False(string.IsNullOrEmpty(row.GetProperty("region").GetString()));
        var csv = Encoding.UTF8.GetString(await analyst.GetByteArrayAsync($"/api/v1/taxes/reports/collection/export.csv?year=2026&q={Uri.EscapeDataString(r.Municipality)}"));
        Assert.Contains($"{r.S.MunicipalityId},{r.Municipality},", csv);
        Assert.Contains(",55.00,25.50,32.50,2", csv);
        Assert.DoesNotContain("Reports ", csv);
        var oversight = await r.UserAsync(Role.OversightOfficer, null);
        Assert.Equal(HttpStatusCode.OK, (await oversight.GetAsync("/api/v1/taxes/reports/collection/export.xlsx?year=2026")).StatusCode);
        // Municipal users, even of this municipality, are refused the national report.
        Assert.Equal(HttpStatusCode.Forbidden, (await r.S.Officer.GetAsync("/api/v1/taxes/reports/collection")).StatusCode);

        // In the municipality's own reports a national reader sees the buckets and no one.
        var arrears = await analyst.GetStringAsync($"{r.Api}/arrears?asOf=2026-12-01&q=charlie");
        Assert.DoesNotContain("Reports ", arrears);
        var a = System.Text.Json.JsonDocument.Parse(arrears).RootElement;
        Assert.Equal((true, 0, 3_250L), (a.GetProperty("personsHidden").GetBoolean(), a.GetProperty("page").GetProperty("items").GetArrayLength(), a.Qepik("outstanding")));
        var arrearsCsv = Encoding.UTF8.GetString(await analyst.GetByteArrayAsync($"{r.Api}/arrears/export.csv?asOf=2026-12-01"));
        Assert.DoesNotContain("Reports ", arrearsCsv);
        Assert.Contains("1-30 gün,2,2,22.50,0.34", arrearsCsv);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"{r.Api}/quarterly.pdf?year=2026&quarter=3")).StatusCode);
        var page = await analyst.GetStringAsync($"/Taxes/{r.S.MunicipalityId}/Reports?asOf=01.12.2026");
        Assert.Contains("id=\"persons-hidden\"", page);
        Assert.DoesNotContain("Reports Charlie", page);
        // A national reader cannot record a sending (writes need membership of the municipality).
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 3 })).StatusCode);
    }

    [Fact]
    public async Task TAX_REG_3_1_10_a_resident_and_a_council_member_get_403_on_every_report()
    {
        var r = await ReportsScenario.CreateAsync(App);
        foreach (var role in new[] { Role.Resident, Role.CouncilMember })
        {
            var client = await r.UserAsync(role, r.S.MunicipalityId);
            foreach (var url in new[] { "/collection", "/collection/export.csv", "/arrears", "/arrears/export.xlsx", "/quarters", "/quarterly", "/quarterly.pdf", "/quarterly.xlsx" })
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(r.Api + url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 3 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/taxes/reports/collection")).StatusCode);
            foreach (var page in new[] { $"/Taxes/{r.S.MunicipalityId}", $"/Taxes/{r.S.MunicipalityId}/Reports" })
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task The_tax_officer_of_another_municipality_is_refused_every_report_and_page_of_this_one()
    {
        var r = await ReportsScenario.CreateAsync(App);
        var other = await TaxScenario.CreateAsync(App);
        Assert.NotEqual(other.MunicipalityId, r.S.MunicipalityId);
        foreach (var url in new[] { "/collection", "/collection/export.csv", "/arrears", "/arrears/export.csv", "/quarters", "/quarterly", "/quarterly.pdf", "/quarterly.xlsx" })
        {
            var response = await other.Officer.GetAsync(r.Api + url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Reports Charlie", await response.Content.ReadAsStringAsync());
        }
        var post = await other.Officer.PostJsonAsync($"{r.Api}/quarterly/submissions", new { year = 2026, quarter = 3, sentOn = "2026-10-25" });
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)post.StatusCode}");
        foreach (var page in new[] { $"/Taxes/{r.S.MunicipalityId}", $"/Taxes/{r.S.MunicipalityId}/Reports" })
        {
            var response = await other.Officer.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{page}: {(int)response.StatusCode}");
        }
        // Nothing was recorded for the quarter by the stranger.
        Assert.Equal("Overdue", (await (await r.S.Officer.GetAsync($"{r.Api}/quarterly?year=2026&quarter=3")).JsonAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_overview_shows_the_years_statutory_dates_with_their_state_the_counts_and_the_collection()
    {
        var r = await ReportsScenario.CreateAsync(App);
        var html = await r.S.Officer.GetStringAsync($"/Taxes/{r.S.MunicipalityId}?lang=en");
        // LML 18.11: assessed on 03.12 (after 1 July: done late); no notice delivered by 1 August: overdue.
        Assert.Matches("id=\"date-assess\" class=\"state-donelate\"><td>01.07.2026</td>", html);
        Assert.Matches("id=\"date-deliver\" class=\"state-overdue\"><td>01.08.2026</td>", html);
        // LML 18.13: Charlie has not paid either half.
        Assert.Matches("id=\"date-instalment1\" class=\"state-overdue\"><td>15.08.2026</td>", html);
        // 2.50 (Alpha) + 5.00 (Bravo) + Charlie's late 10.00 (FIFO to his first half) of the first halves 2.50 + 5.00 + 20.00.
        var plain = Plain(WebUtility.HtmlDecode(html));
        Assert.True(plain.Contains("paid 17.50 ₼ of 27.50 ₼; last day 17.08.2026"), plain[plain.IndexOf("date-instalment1")..][..400]);
        Assert.Matches("id=\"date-instalment2\" class=\"state-overdue\"><td>15.11.2026</td>", html);
        Assert.Matches("id=\"date-quarter3\" class=\"state-overdue\"><td>20.10.2026</td>", html);
        Assert.Matches("id=\"date-quarter4\" class=\"state-upcoming\"><td>21.01.2027</td>", html);
        Assert.Contains("id=\"count-taxpayers\">3<", html);
        Assert.Contains("id=\"count-plots\">2<", html);
        Assert.Contains("id=\"count-buildings\">1<", html);
        Assert.Contains("id=\"count-notices\">3<", html);
        Assert.Contains("id=\"count-undelivered\" class=\"warn\">3<", html);
        Assert.Contains("<svg", html);
        Assert.Contains("id=\"chart-year\"", html);
        // Every link goes to a page that exists (the browser journey opens each of them).
        foreach (var link in new[] { "Taxpayers", "Objects/plots", "Objects/buildings", "Objects/vehicles", "Register/Late", "Rates", "Rates#reliefs", "LocalPayments",
                     "Projects", "Assessments", "Notices", "Certificates", "Payments", "Payments/Imports", "Service", "Reports" })
            Assert.Contains($"href=\"/Taxes/{r.S.MunicipalityId}/{link}\"", html);

        var reports = await r.S.Accountant.GetStringAsync($"/Taxes/{r.S.MunicipalityId}/Reports?asOf=01.12.2026&lang=en");
        Assert.Contains("id=\"chart-collection\"", reports);
        Assert.Contains("id=\"chart-arrears\"", reports);
        Assert.Contains($"id=\"debtor-{r.Charlie}\"", reports);
        Assert.Contains("id=\"quarter-2026-3\"", reports);
        Assert.Contains("quarterly.pdf?year=2026&quarter=3", reports);
        var searched = await r.S.Accountant.GetStringAsync($"/Taxes/{r.S.MunicipalityId}/Reports?asOf=01.12.2026&q=alpha");
        Assert.Contains($"id=\"debtor-{r.Alpha}\"", searched);
        Assert.DoesNotContain($"id=\"debtor-{r.Charlie}\"", searched);
    }
}

public sealed class ReportsApiTests_Sqlite(SqliteFixture f) : ReportsApiTests(f), IClassFixture<SqliteFixture>;
public sealed class ReportsApiTests_Postgres(PostgresFixture f) : ReportsApiTests(f), IClassFixture<PostgresFixture>;
