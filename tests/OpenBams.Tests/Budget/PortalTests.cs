using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Export;
using OpenBams.Registry;
using OpenBams.Taxes;
using OpenBams.Testing;

namespace OpenBams.Tests.Budget;

/// <summary>
/// The public portal (issue 5): anonymous, shows Approved/Closed budgets and published drafts (FL 10.1, 10.2) but never a
/// draft in preparation; expenditures with search, paging and CSV, natural-person payees without their name; taxes only in
/// aggregate; open data as a Fiscal Data Package whose CSV files download and parse; HTTP caching headers.
/// </summary>
public abstract class PortalTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private static int _next;
    private const int Year = 2026;

    /// <summary>A fresh municipality (from the 600th active one on; taxes' scenarios start at 900) with nothing of its own yet.</summary>
    private async Task<int> FreshMunicipalityAsync()
    {
        var n = Interlocked.Increment(ref _next);
        return await App.WithDbAsync(async db =>
            await db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active).OrderBy(x => x.Id).Skip(600 + n * 3 % 290).Select(x => x.Id).FirstAsync());
    }

    private sealed record Seeded(int MunicipalityId, int BudgetId, int LineId);

    private Task<Seeded> BudgetAsync(BudgetStatus status, string lineName = "Küçə işıqlandırılması", int expenditures = 1, int year = Year) => App.WithDbAsync(async db =>
    {
        var m = await FreshMunicipalityAsync();
        var b = new MunicipalBudget { MunicipalityId = m, Year = year, Status = status, CreatedAt = DateTime.UtcNow, CreatedBy = "test", Note = "internal note",
            SubmittedOn = new DateOnly(year - 1, 10, 10), PublishedOn = status >= BudgetStatus.Published ? new DateOnly(year - 1, 10, 15) : null,
            ApprovedOn = status >= BudgetStatus.Approved ? new DateOnly(year - 1, 12, 18) : null };
        db.Budgets.Add(b);
        await db.SaveChangesAsync();
        var revenue = new BudgetLineRecord { MunicipalityId = m, BudgetId = b.Id, Side = BudgetSide.Revenue, Code = BudgetClassification.Info(RevenueClass.LandTax).Code,
            RevenueClass = RevenueClass.LandTax, Name = "Torpaq vergisi", PlannedQepik = 5_000_000 };
        var line = new BudgetLineRecord { MunicipalityId = m, BudgetId = b.Id, Side = BudgetSide.Expenditure, Code = "E-8.2.3/01", Area = ExpenditureArea.StreetsYardsGardens,
            Name = lineName, PlannedQepik = 4_000_000 };
        db.AddRange(revenue, line);
        await db.SaveChangesAsync();
        for (var i = 0; i < expenditures; i++)
            db.Expenditures.Add(new Expenditure { MunicipalityId = m, BudgetId = b.Id, LineId = line.Id, Kind = ExpenditureKind.DirectPayment, AmountQepik = 10_000 + i,
                On = new DateOnly(year, 1 + i % 12, 1 + i % 28), Payee = "İşıq MMC", PayeeTaxId = "1234567891", Purpose = $"Lampalar partiya {i:D3}", Document = $"qaimə {i}",
                CreatedAt = DateTime.UtcNow, CreatedBy = "test" });
        db.TaxRevenueDays.Add(new TaxRevenueDay { MunicipalityId = m, On = new DateOnly(year, 3, 5), RevenueClass = RevenueClass.LandTax, AmountQepik = 123_400, Payments = 7 });
        await db.SaveChangesAsync();
        return new Seeded(m, b.Id, line.Id);
    });

    [Fact]
    public async Task FL_10_2_an_approved_budget_is_on_the_portal_with_its_chart_and_execution()
    {
        var s = await BudgetAsync(BudgetStatus.Approved, "Park abadlaşdırılması");
        var client = App.Client();
        var html = await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}");
        Assert.Contains("Park abadlaşdırılması", html);
        Assert.Contains("id=\"chart-months\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("id=\"expenditure-", html);
        Assert.DoesNotContain("internal note", html);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}"));
        Assert.Equal("Approved", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(10_000, json.RootElement.GetProperty("paidQepik").GetInt64());
        Assert.Equal(123_400, json.RootElement.GetProperty("revenueQepik").GetInt64());
        // Without a year the page shows the latest public budget.
        Assert.Contains("Park abadlaşdırılması", await client.GetStringAsync($"/Portal/{s.MunicipalityId}"));
    }

    [Fact]
    public async Task FL_10_1_a_draft_is_never_shown_until_published()
    {
        var drafting = await BudgetAsync(BudgetStatus.Drafting, "Gizli layihə sətri");
        var submitted = await BudgetAsync(BudgetStatus.Submitted, "Təqdim edilmiş layihə sətri");
        var published = await BudgetAsync(BudgetStatus.Published, "Dərc edilmiş layihə sətri");
        var client = App.Client();
        foreach (var (s, name) in new[] { (drafting, "Gizli layihə sətri"), (submitted, "Təqdim edilmiş layihə sətri") })
        {
            var html = await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}");
            Assert.DoesNotContain(name, html);
            Assert.Contains("id=\"no-budget\"", html);
            Assert.DoesNotContain(name, await client.GetStringAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/datapackage.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/budget-lines.csv")).StatusCode);
        }
        var draft = await client.GetStringAsync($"/Portal/{published.MunicipalityId}/{Year}");
        Assert.Contains("Dərc edilmiş layihə sətri", draft);
        Assert.Contains("id=\"draft-notice\"", draft);
    }

    [Fact]
    public async Task A_natural_person_payee_is_shown_as_fiziki_sexs_everywhere()
    {
        var s = await BudgetAsync(BudgetStatus.Approved);
        const string name = "Quliyev Rəşad Elçin oğlu";
        await App.WithDbAsync(async db =>
        {
            db.Expenditures.Add(new Expenditure { MunicipalityId = s.MunicipalityId, BudgetId = s.BudgetId, LineId = s.LineId, Kind = ExpenditureKind.DirectPayment,
                AmountQepik = 55_500, On = new DateOnly(Year, 4, 2), Payee = name, PayeeTaxId = "5XK2M7P", PayeeIsNaturalPerson = true, Purpose = "Həyətin təmizlənməsi",
                Document = $"müqavilə {name}", Contract = $"{name} ilə müqavilə", CreatedAt = DateTime.UtcNow, CreatedBy = "test" });
            return await db.SaveChangesAsync();
        });
        var client = App.Client();
        var bodies = new[]
        {
            await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}"),
            await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}?lang=en"),
            await client.GetStringAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/expenditures"),
            await client.GetStringAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/expenditures.csv"),
            string.Join("\n", Taxes.ReportJson.ReadXlsx(await client.GetByteArrayAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/expenditures.xlsx"))
                .Select(r => string.Join(";", r))),
        };
        foreach (var body in bodies)
        {
            Assert.DoesNotContain("Quliyev", body);
            Assert.DoesNotContain("5XK2M7P", body);
            Assert.Contains("Həyətin təmizlənməsi", body);
        }
        Assert.Contains(PortalQueries.NaturalPersonAz, bodies[0]);
        Assert.Contains(PortalQueries.NaturalPersonEn, bodies[1]);
        // Nobody finds a person by searching for their name.
        using var found = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/expenditures?q=Quliyev"));
        Assert.Equal(0, found.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LTP_12_3_tax_collection_and_arrears_are_shown_in_aggregate_only()
    {
        var s = await BudgetAsync(BudgetStatus.Approved);
        await App.WithDbAsync(async db =>
        {
            var t = new Taxpayer { MunicipalityId = s.MunicipalityId, Kind = TaxpayerKind.NaturalPerson, PersonalId = "7QWERTY", Name = "Hüseynova Səbinə", Address = "Bağ küçəsi 9",
                RegisteredOn = new DateOnly(2020, 1, 1), SearchKey = "huseynova sebine" };
            db.Taxpayers.Add(t);
            await db.SaveChangesAsync();
            db.TaxCharges.Add(new TaxCharge { MunicipalityId = s.MunicipalityId, TaxpayerId = t.Id, Tax = LocalTax.LandTax, Year = Year, Instalment = 1, DueOn = new DateOnly(Year, 8, 15),
                AmountQepik = 7_700, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        App.Clock.SetToday(new DateOnly(2026, 12, 3));
        var client = App.Client();
        var html = await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}");
        var json = await client.GetStringAsync($"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}");
        foreach (var body in new[] { html, json })
        {
            Assert.DoesNotContain("Hüseynova", body);
            Assert.DoesNotContain("7QWERTY", body);
            Assert.DoesNotContain("Bağ küçəsi", body);
        }
        using var doc = JsonDocument.Parse(json);
        var land = doc.RootElement.GetProperty("taxes").EnumerateArray().Single(t => t.GetProperty("tax").GetString() == "LandTax");
        Assert.Equal(7_700, land.GetProperty("chargedQepik").GetInt64());
        Assert.Equal(7_700, land.GetProperty("overdueQepik").GetInt64());
        Assert.Contains("id=\"tax-LandTax\"><td>Torpaq vergisi</td>", html);
        // Shares are written as the amounts beside them are: a decimal comma in Azerbaijani.
        Assert.Contains(">2,5%<", html); // 1 234,00 of 50 000,00 ₼ of land tax received
        Assert.DoesNotContain(">2.5%<", html);
    }

    [Fact]
    public async Task Expenditures_are_searched_and_paged_and_exported()
    {
        var s = await BudgetAsync(BudgetStatus.Approved, expenditures: 60);
        var client = App.Client();
        var api = $"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/expenditures";
        using (var p1 = JsonDocument.Parse(await client.GetStringAsync(api)))
        {
            Assert.Equal(60, p1.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(50, p1.RootElement.GetProperty("items").GetArrayLength());
        }
        using (var p2 = JsonDocument.Parse(await client.GetStringAsync(api + "?page=2")))
            Assert.Equal(10, p2.RootElement.GetProperty("items").GetArrayLength());
        using (var q = JsonDocument.Parse(await client.GetStringAsync(api + "?q=partiya%20042")))
        {
            Assert.Equal(1, q.RootElement.GetProperty("total").GetInt32());
            Assert.Equal("Lampalar partiya 042", q.RootElement.GetProperty("items")[0].GetProperty("purpose").GetString());
        }
        var page = await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}");
        Assert.Contains("id=\"next\"", page);
        var page2 = await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}?p=2");
        Assert.Contains("id=\"prev\"", page2);
        var searched = await client.GetStringAsync($"/Portal/{s.MunicipalityId}/{Year}?q=partiya+017");
        Assert.Contains("Lampalar partiya 017", searched);
        Assert.DoesNotContain("Lampalar partiya 018", searched);
        var csv = Csv.Read(new StringReader(await client.GetStringAsync(api + ".csv"))).ToList();
        Assert.Equal(61, csv.Count);
    }

    [Fact]
    public async Task The_datapackage_is_a_fiscal_data_package_whose_csv_files_download_and_parse()
    {
        var s = await BudgetAsync(BudgetStatus.Approved, expenditures: 3);
        var client = App.Client();
        var url = $"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/datapackage.json";
        var r = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var package = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        var root = package.RootElement;
        Assert.Equal("fiscal-data-package", root.GetProperty("profile").GetString());
        var name = await App.WithDbAsync(db => db.Municipalities.Where(x => x.Id == s.MunicipalityId).Select(x => x.Name).SingleAsync());
        Assert.Equal($"{name}: {Year}-ci il büdcəsi / {Year} budget", root.GetProperty("title").GetString());
        Assert.True(root.GetProperty("model").GetProperty("measures").EnumerateObject().Any());
        Assert.True(root.GetProperty("model").GetProperty("dimensions").EnumerateObject().Any());
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(3, resources.Count);
        foreach (var resource in resources)
        {
            var csvUrl = new Uri(new Uri("http://localhost" + url), resource.GetProperty("path").GetString()!).PathAndQuery;
            var csvResponse = await client.GetAsync(csvUrl);
            Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
            Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString());
            var rows = Csv.Read(new StringReader((await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF'))).ToList();
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
            Assert.Equal(fields, rows[0]);
            Assert.True(rows.Count > 1, $"{csvUrl} has no rows");
            Assert.All(rows.Skip(1), row => Assert.Equal(fields.Count, row.Length));
        }
        // Every measure names a column of its resource.
        foreach (var m in root.GetProperty("model").GetProperty("measures").EnumerateObject())
        {
            var res = resources.Single(x => x.GetProperty("name").GetString() == m.Value.GetProperty("resource").GetString());
            Assert.Contains(m.Value.GetProperty("source").GetString(), res.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        }
        using var index = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/portal/{Year}/index.json"));
        // The national index is cached for 30 s and may predate this budget: its entries point at packages that resolve.
        foreach (var p in index.RootElement.GetProperty("packages").EnumerateArray().Take(3))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(p.GetProperty("dataPackage").GetString())).StatusCode);
    }

    [Fact]
    public async Task Portal_responses_carry_cache_control_and_an_etag_that_answers_304()
    {
        var s = await BudgetAsync(BudgetStatus.Approved);
        var client = App.Client();
        foreach (var url in new[] { "/Portal", $"/Portal/{s.MunicipalityId}/{Year}", "/Portal/Compare", $"/api/v1/portal/{Year}", $"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}",
                     $"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}/datapackage.json" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.True(r.Headers.CacheControl?.Public, $"{url}: {r.Headers.CacheControl}");
            Assert.True(r.Headers.CacheControl?.MaxAge > TimeSpan.Zero, url);
            Assert.NotNull(r.Headers.ETag);
            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(r.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    public async Task A_change_the_municipality_commits_is_on_its_portal_at_the_next_request_not_after_the_cache_expires()
    {
        var s = await BudgetAsync(BudgetStatus.Published, "Tezliklə təsdiq ediləcək sətir");
        var client = App.Client();
        var url = $"/Portal/{s.MunicipalityId}/{Year}";
        var api = $"/api/v1/portal/municipalities/{s.MunicipalityId}/{Year}";
        Assert.Contains("id=\"draft-notice\"", await client.GetStringAsync(url));
        using (var before = JsonDocument.Parse(await client.GetStringAsync(api)))
            Assert.Equal("Published", before.RootElement.GetProperty("status").GetString());

        // The council approves (FL 10.2) and a payment is made, well inside the 30 s the page stays cached for.
        await App.WithDbAsync(async db =>
        {
            var b = await db.Budgets.FirstAsync(x => x.Id == s.BudgetId);
            b.Status = BudgetStatus.Approved;
            b.ApprovedOn = new DateOnly(Year - 1, 12, 18);
            db.Expenditures.Add(new Expenditure { MunicipalityId = s.MunicipalityId, BudgetId = s.BudgetId, LineId = s.LineId, Kind = ExpenditureKind.DirectPayment,
                AmountQepik = 77_700, On = new DateOnly(Year, 2, 2), Payee = "Təzə Yol MMC", PayeeTaxId = "1234567891", Purpose = "Səkinin təmiri", Document = "qaimə 9",
                CreatedAt = DateTime.UtcNow, CreatedBy = "test" });
            return await db.SaveChangesAsync();
        });
        var html = await client.GetStringAsync(url);
        Assert.DoesNotContain("id=\"draft-notice\"", html);
        Assert.Contains("Təzə Yol MMC", html);
        using (var after = JsonDocument.Parse(await client.GetStringAsync(api)))
        {
            Assert.Equal("Approved", after.RootElement.GetProperty("status").GetString());
            Assert.Equal(10_000 + 77_700, after.RootElement.GetProperty("paidQepik").GetInt64());
        }

        // A change rolled back raises nothing: the cached page stands.
        var version = OpenBams.Platform.Data.CommittedChanges.VersionOf(s.MunicipalityId);
        Assert.Equal(version, await VersionAfterCommitAsync(s.MunicipalityId, commit: false));
    }

    private Task<long> VersionAfterCommitAsync(int municipalityId, bool commit) => App.WithDbAsync(async db =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        (await db.Budgets.FirstAsync(x => x.MunicipalityId == municipalityId)).Note = $"note {Guid.NewGuid()}";
        await db.SaveChangesAsync();
        if (commit) await tx.CommitAsync(); else await tx.RollbackAsync();
        return OpenBams.Platform.Data.CommittedChanges.VersionOf(municipalityId);
    });

    [Fact]
    public async Task A_logged_in_user_revalidates_portal_pages_every_time_so_their_own_change_shows()
    {
        var s = await BudgetAsync(BudgetStatus.Approved);
        var admin = await App.LoginAdminAsync();
        var r = await admin.GetAsync($"/Portal/{s.MunicipalityId}/{Year}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(r.Headers.CacheControl?.Private, $"{r.Headers.CacheControl}");
        Assert.True(r.Headers.CacheControl?.NoCache, $"{r.Headers.CacheControl}");
        var before = OpenBams.Platform.Data.CommittedChanges.VersionOf(s.MunicipalityId);
        Assert.True(await VersionAfterCommitAsync(s.MunicipalityId, commit: true) > before);
    }

    [Fact]
    public async Task The_national_pages_compare_municipalities_per_resident_by_region_and_kind()
    {
        // A year of its own, so the 30-second national cache cannot hold an earlier answer.
        var year = 2040 + Interlocked.Increment(ref _next) % 50;
        var s = await BudgetAsync(BudgetStatus.Approved, year: year);
        var (region, kind) = await App.WithDbAsync(db => db.Municipalities.Where(m => m.Id == s.MunicipalityId).Select(m => new { m.RegionId, m.Kind }).FirstAsync()
            .ContinueWith(t => (t.Result.RegionId, t.Result.Kind)));
        var client = App.Client();
        var national = await client.GetStringAsync($"/Portal?year={year}");
        Assert.Contains("id=\"chart-months\"", national);
        Assert.Contains("id=\"regions\"", national);
        var compare = await client.GetStringAsync($"/Portal/Compare?year={year}&region={region}&kind={kind}");
        Assert.Contains($"id=\"m-{s.MunicipalityId}\"", compare);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/portal/{year}"));
        Assert.Equal(1, json.RootElement.GetProperty("withPublicBudget").GetInt32());
        Assert.Equal(4_000_000, json.RootElement.GetProperty("plannedExpenditureQepik").GetInt64());
        using var rows = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/portal/{year}/municipalities?region={region}"));
        var row = rows.RootElement.EnumerateArray().Single(r => r.GetProperty("municipalityId").GetInt32() == s.MunicipalityId);
        Assert.Equal(10_000, row.GetProperty("paidQepik").GetInt64());
        var csv = Csv.Read(new StringReader((await client.GetStringAsync($"/api/v1/portal/{year}/municipalities.csv?kind={kind}")).TrimStart('\uFEFF'))).ToList();
        Assert.Contains(csv, r => r[0] == s.MunicipalityId.ToString());
    }
}

public sealed class PortalTests_Sqlite(SqliteFixture f) : PortalTests(f), IClassFixture<SqliteFixture>;
public sealed class PortalTests_Postgres(PostgresFixture f) : PortalTests(f), IClassFixture<PostgresFixture>;
