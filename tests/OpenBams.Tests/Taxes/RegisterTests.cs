using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using Microsoft.EntityFrameworkCore;
using OpenBams.Tests.PlatformApi;
using static OpenBams.Tests.Admin.AdminHttp;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// The register of taxpayers and objects over HTTP on a real database: FIN/VÖEN once per municipality (LTP 5.2), optimistic
/// concurrency, shares of one object at most 1, LML 18.5 score points, LTP 5.3-5.4 valuations, the LML 18.3 one-month
/// registration boundary, exports, the taxpayer's account, and tax secrecy (TAX-REG 3.1.10).
/// </summary>
public abstract class RegisterTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"Expected {(int)status}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Post(HttpClient c, string url, object body) => c.PostAsJsonAsync(url, body, TaxJson.Options);
    private static Task<HttpResponseMessage> Put(HttpClient c, string url, object body) => c.PutAsJsonAsync(url, body, TaxJson.Options);

    private static object Person(string fin, string name, string? address = "Mərkəzi küçə 5") =>
        new { kind = "NaturalPerson", personalId = fin, name, address, phone = "+994501234567", email = "a@example.az" };

    [Fact]
    public async Task LTP_5_2_a_taxpayer_is_registered_found_by_name_FIN_or_address_and_edited_with_the_version_read()
    {
        App.Clock.Reset();
        var s = await TaxScenario.CreateAsync(App);
        var created = await JsonAsync(await Post(s.Officer, $"{s.Api}/taxpayers", Person(" aze1234 ", "Şəhla Quliyeva", "Şərq küçəsi 12")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("AZE1234", created.GetProperty("personalId").GetString());   // trimmed and upper-cased
        Assert.Equal(Clock.Today(App.Clock), DateOnly.Parse(created.GetProperty("registeredOn").GetString()!));
        await s.TaxpayerAsync("OTHER01", "Rəşad Əliyev");

        foreach (var q in new[] { "shehla", "AZE1234", "serq kucesi", "Quliyeva" })
        {
            var page = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/taxpayers?q={Uri.EscapeDataString(q)}"), HttpStatusCode.OK);
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            Assert.Equal(id, page.GetProperty("items")[0].GetProperty("id").GetInt32());
        }
        var paged = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/taxpayers?pageSize=1&page=2"), HttpStatusCode.OK);
        Assert.Equal((2, 1), (paged.GetProperty("total").GetInt32(), paged.GetProperty("items").GetArrayLength()));

        var version = created.GetProperty("version").GetInt64();
        var edited = await JsonAsync(await Put(s.Officer, $"{s.Api}/taxpayers/{id}",
            new { kind = "NaturalPerson", personalId = "AZE1234", name = "Şəhla Quliyeva-Həsənova", address = "Şərq küçəsi 14", version }), HttpStatusCode.OK);
        Assert.Equal("Şəhla Quliyeva-Həsənova", edited.GetProperty("name").GetString());
        Assert.True(edited.GetProperty("version").GetInt64() > version);
        // The same version again is stale: someone saved in between.
        var stale = await Put(s.Officer, $"{s.Api}/taxpayers/{id}", new { kind = "NaturalPerson", personalId = "AZE1234", name = "Köhnə", version });
        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "version");
        var detail = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/taxpayers/{id}"), HttpStatusCode.OK);
        Assert.Equal("Şəhla Quliyeva-Həsənova", detail.GetProperty("taxpayer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task LTP_5_2_the_same_FIN_or_VOEN_twice_in_a_municipality_is_refused_naming_the_field_and_bad_numbers_are_refused()
    {
        var s = await TaxScenario.CreateAsync(App);
        await JsonAsync(await Post(s.Officer, $"{s.Api}/taxpayers", Person("DUP0001", "Birinci")), HttpStatusCode.Created);
        var dupFin = await Post(s.Officer, $"{s.Api}/taxpayers?lang=en", Person("dup0001", "İkinci"));
        var p = await dupFin.AssertProblemAsync(HttpStatusCode.Conflict, "personalId");
        Assert.Contains("DUP0001", p.GetProperty("title").GetString());

        await JsonAsync(await Post(s.Officer, $"{s.Api}/taxpayers", new { kind = "LegalPerson", taxId = "1700123451", name = "Kənd MMC" }), HttpStatusCode.Created);
        await (await Post(s.Officer, $"{s.Api}/taxpayers", new { kind = "LegalPerson", taxId = "1700123451", name = "Başqa MMC" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "taxId");
        // A natural person entrepreneur with the VÖEN of the company is the same VÖEN: refused too.
        await (await Post(s.Officer, $"{s.Api}/taxpayers", new { kind = "NaturalPerson", personalId = "NEW0001", taxId = "1700123451", name = "Sahibkar" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "taxId");

        // FIN: exactly 7 Latin letters or digits; VÖEN: exactly 10 digits.
        await (await Post(s.Officer, $"{s.Api}/taxpayers", Person("ABC123", "Altı simvol"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "personalId");
        await (await Post(s.Officer, $"{s.Api}/taxpayers", Person("ABÇ1234", "Azərbaycan hərfi"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "personalId");
        await (await Post(s.Officer, $"{s.Api}/taxpayers", new { kind = "LegalPerson", taxId = "170012345", name = "9 rəqəm" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "taxId");
        await (await Post(s.Officer, $"{s.Api}/taxpayers", new { kind = "LegalPerson", name = "VÖEN-siz" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "taxId");
        await (await Post(s.Officer, $"{s.Api}/taxpayers", new { kind = "NaturalPerson", personalId = "NONAME1", name = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
        // The same FIN in another municipality is another municipality's taxpayer: allowed there.
        var other = await TaxScenario.CreateAsync(App);
        await JsonAsync(await Post(other.Officer, $"{other.Api}/taxpayers", Person("DUP0001", "Birinci")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Shares_of_one_object_held_at_the_same_time_add_up_to_at_most_one()
    {
        App.Clock.Reset();
        var s = await TaxScenario.CreateAsync(App);
        var a = await s.TaxpayerAsync("SHA0001", "Anar");
        var b = await s.TaxpayerAsync("SHA0002", "Bahar");
        var c = await s.TaxpayerAsync("SHA0003", "Cavid");
        var plot = await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/plots", new
        {
            address = "Bağ massivi 3", areaSqm = 1200, category = "Residential", settlementGroup = "villages",
            holder = new { taxpayerId = a.Id, share = "1/2", titleReceivedOn = "2020-03-01", registeredOn = "2020-03-10" },
        }), HttpStatusCode.Created);
        var plotId = plot.GetProperty("id").GetInt32();
        Assert.Equal("Anar (1/2)", plot.GetProperty("holders").GetString());

        var second = await JsonAsync(await Post(s.Officer, $"{s.Api}/holdings",
            new { taxpayerId = b.Id, objectKind = "LandPlot", objectId = plotId, share = "50%", from = "2020-03-01", registeredOn = "2020-03-10" }), HttpStatusCode.Created);
        Assert.Equal("1/2", second.GetProperty("share").GetString());
        // At 1 exactly the object is whole; one ten-thousandth more is refused, naming the share.
        var above = await Post(s.Officer, $"{s.Api}/holdings?lang=en",
            new { taxpayerId = c.Id, objectKind = "LandPlot", objectId = plotId, share = "0.0001", from = "2021-01-01", registeredOn = "2021-01-05" });
        var problem = await above.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "share");
        Assert.Contains("more than 1", problem.GetProperty("title").GetString());
        await (await Post(s.Officer, $"{s.Api}/holdings", new { taxpayerId = c.Id, objectKind = "LandPlot", objectId = plotId, share = "3/2" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "share");

        // Bahar sells on 1 June 2024 (the holding ends): from that day Cavid may hold the half.
        var end = await Put(s.Officer, $"{s.Api}/holdings/{second.GetProperty("id").GetInt32()}", new
        {
            taxpayerId = b.Id, objectKind = "LandPlot", objectId = plotId, share = "1/2", from = "2020-03-01", to = "2024-06-01", registeredOn = "2020-03-10",
            version = second.GetProperty("version").GetInt64(),
        });
        await JsonAsync(end, HttpStatusCode.OK);
        await JsonAsync(await Post(s.Officer, $"{s.Api}/holdings",
            new { taxpayerId = c.Id, objectKind = "LandPlot", objectId = plotId, share = "1/2", from = "2024-06-01", titleReceivedOn = "2024-06-01", registeredOn = "2024-06-20" }),
            HttpStatusCode.Created);
        // ... but not from before the sale, when the half was still Bahar's.
        await (await Post(s.Officer, $"{s.Api}/holdings", new { taxpayerId = c.Id, objectKind = "LandPlot", objectId = plotId, share = "1/4", from = "2024-05-01", registeredOn = "2024-06-20" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "share");
        // A lessee pays rent, not the tax (LML 18.1, 19): a lease does not count against the shares.
        await JsonAsync(await Post(s.Officer, $"{s.Api}/holdings",
            new { taxpayerId = c.Id, objectKind = "LandPlot", objectId = plotId, share = "1/1", right = "Lease", from = "2025-01-01", registeredOn = "2025-01-10" }),
            HttpStatusCode.Created);
        var holdings = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/holdings?objectKind=LandPlot&objectId={plotId}"), HttpStatusCode.OK);
        Assert.Equal(4, holdings.GetArrayLength());
    }

    [Fact]
    public async Task LML_18_3_registration_on_the_last_day_of_the_month_is_on_time_and_one_day_later_is_late()
    {
        App.Clock.Reset();
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync("LAT0001", "Gülnar Əhmədova");
        var title = new DateOnly(2026, 9, 14);
        var calendar = await App.WithDbAsync(db => WorkingCalendars.LoadAsync(db, 2026, 2026));
        var due = TaxCalendar.RegisterBy(calendar, title).Due;
        Assert.True(due >= title.AddMonths(1));

        async Task<JsonElement> VehicleAsync(string number, DateOnly registered) => await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/vehicles", new
        {
            kind = "Automobile", registrationNumber = number, engineCc = 1600,
            holder = new { taxpayerId = t.Id, share = "1/1", titleReceivedOn = title, registeredOn = registered },
        }), HttpStatusCode.Created);
        await VehicleAsync("10-AA-001", due);
        await VehicleAsync("10-AA-002", due.AddDays(1));

        var late = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/register/late"), HttpStatusCode.OK);
        Assert.Equal(1, late.GetProperty("total").GetInt32());
        var row = late.GetProperty("items")[0];
        Assert.Contains("10-AA-002", row.GetProperty("objectLabel").GetString());
        Assert.Equal(due, DateOnly.Parse(row.GetProperty("registerBy").GetString()!));
        Assert.True(row.GetProperty("late").GetBoolean());
        var holdings = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/holdings?taxpayerId={t.Id}"), HttpStatusCode.OK);
        Assert.Equal([false, true], holdings.EnumerateArray().OrderBy(h => h.GetProperty("objectLabel").GetString()).Select(h => h.GetProperty("late").GetBoolean()));

        var csv = await s.Officer.GetStringAsync($"{s.Api}/register/late/export.csv?lang=en");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Due by (LML 18.3)", lines[0]);
        Assert.Contains("Gülnar Əhmədova", lines[1]);
        Assert.Contains(due.ToString("dd.MM.yyyy"), lines[1]);
        Assert.EndsWith(",1", lines[1]);   // one day late

        // The title cannot come after the registration, and a registration cannot be in the future.
        await (await Post(s.Officer, $"{s.Api}/objects/vehicles", new
        {
            kind = "Automobile", registrationNumber = "10-AA-003", engineCc = 1600,
            holder = new { taxpayerId = t.Id, titleReceivedOn = "2026-10-02", registeredOn = "2026-10-01" },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "titleReceivedOn");
        await (await Post(s.Officer, $"{s.Api}/objects/vehicles", new
        {
            kind = "Automobile", registrationNumber = "10-AA-003", engineCc = 1600,
            holder = new { taxpayerId = t.Id, registeredOn = Clock.Today(App.Clock).AddDays(1) },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "registeredOn");
        // Nothing was half-written by the refused commands.
        var vehicles = await JsonAsync(await s.Officer.GetAsync($"{s.Api}/objects/vehicles"), HttpStatusCode.OK);
        Assert.Equal(2, vehicles.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LML_18_5_LTP_5_3_5_4_objects_carry_what_their_tax_needs()
    {
        App.Clock.Reset();
        var s = await TaxScenario.CreateAsync(App);
        var field = new { address = "Çöl sahəsi", areaSqm = 20000, category = "Agricultural" };
        var p = await (await Post(s.Officer, $"{s.Api}/objects/plots", field)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "scorePoints");
        Assert.Equal("LML 18.5", p.GetProperty("rule").GetString());
        var plot = await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/plots",
            new { address = "Çöl sahəsi", areaSqm = 20000, category = "Agricultural", scorePoints = 45, cadastralNumber = "KAD-77" }), HttpStatusCode.Created);
        Assert.Equal("land.agricultural", plot.GetProperty("rateClass").GetString());
        await (await Post(s.Officer, $"{s.Api}/objects/plots", new { address = "Ev", areaSqm = 600, category = "Residential", scorePoints = 10 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "scorePoints");
        await (await Post(s.Officer, $"{s.Api}/objects/plots", new { address = "Ev", areaSqm = 0, category = "Residential" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "areaSqm");
        await (await Post(s.Officer, $"{s.Api}/objects/plots", new { address = "Başqa", areaSqm = 10, category = "Agricultural", scorePoints = 20, cadastralNumber = "KAD-77" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "cadastralNumber");
        var exempt = await (await Post(s.Officer, $"{s.Api}/objects/plots", new { address = "Ev", areaSqm = 600, category = "Residential", exemption = "PublicUseOfSettlement" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "exemption");
        Assert.Equal("LML 18.8.1", exempt.GetProperty("rule").GetString());
        var square = await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/plots",
            new { address = "Mərkəzi meydan", areaSqm = 5000, category = "PublicUse", exemption = "PublicUseOfSettlement" }), HttpStatusCode.Created);
        Assert.Equal("PublicUseOfSettlement", square.GetProperty("exemption").GetString());

        // LTP 5.4: an independent appraisal names the appraiser and the report.
        var appraisal = await (await Post(s.Officer, $"{s.Api}/objects/buildings",
            new { address = "Ev 1", areaSqm = 120, value = 50000, valuationSource = "IndependentAppraisal", valuedOn = "2026-05-01" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "appraiser");
        Assert.Equal("LTP 5.4", appraisal.GetProperty("rule").GetString());
        var building = await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/buildings",
            new { address = "Ev 1", areaSqm = 120, value = 40000, valuationSource = "MunicipalValuation", valuedOn = "2024-03-01" }), HttpStatusCode.Created);
        var bid = building.GetProperty("id").GetInt32();
        // LTP 5.3: the municipality revalues not more often than its 3-year interval: 01.03.2027 is the earliest, 01.11.2026 too early.
        var early = await (await Put(s.Officer, $"{s.Api}/objects/buildings/{bid}", new
        {
            address = "Ev 1", areaSqm = 120, value = 45000, valuationSource = "MunicipalValuation", valuedOn = "2026-11-01", version = building.GetProperty("version").GetInt64(),
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "valuedOn");
        Assert.Equal("LTP 5.3", early.GetProperty("rule").GetString());
        var appraised = await JsonAsync(await Put(s.Officer, $"{s.Api}/objects/buildings/{bid}", new
        {
            address = "Ev 1", areaSqm = 120, value = 38000, valuationSource = "IndependentAppraisal", valuedOn = "2026-11-01", appraiser = "Qiymət MMC",
            appraisalReport = "№ 14/2026", version = building.GetProperty("version").GetInt64(),
        }), HttpStatusCode.OK);
        Assert.Equal(38000m, appraised.GetProperty("value").GetDecimal());

        await (await Post(s.Officer, $"{s.Api}/objects/vehicles", new { kind = "Automobile", registrationNumber = "90-BB-900", engineCc = 0 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "engineCc");
        await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/vehicles", new { kind = "WaterTransport", registrationNumber = "90-bb-900", engineCc = 900 }), HttpStatusCode.Created);
        await (await Post(s.Officer, $"{s.Api}/objects/vehicles", new { kind = "Automobile", registrationNumber = "90-BB-900", engineCc = 1500 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "registrationNumber");
    }

    [Fact]
    public async Task Exports_carry_the_rows_found_in_CSV_and_XLSX()
    {
        var s = await TaxScenario.CreateAsync(App);
        var t = await JsonAsync(await Post(s.Officer, $"{s.Api}/taxpayers", Person("EXP0001", "Tofiq Rzayev", "Bulaq küçəsi 7")), HttpStatusCode.Created);
        await s.TaxpayerAsync("EXP0002", "Zaur Kərimov");
        await JsonAsync(await Post(s.Officer, $"{s.Api}/objects/plots", new
        {
            address = "Bulaq küçəsi 7", areaSqm = 800, category = "Residential", settlementGroup = "villages", holder = new { taxpayerId = t.GetProperty("id").GetInt32(), share = "2/3" },
        }), HttpStatusCode.Created);

        var csv = await s.Officer.GetAsync($"{s.Api}/taxpayers/export.csv?q=tofiq");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);   // the header and the one taxpayer found
        Assert.StartsWith("id,Növ,FİN,VÖEN,Ad,Ünvan", rows[0]);
        Assert.Contains("EXP0001", rows[1]);
        Assert.Contains("Tofiq Rzayev", rows[1]);
        Assert.DoesNotContain("Zaur", text);

        var plots = await s.Officer.GetStringAsync($"{s.Api}/objects/plots/export.csv?lang=en");
        Assert.Contains("Holders", plots);
        Assert.Contains("Tofiq Rzayev (2/3)", plots);
        Assert.Contains("land.residential.villages", plots);
        var xlsx = await s.Officer.GetAsync($"{s.Api}/taxpayers/export.xlsx");
        Assert.Equal(Xlsx, xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100 && bytes[0] == 'P' && bytes[1] == 'K');
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var all = string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml")).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("Tofiq Rzayev", all);
        Assert.Contains("Zaur Kərimov", all);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Officer.GetAsync($"{s.Api}/objects/ships/export.csv")).StatusCode);
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_taxpayer_page_shows_objects_shares_and_the_account_with_the_assessments_explanation()
    {
        App.Clock.Reset();
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Residential("villages"), 0.1m, 2026);
        var t = await s.TaxpayerAsync("ACC0001", "Nərgiz Babayeva");
        var plot = await s.PlotAsync(1000);
        await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2015, 1, 1));
        await s.AssessAsync(2026);
        var notice = Assert.Single(await s.NoticesAsync(t.Id));

        var detail = await JsonAsync(await s.Accountant.GetAsync($"{s.Api}/taxpayers/{t.Id}"), HttpStatusCode.OK);
        var holding = Assert.Single(detail.GetProperty("holdings").EnumerateArray());
        Assert.Equal("1/1", holding.GetProperty("share").GetString());
        var account = detail.GetProperty("account");
        Assert.Equal(notice.TotalQepik / 100m, account.GetProperty("owed").GetDecimal());
        Assert.Equal(0m, account.GetProperty("paid").GetDecimal());
        Assert.Equal(2, account.GetProperty("charges").GetArrayLength());
        var line = Assert.Single(account.GetProperty("lines").EnumerateArray());
        Assert.Equal("LML 18.7", line.GetProperty("citation").GetString());

        var html = await s.Officer.GetStringAsync($"/Taxes/{s.MunicipalityId}/Taxpayers/{t.Id}");
        Assert.Contains("id=\"account-owed\"", html);
        Assert.Contains("id=\"lines\"", html);
        Assert.Contains("LML 18.7", html);
        Assert.Contains("id=\"plot-form\"", html);
        // The accountant reads the register but does not keep it: no forms.
        var readOnly = await s.Accountant.GetStringAsync($"/Taxes/{s.MunicipalityId}/Taxpayers/{t.Id}");
        Assert.DoesNotContain("id=\"plot-form\"", readOnly);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Officer.GetAsync($"/Taxes/{s.MunicipalityId}/Taxpayers/99999999999")).StatusCode);
    }

    [Fact]
    public async Task The_taxpayer_page_edits_plots_buildings_vehicles_and_holdings_with_their_version_and_refuses_a_stale_edit()
    {
        App.Clock.SetToday(new DateOnly(2026, 12, 3));
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync("E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Düzəliş Edilən");
        var plot = await s.PlotAsync(1000);
        var building = await s.BuildingAsync(40000, plotId: plot.Id);
        var vehicle = await App.WithDbAsync(async db =>
        {
            var v = new Vehicle { MunicipalityId = s.MunicipalityId, Kind = VehicleKind.Automobile, RegistrationNumber = "10-ED-" + Random.Shared.Next(100, 999),
                EngineCc = 1600, SearchKey = "" };
            db.Vehicles.Add(v);
            await db.SaveChangesAsync();
            return v;
        });
        var holding = await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2015, 1, 1));
        await s.HoldAsync(t.Id, ObjectKind.Building, building.Id, new DateOnly(2015, 1, 1));
        await s.HoldAsync(t.Id, ObjectKind.Vehicle, vehicle.Id, new DateOnly(2020, 1, 1));
        var page = $"/Taxes/{s.MunicipalityId}/Taxpayers/{t.Id}";
        Task<HttpResponseMessage> Post(string handler, params KeyValuePair<string, string>[] fields) =>
            s.Officer.PostFormAsync(page + "?lang=en", fields, $"{page}?handler={handler}&lang=en");
        Task<T> Db<T>(Func<OpenBams.Platform.Data.AppDb, Task<T>> q) => App.WithDbAsync(q);

        var html = await s.Officer.GetStringAsync(page);
        foreach (var id in new[] { $"plot-{plot.Id}-edit-form", $"building-{building.Id}-edit-form", $"vehicle-{vehicle.Id}-edit-form", $"holding-{holding.Id}-edit-form" })
            Assert.Contains($"id=\"{id}\"", html);
        Assert.DoesNotContain("-edit-form", await s.Accountant.GetStringAsync(page)); // reads, does not keep the register

        // A plot's area, then the same form again with the version it was read at: refused, the first edit stands.
        var plotVersion = await Db(db => db.LandPlots.Where(x => x.Id == plot.Id).Select(x => x.Version).SingleAsync());
        KeyValuePair<string, string>[] PlotFields(long version, string area, string category = "Residential", string points = "") =>
            [F("PlotEdit.Id", plot.Id), F("PlotEdit.Version", version), F("PlotEdit.Address", plot.Address), F("PlotEdit.AreaSqm", area),
             F("PlotEdit.Category", category), F("PlotEdit.ScorePoints", points), F("PlotEdit.SettlementGroup", "villages"), F("PlotEdit.Exemption", "None")];
        Assert.Equal(HttpStatusCode.Redirect, (await Post("EditPlot", PlotFields(plotVersion, "1200.5"))).StatusCode);
        Assert.Equal(1200.5m, await Db(db => db.LandPlots.Where(x => x.Id == plot.Id).Select(x => x.AreaSqm).SingleAsync()));
        var stale = await Post("EditPlot", PlotFields(plotVersion, "900"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record meanwhile", await stale.Content.ReadAsStringAsync());
        Assert.Equal(1200.5m, await Db(db => db.LandPlots.Where(x => x.Id == plot.Id).Select(x => x.AreaSqm).SingleAsync()));
        // Agricultural land without its score points: the field and the article, nothing written.
        var current = await Db(db => db.LandPlots.Where(x => x.Id == plot.Id).Select(x => x.Version).SingleAsync());
        var refused = await (await Post("EditPlot", PlotFields(current, "1200.5", "Agricultural"))).Content.ReadAsStringAsync();
        Assert.Contains("<code>scorePoints</code>", refused);
        Assert.Contains("LML 18.5", refused);
        Assert.Equal(LandCategory.Residential, await Db(db => db.LandPlots.Where(x => x.Id == plot.Id).Select(x => x.Category).SingleAsync()));

        // A holding's share and end day (a sale); stale again refused.
        var hv = await Db(db => db.ObjectHoldings.Where(x => x.Id == holding.Id).Select(x => x.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post("EditHolding", F("HoldingEdit.Id", holding.Id), F("HoldingEdit.Version", hv), F("HoldingEdit.Share", "1/2"),
            F("HoldingEdit.To", "31.12.2026"))).StatusCode);
        var h = await Db(db => db.ObjectHoldings.SingleAsync(x => x.Id == holding.Id));
        Assert.Equal((1, 2, new DateOnly(2026, 12, 31), new DateOnly(2015, 1, 1)), (h.ShareNumerator, h.ShareDenominator, h.To, h.From));
        var badShare = await (await Post("EditHolding", F("HoldingEdit.Id", holding.Id), F("HoldingEdit.Version", h.Version), F("HoldingEdit.Share", "3/2")))
            .Content.ReadAsStringAsync();
        Assert.Contains("<code>share</code>", badShare);
        Assert.Contains("Someone else changed", await (await Post("EditHolding", F("HoldingEdit.Id", holding.Id), F("HoldingEdit.Version", hv),
            F("HoldingEdit.Share", "1/3"))).Content.ReadAsStringAsync());
        Assert.Equal(2, await Db(db => db.ObjectHoldings.Where(x => x.Id == holding.Id).Select(x => x.ShareDenominator).SingleAsync()));

        // A building's value and a vehicle's engine; a malformed number is refused with its field.
        var bv = await Db(db => db.Buildings.Where(x => x.Id == building.Id).Select(x => x.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post("EditBuilding", F("BuildingEdit.Id", building.Id), F("BuildingEdit.Version", bv),
            F("BuildingEdit.Address", building.Address), F("BuildingEdit.AreaSqm", "100"), F("BuildingEdit.Value", "52000.50"),
            F("BuildingEdit.ValuationSource", "MunicipalValuation"), F("BuildingEdit.PlotId", plot.Id))).StatusCode);
        Assert.Equal((52000.50m, (int?)plot.Id), await Db(db => db.Buildings.Where(x => x.Id == building.Id).Select(x => new ValueTuple<decimal, int?>(x.Value, x.PlotId)).SingleAsync()));
        var vv = await Db(db => db.Vehicles.Where(x => x.Id == vehicle.Id).Select(x => x.Version).SingleAsync());
        KeyValuePair<string, string>[] VehicleFields(string cc) => [F("VehicleEdit.Id", vehicle.Id), F("VehicleEdit.Version", vv), F("VehicleEdit.Kind", "Automobile"),
            F("VehicleEdit.RegistrationNumber", vehicle.RegistrationNumber), F("VehicleEdit.EngineCc", cc)];
        Assert.Contains("<code>engineCc</code>", await (await Post("EditVehicle", VehicleFields("12.5"))).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post("EditVehicle", VehicleFields("2000"))).StatusCode);
        Assert.Equal(2000, await Db(db => db.Vehicles.Where(x => x.Id == vehicle.Id).Select(x => x.EngineCc).SingleAsync()));

        // An object this taxpayer does not hold is not edited from their page.
        var other = await s.PlotAsync(500);
        var foreign = await s.Officer.PostFormAsync(page, [F("PlotEdit.Id", other.Id), F("PlotEdit.Version", 0), F("PlotEdit.Address", "X"), F("PlotEdit.AreaSqm", "1")],
            $"{page}?handler=EditPlot");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task TAX_REG_3_1_10_residents_and_council_members_are_refused_the_register_and_the_accountant_cannot_change_it()
    {
        var s = await TaxScenario.CreateAsync(App);
        var t = await s.TaxpayerAsync("SEC0001", "Məxfi Şəxs");
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"res-{tag}", Role.Resident, s.MunicipalityId, "SEC0001");
        await App.CreateUserAsync($"uzv-{tag}", Role.CouncilMember, s.MunicipalityId);
        foreach (var login in new[] { $"res-{tag}", $"uzv-{tag}" })
        {
            var c = await App.LoginAsync(login);
            foreach (var url in new[]
                     {
                         $"{s.Api}/taxpayers", $"{s.Api}/taxpayers/{t.Id}", $"{s.Api}/taxpayers/export.csv", $"{s.Api}/objects/plots", $"{s.Api}/register/late",
                         $"/Taxes/{s.MunicipalityId}/Taxpayers", $"/Taxes/{s.MunicipalityId}/Taxpayers/{t.Id}", $"/Taxes/{s.MunicipalityId}/Register/Late",
                     })
            {
                var r = await c.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.Forbidden, $"{login} GET {url} → {(int)r.StatusCode}");
                Assert.DoesNotContain("Məxfi", await r.Content.ReadAsStringAsync());
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await Post(c, $"{s.Api}/taxpayers", Person("SEC0002", "Yeni"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await s.Accountant.GetAsync($"{s.Api}/taxpayers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(s.Accountant, $"{s.Api}/taxpayers", Person("SEC0003", "Yeni"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(s.Accountant, $"{s.Api}/objects/plots", new { address = "X", areaSqm = 10, category = "Residential" })).StatusCode);
    }
}

public sealed class RegisterTests_Sqlite(SqliteFixture f) : RegisterTests(f), IClassFixture<SqliteFixture>;
public sealed class RegisterTests_Postgres(PostgresFixture f) : RegisterTests(f), IClassFixture<PostgresFixture>;
