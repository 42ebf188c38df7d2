using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.Registry;

namespace OpenBams.Tests.PlatformApi;

/// <summary>
/// The audit log as its readers rely on it: every change recorded with before and after, readable only by
/// administrators, and append-only down to the database (migration AuditAppendOnly).
/// </summary>
public abstract class AuditApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_admin_edit_of_a_municipality_is_in_the_audit_with_the_population_before_and_after()
    {
        var id = (await App.MunicipalityIdsAsync(200, 1)).Single();
        var admin = await App.LoginAdminAsync();
        var d = await admin.DetailAsync(id);
        var newPopulation = (d.Population ?? 1000) + 17;
        var put = await admin.PutAsync(id, d.ToUpdate() with
        {
            Population = newPopulation, PopulationDate = new DateOnly(2024, 1, 1), PopulationSource = "DSK 2024 (platform api test)",
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var page = await (await admin.GetAsync($"/api/v1/audit?entity=Municipality&entityId={id}")).OkAsync<Paged<AuditItem>>();
        var entry = page.Items.First(i => i.Action == "update");
        Assert.Equal("admin", entry.UserName);
        Assert.Equal(id, entry.MunicipalityId);
        Assert.Contains("Population", entry.Changed);
        var before = entry.Before!.Value.GetProperty("Population");
        var after = entry.After!.Value.GetProperty("Population");
        Assert.Equal(newPopulation, after.GetInt32());
        if (d.Population is null) Assert.Equal(JsonValueKind.Null, before.ValueKind);
        else Assert.Equal(d.Population, before.GetInt32());
        Assert.NotEqual(before.ToString(), after.ToString());
        Assert.Equal("DSK 2024 (platform api test)", entry.After!.Value.GetProperty("PopulationSource").GetString());
    }

    [Fact]
    public async Task A_municipal_administrator_cannot_read_the_national_audit_log_403_only_their_own()
    {
        var ids = await App.MunicipalityIdsAsync(210, 2);
        await App.CreateUserAsync("audit-madm", Role.MunicipalAdministrator, ids[0]);
        var client = await App.LoginAsync("audit-madm");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit?municipalityId=" + ids[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/municipalities/{ids[0]}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/municipalities/{ids[1]}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows_whatever_the_client()
    {
        // Make sure there is at least one row for the row-level triggers to fire on.
        await App.CreateUserAsync("audit-trigger", Role.Resident, (await App.MunicipalityIdsAsync(220, 1)).Single());
        var (count, maxId) = await App.WithDbAsync(async db => (await db.AuditLog.CountAsync(), await db.AuditLog.MaxAsync(a => a.Id)));
        Assert.True(count > 0);

        await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"Reason\" = 'tampered' WHERE \"Id\" = {0}", maxId)));
        await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\" WHERE \"Id\" = {0}", maxId)));
        await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\"")));

        var (countAfter, reason) = await App.WithDbAsync(async db =>
            (await db.AuditLog.CountAsync(), await db.AuditLog.Where(a => a.Id == maxId).Select(a => a.Reason).SingleAsync()));
        Assert.True(countAfter >= count);
        Assert.NotEqual("tampered", reason);
    }

    [Fact]
    public async Task AppDb_refuses_to_save_a_changed_audit_entry()
    {
        await App.CreateUserAsync("audit-appdb", Role.Resident, (await App.MunicipalityIdsAsync(221, 1)).Single());
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            var e = await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync();
            e.Reason = "tampered";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            db.AuditLog.Remove(await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync());
            return await db.SaveChangesAsync();
        }));
    }
}

public sealed class AuditApiTests_Sqlite(SqliteFixture f) : AuditApiTests(f), IClassFixture<SqliteFixture>;
public sealed class AuditApiTests_Postgres(PostgresFixture f) : AuditApiTests(f), IClassFixture<PostgresFixture>;
