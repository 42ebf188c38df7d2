using Microsoft.EntityFrameworkCore;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.Registry;

/// <summary>
/// The import of the official list is idempotent: running it again on a loaded database adds nothing and
/// keeps an administrator's corrections. Its own fixture, because a broken import would change the data
/// the other register tests rely on.
/// </summary>
public abstract class RegisterImportTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Running_the_import_again_adds_nothing_and_the_total_is_unchanged()
    {
        var client = App.Client();
        var before = (await client.ListAsync()).Total;
        var eventsBefore = await App.WithDbAsync(db => db.MunicipalityEvents.CountAsync());
        var unitsBefore = await App.WithDbAsync(db => db.TerritorialUnits.CountAsync());
        var auditBefore = await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Entity == "DataImport"));
        Assert.Equal(RegistryHttp.OfficialListCount, before);

        var again = await App.WithDbAsync(db => RegisterImport.RunAsync(db, RegisterImport.DataDirectory()));

        Assert.Equal(0, again.MunicipalitiesAdded);
        Assert.Equal(0, again.EventsAdded);
        Assert.Equal(0, again.CountsAdded);
        Assert.Equal(before, (await client.ListAsync()).Total);
        Assert.Equal(RegistryHttp.RegionCount, (await client.RegionsAsync()).Count);
        Assert.Equal(eventsBefore, await App.WithDbAsync(db => db.MunicipalityEvents.CountAsync()));
        Assert.Equal(unitsBefore, await App.WithDbAsync(db => db.TerritorialUnits.CountAsync()));
        // Nothing imported, so no second import entry in the audit log; the first one is there.
        Assert.Equal(1, auditBefore);
        Assert.Equal(auditBefore, await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Entity == "DataImport")));
        Assert.Equal(5, (await client.StatisticsAsync()).ByElectionYear.Count);
    }

    [Fact]
    public async Task A_second_import_keeps_an_administrators_correction()
    {
        var id = await App.Client().IdOfAsync("Suduroba bələdiyyəsi", "Qusar rayonu");
        await App.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.SingleAsync(x => x.Id == id);
            m.TerritoryText = "Suduroba kəndi (düzəliş)";
            return await db.SaveChangesAsync();
        });

        var again = await App.WithDbAsync(db => RegisterImport.RunAsync(db, RegisterImport.DataDirectory()));

        Assert.Equal(0, again.MunicipalitiesAdded);
        Assert.Equal("Suduroba kəndi (düzəliş)", (await App.Client().DetailAsync(id)).TerritoryText);
        Assert.Equal(RegistryHttp.OfficialListCount, (await App.Client().ListAsync()).Total);
    }
}

public sealed class RegisterImportTests_Sqlite(SqliteFixture f) : RegisterImportTests(f), IClassFixture<SqliteFixture>;
public sealed class RegisterImportTests_Postgres(PostgresFixture f) : RegisterImportTests(f), IClassFixture<PostgresFixture>;
