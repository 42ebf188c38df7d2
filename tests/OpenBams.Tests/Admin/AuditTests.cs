using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.Registry;

namespace OpenBams.Tests.Admin;

/// <summary>
/// The append-only audit log: an edit through the API is recorded with before and after; only administrators read
/// it (a municipality's own administrator reads its part); nothing — not AppDb, not raw SQL, not an endpoint — can
/// change or remove an entry. Each test edits its own municipality of Quba rayonu.
/// </summary>
public abstract class AuditTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private async Task<(HttpClient Admin, MunicipalityDetail Detail)> EditedAsync(int slot, string newSource)
    {
        var id = (await App.ActiveWithUnitsAsync("Quba rayonu", slot, 1)).Single();
        var admin = await App.LoginAdminAsync();
        var d = await admin.DetailAsync(id);
        var r = await admin.PutAsync(id, d.ToUpdate() with
        {
            Population = 1234, PopulationDate = new DateOnly(2019, 10, 1), PopulationSource = newSource,
        });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (admin, d);
    }

    private static async Task<Paged<AuditItem>> AuditAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url} → {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<Paged<AuditItem>>(RegistryHttp.Json))!;
    }

    [Fact]
    public async Task An_edit_through_the_API_is_recorded_with_who_when_and_the_changed_fields_before_and_after()
    {
        var started = DateTime.UtcNow.AddSeconds(-5);
        var (admin, d) = await EditedAsync(0, "DSK, 2019 siyahıyaalması (audit test)");

        var page = await AuditAsync(admin, $"/api/v1/audit?entity=Municipality&entityId={d.Id}");
        var entry = page.Items.First();
        Assert.Equal("update", entry.Action);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal(d.Id, entry.MunicipalityId);
        Assert.Equal(d.Id.ToString(), entry.EntityId);
        Assert.InRange(entry.At, started, DateTime.UtcNow.AddSeconds(5));
        Assert.Contains("Population", entry.Changed);
        Assert.Contains("PopulationSource", entry.Changed);
        Assert.DoesNotContain("Name", entry.Changed);
        var before = entry.Before!.Value;
        var after = entry.After!.Value;
        Assert.Equal(JsonValueKind.Null, before.GetProperty("Population").ValueKind);
        Assert.Equal(1234, after.GetProperty("Population").GetInt32());
        Assert.Equal("DSK, 2019 siyahıyaalması (audit test)", after.GetProperty("PopulationSource").GetString());
        Assert.Equal(d.Version, before.GetProperty("Version").GetInt64());
        Assert.Equal(d.Version + 1, after.GetProperty("Version").GetInt64());

        // Newest first by id; the filters narrow; paging pages.
        var all = await AuditAsync(admin, "/api/v1/audit?pageSize=5");
        Assert.True(all.Items.Select(i => i.Id).SequenceEqual(all.Items.Select(i => i.Id).OrderByDescending(x => x)));
        Assert.Equal(5, all.Items.Count);
        var second = await AuditAsync(admin, "/api/v1/audit?pageSize=5&page=2");
        Assert.True(second.Items.Max(i => i.Id) < all.Items.Min(i => i.Id));
        var byUser = await AuditAsync(admin, $"/api/v1/audit?userName=admin&municipalityId={d.Id}&action=update");
        Assert.Contains(byUser.Items, i => i.Id == entry.Id);
        var today = DateTime.UtcNow.ToString("dd.MM.yyyy");
        var byDate = await AuditAsync(admin, $"/api/v1/audit?entity=Municipality&entityId={d.Id}&from={today}&to={DateTime.UtcNow:yyyy-MM-dd}");
        Assert.Contains(byDate.Items, i => i.Id == entry.Id);
        var before2000 = await AuditAsync(admin, $"/api/v1/audit?entity=Municipality&entityId={d.Id}&to=31.12.1999");
        Assert.Equal(0, before2000.Total);

        // A malformed date names the field.
        var bad = await admin.GetAsync("/api/v1/audit?from=2026-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("from", (await bad.ProblemAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_audit_API_refuses_anonymous_visitors_and_users_who_are_not_administrators()
    {
        var (_, d) = await EditedAsync(1, "DSK (refusals)");
        var anonymous = App.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/audit/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/municipalities/{d.Id}/audit")).StatusCode);

        var suffix = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"analyst-{suffix}", Role.NationalAnalyst, null);
        await App.CreateUserAsync($"tax-{suffix}", Role.TaxOfficer, d.Id);
        await App.CreateUserAsync($"madmin-{suffix}", Role.MunicipalAdministrator, d.Id);
        var otherId = (await App.ActiveWithUnitsAsync("Quba rayonu", 9, 1)).Single();
        await App.CreateUserAsync($"other-{suffix}", Role.MunicipalAdministrator, otherId);

        // A national analyst sees every municipality but is no administrator.
        var analyst = await App.LoginAsync($"analyst-{suffix}");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/municipalities/{d.Id}/audit")).StatusCode);
        // Staff of the municipality, not its administrator.
        var tax = await App.LoginAsync($"tax-{suffix}");
        Assert.Equal(HttpStatusCode.Forbidden, (await tax.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tax.GetAsync($"/api/v1/municipalities/{d.Id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tax.GetAsync($"/api/v1/municipalities/{d.Id}/audit/export.csv")).StatusCode);
        // Another municipality's administrator.
        var other = await App.LoginAsync($"other-{suffix}");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/municipalities/{d.Id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/audit")).StatusCode);

        // The municipality's own administrator reads its entries, and only its entries.
        var own = await App.LoginAsync($"madmin-{suffix}");
        var page = await AuditAsync(own, $"/api/v1/municipalities/{d.Id}/audit?entity=Municipality");
        Assert.Contains(page.Items, i => i.EntityId == d.Id.ToString() && i.Action == "update");
        var everything = await AuditAsync(own, $"/api/v1/municipalities/{d.Id}/audit?pageSize=500");
        Assert.All(everything.Items, i => Assert.Equal(d.Id, i.MunicipalityId));
        // Asking the filter for another municipality through its own route changes nothing.
        var tricked = await AuditAsync(own, $"/api/v1/municipalities/{d.Id}/audit?municipalityId={otherId}&pageSize=500");
        Assert.All(tricked.Items, i => Assert.Equal(d.Id, i.MunicipalityId));
        var csv = await own.GetAsync($"/api/v1/municipalities/{d.Id}/audit/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task AppDb_refuses_to_update_or_delete_an_audit_entry()
    {
        await EditedAsync(2, "DSK (AppDb)");
        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            var entry = await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync();
            entry.UserName = "somebody-else";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", update.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            db.AuditLog.Remove(await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync());
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.UserName == "somebody-else")));
    }

    [Fact]
    public async Task The_database_refuses_a_raw_UPDATE_or_DELETE_of_the_audit_log()
    {
        await EditedAsync(3, "DSK (raw SQL)");
        var (count, last) = await App.WithDbAsync(async db => (await db.AuditLog.CountAsync(), await db.AuditLog.MaxAsync(a => a.Id)));

        var update = await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "UserName" = 'forger' WHERE "Id" = {0}""", last)));
        Assert.Contains("append-only", update.Message + update.InnerException?.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Id" = {0}""", last)));
        await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" """)));

        Assert.Equal(count, await App.WithDbAsync(db => db.AuditLog.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.UserName == "forger")));
    }

    [Fact]
    public void No_endpoint_writes_to_the_audit_log()
    {
        var source = App.Services.GetRequiredService<EndpointDataSource>();
        var writes = source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").Contains("audit", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(x => !x.StartsWith("GET ", StringComparison.Ordinal) && !x.StartsWith("HEAD ", StringComparison.Ordinal))
            // Razor pages answer POST for their handlers; the audit pages have none (checked below).
            .Where(x => !x.Contains("Admin/", StringComparison.Ordinal))
            // Tax audits of municipally owned entities (TAX-REG 5) are records of the tax service, not the audit log.
            .Where(x => !x.Contains("/taxes/audits", StringComparison.Ordinal) && !x.Contains("Taxes/{municipalityId:int}/Service", StringComparison.Ordinal))
            // The independent audit of the budget's execution (FL 13.1) is a record of the budget, not the audit log.
            .Where(x => !x.Contains("/budget/audits", StringComparison.Ordinal) && !x.Contains("Budget/{municipalityId:int}/Audits", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(writes);
        Assert.DoesNotContain(typeof(OpenBams.Pages.Admin.Audit.AuditPageModel).Assembly.GetTypes()
            .Where(t => t.Namespace == "OpenBams.Pages.Admin.Audit")
            .SelectMany(t => t.GetMethods()), m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_exports_hold_the_filtered_entries()
    {
        var (admin, d) = await EditedAsync(4, "DSK (export)");
        var r = await admin.GetAsync($"/api/v1/audit/export.csv?entity=Municipality&entityId={d.Id}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        var rows = RegistryHttp.ParseCsv(await r.Content.ReadAsStringAsync());
        Assert.Equal("id", rows[0][0].TrimStart('\uFEFF'));
        var data = rows.Skip(1).Where(x => x.Length > 1).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, x => Assert.Equal(d.Id.ToString(), x[5]));
        Assert.Contains(data, x => x[6] == "update" && x[7].Contains("PopulationSource") && x[9].Contains("DSK (export)"));

        var x = await admin.GetAsync($"/api/v1/audit/export.xlsx?entity=Municipality&entityId={d.Id}");
        Assert.Equal(HttpStatusCode.OK, x.StatusCode);
        Assert.Equal(OpenBams.Platform.Export.Xlsx.ContentType, x.Content.Headers.ContentType?.MediaType);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await x.Content.ReadAsByteArrayAsync()), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.True(sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count() >= 2);
    }

    [Fact]
    public async Task The_audit_pages_show_each_change_with_its_fields_before_and_after()
    {
        var (admin, d) = await EditedAsync(5, "DSK (page)");
        var doc = await admin.PageAsync($"/Admin/Audit?Entity=Municipality&EntityId={d.Id}&lang=en");
        var row = doc.QuerySelectorAll("#audit > tbody > tr").First();
        Assert.Contains("Municipality", row.TextContent);
        Assert.Contains("updated", row.TextContent);
        var diff = row.QuerySelector("details table")!;
        // (Selectors match in the whole document: the outer table's tbody would also match "tbody tr" for the inner header row.)
        var cells = diff.QuerySelectorAll("tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).Where(c => c.Length == 3).ToList();
        Assert.Contains(cells, c => c[0] == "PopulationSource" && c[2] == "DSK (page)");
        Assert.Contains(cells, c => c[0] == "Population" && c[1] == "—" && c[2] == "1234");
        Assert.NotNull(doc.QuerySelector("#export-csv[href*='entityId=" + d.Id + "']"));

        // Paging keeps the filters (the route value "page" must not shadow the query).
        var paged = await admin.PageAsync("/Admin/Audit?page=2&Action=create");
        Assert.Contains("2 /", paged.QuerySelector(".pager span")!.TextContent);
        var next = paged.QuerySelector("#next")?.GetAttribute("href");
        if (next is not null) Assert.Contains("action=create", next);

        // A bad date is explained, not an error page.
        var bad = await admin.PageAsync("/Admin/Audit?From=31.02.2026&lang=en");
        Assert.Contains("dd.MM.yyyy", bad.QuerySelector(".error")!.TextContent);

        // The municipality's administrator has its own page; others are refused.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"pa-{suffix}", Role.MunicipalAdministrator, d.Id);
        await App.CreateUserAsync($"pt-{suffix}", Role.TaxOfficer, d.Id);
        var own = await App.LoginAsync($"pa-{suffix}");
        var mine = await own.PageAsync($"/Admin/m/{d.Id}/Audit");
        Assert.Contains("PopulationSource", mine.QuerySelector("#audit")!.TextContent);
        Assert.True((await own.GetAsync("/Admin/Audit")).Refused());
        var tax = await App.LoginAsync($"pt-{suffix}");
        Assert.True((await tax.GetAsync($"/Admin/m/{d.Id}/Audit")).Refused());
        Assert.True((await App.Client().GetAsync("/Admin/Audit")).Refused());
    }
}

public sealed class AuditTests_Sqlite(SqliteFixture f) : AuditTests(f), IClassFixture<SqliteFixture>;
public sealed class AuditTests_Postgres(PostgresFixture f) : AuditTests(f), IClassFixture<PostgresFixture>;
