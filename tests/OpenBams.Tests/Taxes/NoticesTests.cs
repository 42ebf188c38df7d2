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
/// Payment notices on a real database: the PDF with the two halves of LML 18.13 (odd qəpik in the first) and the payment
/// reference, the public verification page that never shows the person, bulk PDFs one notice per page, delivery by
/// 1 August (LML 18.11), the resident's own notice, and refusals for other municipalities and residents (TAX-REG 3.1.10).
/// </summary>
public abstract class NoticesTests(AppFixture fixture) : IAsyncLifetime
{
    private TestApp App => fixture.App;
    private const int Year = 2026;
    private static int _fin;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        App.Clock.Reset();
        return Task.CompletedTask;
    }

    private static string Fin() => "N" + Interlocked.Increment(ref _fin).ToString("D2") + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();

    /// <summary>A municipality with a residential rate of 0.10 ₼ per 100 m² and one taxpayer per plot area given, assessed in June.</summary>
    private async Task<(TaxScenario S, List<Taxpayer> Taxpayers)> AssessedAsync(params decimal[] plotAreas)
    {
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Residential("villages"), 0.1m, Year);
        var list = new List<Taxpayer>();
        for (var i = 0; i < plotAreas.Length; i++)
        {
            var t = await s.TaxpayerAsync(Fin(), $"Əli Məmmədov {i}");
            var plot = await s.PlotAsync(plotAreas[i]);
            await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2015, 1, 1));
            list.Add(t);
        }
        App.Clock.SetToday(new DateOnly(Year, 6, 20));
        await s.AssessAsync(Year);
        return (s, list);
    }

    private static string Plain(string s) => s.Replace('\u00A0', ' ');

    [Fact]
    public async Task LML_18_13_the_notice_pdf_has_two_halves_due_15_August_and_15_November_that_add_up_and_the_payment_reference()
    {
        // 1 010 m² × 0.10 ₼ per 100 m² = 1.01 ₼: the odd qəpik goes in the first half (0.51 + 0.50).
        var (s, ts) = await AssessedAsync(1_010);
        var notice = Assert.Single(await s.NoticesAsync(ts[0].Id));
        Assert.Equal((101L, 51L, 50L), (notice.TotalQepik, notice.FirstQepik, notice.SecondQepik));

        var view = await (await s.Officer.GetAsync($"{s.Api}/notices/{notice.Id}")).OkAsync<JsonElement>();
        Assert.Equal(2, view.GetProperty("instalments").GetArrayLength());
        Assert.Contains("LML 18.7", view.GetProperty("lines")[0].GetProperty("article").GetString());
        Assert.Contains("10,1", view.GetProperty("lines")[0].GetProperty("explanation").GetString());

        var r = await s.Officer.GetAsync($"{s.Api}/notices/{notice.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        var text = Plain(Poppler.Text(await r.Content.ReadAsByteArrayAsync()));
        Assert.Contains($"TƏDİYYƏ BİLDİRİŞİ № {notice.Number}/{Year}", text);
        Assert.Contains("15.08.2026", text);
        Assert.Contains("15.11.2026", text);
        Assert.Contains("0,51 ₼", text);
        Assert.Contains("0,50 ₼", text);
        Assert.Contains("1,01 ₼", text);
        Assert.True(PaymentReference.TryParse(notice.Reference, out var reference, out _));
        Assert.Contains(reference.Display, text);
        Assert.Contains(ts[0].PersonalId!, text);
        Assert.Contains($"/Verify/Notice/{notice.VerificationCode}", text);
        Assert.Contains("LML 18.13", text);
    }

    [Fact]
    public async Task The_public_verification_shows_the_notice_but_never_the_persons_name_or_FIN()
    {
        var (s, ts) = await AssessedAsync(2_000);
        var notice = Assert.Single(await s.NoticesAsync(ts[0].Id));
        var anonymous = App.Client();

        var page = await anonymous.GetAsync($"/Verify/Notice/{notice.VerificationCode}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-valid=\"true\"", html);
        Assert.Contains($"№ {notice.Number}/{Year}", html);
        Assert.DoesNotContain(ts[0].PersonalId!, html);
        Assert.DoesNotContain("Məmmədov", html);
        Assert.DoesNotContain("Mərkəzi küçə", html);
        Assert.Contains("Ə. M.", html);

        var api = await (await anonymous.GetAsync($"/api/v1/public/verify/notices/{notice.VerificationCode}")).OkAsync<JsonElement>();
        Assert.Equal(notice.Number, api.GetProperty("number").GetInt32());
        Assert.True(api.GetProperty("isCurrent").GetBoolean());
        Assert.DoesNotContain(ts[0].PersonalId!, api.GetRawText());

        // The same id with other random characters is not the notice's code.
        var forged = notice.VerificationCode[..7] + new string(notice.VerificationCode[7..].Select(c => c == 'A' ? 'B' : 'A').ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Verify/Notice/{forged}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/verify/notices/{forged}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Verify/Notice/not-a-code")).StatusCode);
    }

    [Fact]
    public async Task A_superseded_notice_verifies_as_superseded_and_the_revision_is_listed_as_an_adjustment()
    {
        var (s, ts) = await AssessedAsync(1_000);
        var first = Assert.Single(await s.NoticesAsync(ts[0].Id));
        await App.WithDbAsync(async db =>
        {
            var h = await db.ObjectHoldings.SingleAsync(x => x.TaxpayerId == ts[0].Id);
            (await db.LandPlots.SingleAsync(p => p.Id == h.ObjectId)).AreaSqm = 1_500;
            return await db.SaveChangesAsync();
        });
        App.Clock.SetToday(new DateOnly(Year, 9, 10));
        await s.AssessAsync(Year);
        var v = await (await App.Client().GetAsync($"/api/v1/public/verify/notices/{first.VerificationCode}")).OkAsync<JsonElement>();
        Assert.False(v.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(1, v.GetProperty("currentRevision").GetInt32());

        var list = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&show=Adjustments")).OkAsync<JsonElement>();
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.True(row.GetProperty("isAdjustment").GetBoolean());
        // Issued 10.09, after the first instalment's day: the difference is due 30 days later (TaxCalendar.AdjustmentDue).
        Assert.Equal("2026-10-10", row.GetProperty("adjustmentDueOn").GetString());
        // LML 18.11: a revision issued after 1 August is due for delivery within 30 days.
        Assert.Equal("2026-10-10", row.GetProperty("deliverBy").GetString());
    }

    [Fact]
    public async Task Bulk_pdf_prints_one_notice_per_page_and_the_list_searches_pages_and_exports()
    {
        var (s, ts) = await AssessedAsync(1_000, 2_000, 3_000);
        var r = await s.Officer.GetAsync($"{s.Api}/notices/pdf?year={Year}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var text = Plain(Poppler.Text(await r.Content.ReadAsByteArrayAsync()));
        Assert.Equal(3, text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Count(p => p.Trim().Length > 0));
        foreach (var t in ts) Assert.Contains(t.PersonalId!, text);
        await (await s.Officer.GetAsync($"{s.Api}/notices/pdf?year={Year}&volume=2")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "volume");

        var all = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&pageSize=2")).OkAsync<JsonElement>();
        Assert.Equal((3, 2), (all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength()));
        var byFin = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&q={ts[1].PersonalId}")).OkAsync<JsonElement>();
        Assert.Equal(ts[1].Id, Assert.Single(byFin.GetProperty("items").EnumerateArray()).GetProperty("taxpayerId").GetInt32());
        var n2 = (await s.NoticesAsync(ts[2].Id))[0];
        var byReference = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&q={Uri.EscapeDataString(PaymentReference.TryParse(n2.Reference, out var rf, out _) ? rf.Display : "")}")).OkAsync<JsonElement>();
        Assert.Equal(n2.Id, Assert.Single(byReference.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var byNumber = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&q={n2.Number}")).OkAsync<JsonElement>();
        Assert.Equal(n2.Id, Assert.Single(byNumber.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());

        var csv = await s.Officer.GetStringAsync($"{s.Api}/notices/export.csv?year={Year}");
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(n2.Reference, csv);
        var xlsx = await s.Officer.GetAsync($"{s.Api}/notices/export.xlsx?year={Year}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));

        // The staff pages show the list, the notice with its PDF link, and the bulk volumes.
        var listPage = await s.Officer.GetStringAsync($"/Taxes/{s.MunicipalityId}/Notices?year={Year}");
        Assert.Contains("id=\"bulk-pdf-1\"", listPage);
        Assert.Contains(ts[0].PersonalId!, listPage);
        var detail = await s.Officer.GetStringAsync($"/Taxes/{s.MunicipalityId}/Notices/{n2.Id}");
        Assert.Contains("id=\"notice-pdf-link\"", detail);
        Assert.Contains("LML 18.7", detail);

        // The list page records delivery of the selected notices (LML 18.11).
        var token = System.Text.RegularExpressions.Regex.Match(listPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await s.Officer.PostAsync($"/Taxes/{s.MunicipalityId}/Notices?handler=Delivery&year={Year}",
            new FormUrlEncodedContent([new("Ids", n2.Id.ToString()), new("Method", "InPerson"), new("DeliveredOn", "20.06.2026"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(new DateOnly(Year, 6, 20), (await s.NoticesAsync(ts[2].Id))[0].DeliveredOn);
        Assert.Null((await s.NoticesAsync(ts[0].Id))[0].DeliveredOn);
        // A refused delivery stays on the page with its field.
        post = await s.Officer.PostAsync($"/Taxes/{s.MunicipalityId}/Notices?handler=Delivery&year={Year}",
            new FormUrlEncodedContent([new("Ids", n2.Id.ToString()), new("Method", "InPerson"), new("DeliveredOn", "31.12.2026"), new("__RequestVerificationToken", token)]));
        var refused = await post.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("<code>deliveredOn</code>", refused);
    }

    [Fact]
    public async Task LML_18_11_delivery_on_1_August_is_on_time_and_on_2_August_is_late()
    {
        var (s, ts) = await AssessedAsync(1_000, 1_100, 1_200, 1_300);
        var ids = new List<int>();
        foreach (var t in ts) ids.Add((await s.NoticesAsync(t.Id))[0].Id);
        App.Clock.SetToday(new DateOnly(Year, 8, 1));
        // Before the day has passed nothing is late yet.
        var none = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&show=Late")).OkAsync<JsonElement>();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        (await s.Officer.PostJsonAsync($"{s.Api}/notices/{ids[0]}/delivery", new { method = "InPerson", deliveredOn = "01.08.2026" })).EnsureSuccessStatusCode();
        // A day in the future, a day before the notice was issued, and no method are refused with their field.
        await (await s.Officer.PostJsonAsync($"{s.Api}/notices/{ids[1]}/delivery", new { method = "InPerson", deliveredOn = "02.08.2026" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "deliveredOn");
        await (await s.Officer.PostJsonAsync($"{s.Api}/notices/{ids[1]}/delivery", new { method = "InPerson", deliveredOn = "19.06.2026" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "deliveredOn");
        await (await s.Officer.PostJsonAsync($"{s.Api}/notices/{ids[1]}/delivery", new { deliveredOn = "01.08.2026" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "method");
        App.Clock.SetToday(new DateOnly(Year, 8, 20));
        (await s.Officer.PostJsonAsync($"{s.Api}/notices/{ids[1]}/delivery", new { method = "RegisteredMail", deliveredOn = "02.08.2026" })).EnsureSuccessStatusCode();
        await (await s.Officer.PostJsonAsync($"{s.Api}/notices/{ids[1]}/delivery", new { method = "RegisteredMail", deliveredOn = "03.08.2026" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "deliveredOn");

        var late = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&show=Late")).OkAsync<JsonElement>();
        // Late: the one delivered on 2 August and the two not delivered by now.
        Assert.Equal(new[] { ids[1], ids[2], ids[3] }, late.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).Order());
        var onTime = await (await s.Officer.GetAsync($"{s.Api}/notices/{ids[0]}")).OkAsync<JsonElement>();
        Assert.False(onTime.GetProperty("late").GetBoolean());
        Assert.Equal("2026-08-01", onTime.GetProperty("deliverBy").GetString());

        // Bulk: the listed ones in one go, then every undelivered one of the year.
        var bulk = await (await s.Officer.PostJsonAsync($"{s.Api}/notices/delivery", new { method = "Courier", deliveredOn = "15.08.2026", noticeIds = new[] { ids[0], ids[2] } }))
            .OkAsync<JsonElement>();
        Assert.Equal((1, 1), (bulk.GetProperty("recorded").GetInt32(), bulk.GetProperty("alreadyDelivered").GetInt32()));
        var rest = await (await s.Officer.PostJsonAsync($"{s.Api}/notices/delivery", new { method = "Courier", deliveredOn = "16.08.2026", year = Year, allUndelivered = true }))
            .OkAsync<JsonElement>();
        Assert.Equal(1, rest.GetProperty("recorded").GetInt32());
        var undelivered = await (await s.Officer.GetAsync($"{s.Api}/notices?year={Year}&show=Undelivered")).OkAsync<JsonElement>();
        Assert.Equal(0, undelivered.GetProperty("total").GetInt32());
        // The accountant reads the notices but does not record delivery (the tax service does).
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Accountant.PostJsonAsync($"{s.Api}/notices/{ids[0]}/delivery", new { method = "InPerson", deliveredOn = "01.08.2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Accountant.GetAsync($"{s.Api}/notices/{ids[0]}")).StatusCode);
    }

    [Fact]
    public async Task A_resident_downloads_their_own_notice_and_gets_404_for_anothers_and_no_register_access()
    {
        var (s, ts) = await AssessedAsync(1_000, 2_000);
        var mine = (await s.NoticesAsync(ts[0].Id))[0];
        var theirs = (await s.NoticesAsync(ts[1].Id))[0];
        var login = "resident-" + Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync(login, Role.Resident, s.MunicipalityId, personalId: ts[0].PersonalId);
        var resident = await App.LoginAsync(login);

        var r = await resident.GetAsync($"/api/v1/me/taxes/notices/{mine.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var text = Plain(Poppler.Text(await r.Content.ReadAsByteArrayAsync()));
        Assert.Contains(ts[0].PersonalId!, text);
        Assert.Contains("15.08.2026", text);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/me/taxes/notices/{theirs.Id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/api/v1/me/taxes/notices/999999999/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().GetAsync($"/api/v1/me/taxes/notices/{mine.Id}/pdf")).StatusCode);
        // A user without a FIN has no own notices, even a tax officer.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Officer.GetAsync($"/api/v1/me/taxes/notices/{mine.Id}/pdf")).StatusCode);
        // TAX-REG 3.1.10: the register's notices are not for residents, not even their own through the staff routes.
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/notices/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{s.Api}/notices?year={Year}")).StatusCode);
    }

    [Fact]
    public async Task A_tax_officer_of_another_municipality_is_refused()
    {
        var (s, ts) = await AssessedAsync(1_000);
        var other = await TaxScenario.CreateAsync(App);
        var notice = (await s.NoticesAsync(ts[0].Id))[0];
        foreach (var url in new[] { $"{s.Api}/notices?year={Year}", $"{s.Api}/notices/{notice.Id}", $"{s.Api}/notices/{notice.Id}/pdf", $"{s.Api}/notices/pdf?year={Year}",
                     $"{s.Api}/notices/export.csv?year={Year}", $"/Taxes/{s.MunicipalityId}/Notices", $"/Taxes/{s.MunicipalityId}/Assessments" })
        {
            var r = await other.Officer.GetAsync(url);
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (r.StatusCode == HttpStatusCode.Redirect
                && r.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase)), $"{url} → {(int)r.StatusCode}");
        }
        var post = await other.Officer.PostJsonAsync($"{s.Api}/notices/{notice.Id}/delivery", new { method = "InPerson", deliveredOn = "20.06.2026" });
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)post.StatusCode}");
        Assert.Null((await s.NoticesAsync(ts[0].Id))[0].DeliveredOn);
        // Its own notices route does not reach the other municipality's notice either.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Officer.GetAsync($"{other.Api}/notices/{notice.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_assessment_page_starts_a_run_shows_the_deadline_history_and_a_preview()
    {
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Residential("villages"), 0.1m, Year);
        var t = await s.TaxpayerAsync(Fin(), "Leyla Əliyeva");
        var plot = await s.PlotAsync(1_000);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2015, 1, 1));
        App.Clock.SetToday(new DateOnly(Year, 6, 20));
        var page = await s.Officer.GetStringAsync($"/Taxes/{s.MunicipalityId}/Assessments?year={Year}");
        Assert.Contains("id=\"assessment-year\"", page);
        Assert.Contains("01.07.2026", page);
        Assert.Contains("data-status=\"none\"", page);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await s.Officer.PostAsync($"/Taxes/{s.MunicipalityId}/Assessments?handler=Start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Year"] = Year.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var runs = await (await s.Officer.GetAsync($"{s.Api}/assessments")).OkAsync<List<AssessmentRunView>>();
        await s.WaitAsync(runs[0].Id);
        page = await s.Officer.GetStringAsync($"/Taxes/{s.MunicipalityId}/Assessments?year={Year}&taxpayer={t.PersonalId}");
        Assert.Contains("data-status=\"Completed\"", page);
        Assert.Contains($"id=\"run-{runs[0].Id}\"", page);
        Assert.Contains("id=\"preview-total\">1,00", page.Replace("\u00A0", " "));
        Assert.Contains("id=\"preview-notice-link\"", page);
        // The accountant reads the page but may not start a run.
        var accountantPage = await s.Accountant.GetStringAsync($"/Taxes/{s.MunicipalityId}/Assessments?year={Year}");
        Assert.DoesNotContain("id=\"assessment-start\"", accountantPage);
    }
}

public sealed class NoticesTests_Sqlite(SqliteFixture f) : NoticesTests(f), IClassFixture<SqliteFixture>;
public sealed class NoticesTests_Postgres(PostgresFixture f) : NoticesTests(f), IClassFixture<PostgresFixture>;
