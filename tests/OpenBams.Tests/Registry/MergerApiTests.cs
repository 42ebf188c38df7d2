using System.Net;
using System.Net.Http.Json;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.Registry;

/// <summary>
/// Mergers decided by law (MERGER 2, 6) recorded through POST /api/v1/registry/mergers. A fixture of its own
/// (mergers change the national counts); each test merges its own municipalities of its own region and
/// measures the counts before and after, so the order of the tests does not matter.
/// </summary>
public abstract class MergerApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private static readonly DateOnly Effective = new(2009, 12, 23);
    private const string Act = "Bələdiyyələrin birləşdirilməsi haqqında Milli Məclisin Qərarı";

    private static MergerCommand Merger(int successor, params int[] absorbed) =>
        new(successor, absorbed, Effective, Act, "N 123-IIIQR", new DateOnly(2009, 6, 30), null);

    [Fact]
    public async Task A_merger_ends_the_absorbed_records_moves_their_territory_and_reduces_the_active_count()
    {
        var ids = await App.ActiveWithUnitsAsync("Xaçmaz rayonu", 0, 3);
        var (successorId, absorbed) = (ids[0], ids.Skip(1).ToArray());
        var admin = await App.LoginAdminAsync();
        var before = await App.Client().StatisticsAsync();
        var absorbedBefore = new List<MunicipalityDetail>();
        foreach (var a in absorbed) absorbedBefore.Add(await App.Client().DetailAsync(a));
        var successorBefore = await App.Client().DetailAsync(successorId);

        var r = await admin.MergeAsync(Merger(successorId, absorbed));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var successor = (await r.Content.ReadFromJsonAsync<MunicipalityDetail>(RegistryHttp.Json))!;
        Assert.Equal(successorId, successor.Id);
        Assert.Equal(MunicipalityStatus.Active, successor.Status);
        Assert.Null(successor.EndedOn);

        // The counts: two fewer active, two more merged, and the year of the change recorded.
        var after = await App.Client().StatisticsAsync();
        Assert.Equal(before.Active - absorbed.Length, after.Active);
        Assert.Equal(before.Merged + absorbed.Length, after.Merged);
        Assert.Equal(before.ActiveByRegion.Single(x => x.Region == "Xaçmaz rayonu").Count - absorbed.Length,
            after.ActiveByRegion.Single(x => x.Region == "Xaçmaz rayonu").Count);
        Assert.Contains(after.RecordedChangesByYear, y => y.Year == Effective.Year && y.Municipalities >= absorbed.Length);

        foreach (var old in absorbedBefore)
        {
            var m = await App.Client().DetailAsync(old.Id);
            Assert.Equal(MunicipalityStatus.Merged, m.Status);
            Assert.Equal(Effective, m.EndedOn);
            var merged = Assert.Single(m.History, h => h.Kind == MunicipalityEventKind.MergedInto);
            Assert.Equal(successorId, merged.OtherMunicipalityId);
            Assert.Equal(successor.Name, merged.OtherMunicipalityName);
            Assert.Equal(Effective, merged.On);
            Assert.Equal(Act, merged.ActTitle);
            Assert.Equal("N 123-IIIQR", merged.ActNumber);
            // Its own units end the day before the merger takes effect.
            Assert.All(m.TerritorialUnits, t => Assert.Equal(Effective.AddDays(-1), t.ValidTo));

            var absorbedEvent = Assert.Single(successor.History, h => h.Kind == MunicipalityEventKind.Absorbed && h.OtherMunicipalityId == old.Id);
            Assert.Equal(old.Name, absorbedEvent.OtherMunicipalityName);
            Assert.Equal(Effective, absorbedEvent.On);
            // Universal succession: every unit passes to the successor from the effective date.
            foreach (var unit in old.TerritorialUnits)
                Assert.Contains(successor.TerritorialUnits, t => t.Name == unit.Name && t.Kind == unit.Kind && t.ValidFrom == Effective && t.ValidTo is null);
        }
        Assert.Equal(successorBefore.TerritorialUnits.Count + absorbedBefore.Sum(a => a.TerritorialUnits.Count), successor.TerritorialUnits.Count);

        // The register's status filter finds them; the default list still shows them with their status.
        var mergedRows = (await App.Client().ListAsync("status=Merged&pageSize=500")).Items.Select(m => m.Id).ToList();
        Assert.All(absorbed, id => Assert.Contains(id, mergedRows));
        var activeRows = await App.Client().ListAsync("status=Active");
        Assert.Equal(after.Active, activeRows.Total);
        Assert.Equal(RegistryHttp.OfficialListCount, (await App.Client().ListAsync()).Total);
    }

    [Fact]
    public async Task A_municipality_that_has_already_merged_cannot_merge_again_or_succeed()
    {
        var ids = await App.ActiveWithUnitsAsync("Quba rayonu", 0, 3);
        var admin = await App.LoginAdminAsync();
        var first = await admin.MergeAsync(Merger(ids[0], ids[1]));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var active = (await App.Client().StatisticsAsync()).Active;

        var again = await admin.MergeAsync(Merger(ids[2], ids[1]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("absorbedIds", (await again.ProblemAsync()).ErrorFields());

        var asSuccessor = await admin.MergeAsync(Merger(ids[1], ids[2]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asSuccessor.StatusCode);
        Assert.Contains("successorId", (await asSuccessor.ProblemAsync()).ErrorFields());

        // Nothing changed by the refused attempts.
        Assert.Equal(active, (await App.Client().StatisticsAsync()).Active);
        var third = await App.Client().DetailAsync(ids[2]);
        Assert.Equal(MunicipalityStatus.Active, third.Status);
        Assert.DoesNotContain(third.History, h => h.Kind is MunicipalityEventKind.Absorbed or MunicipalityEventKind.MergedInto);
        var merged = await App.Client().DetailAsync(ids[1]);
        Assert.Single(merged.History, h => h.Kind == MunicipalityEventKind.MergedInto);
    }

    [Fact]
    public async Task A_merger_needs_its_legal_act_and_a_successor_other_than_the_absorbed()
    {
        var ids = await App.ActiveWithUnitsAsync("Şamaxı rayonu", 0, 2);
        var admin = await App.LoginAdminAsync();

        var noAct = await admin.MergeAsync(Merger(ids[0], ids[1]) with { ActTitle = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAct.StatusCode);
        var problem = await noAct.ProblemAsync();
        Assert.Equal("actTitle", problem.GetProperty("field").GetString());
        Assert.Equal("MERGER 2", problem.GetProperty("rule").GetString());

        var self = await admin.MergeAsync(Merger(ids[0], ids[0]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("absorbedIds", (await self.ProblemAsync()).ErrorFields());

        var unknown = await admin.MergeAsync(Merger(ids[0], 99999999));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("absorbedIds", (await unknown.ProblemAsync()).ErrorFields());

        foreach (var id in ids)
            Assert.Equal(MunicipalityStatus.Active, (await App.Client().DetailAsync(id)).Status);
    }

    [Fact]
    public async Task Only_an_administrator_may_record_a_merger()
    {
        var ids = await App.ActiveWithUnitsAsync("Lerik rayonu", 0, 2);
        var before = (await App.Client().StatisticsAsync()).Active;

        var anonymous = await App.Client().MergeAsync(Merger(ids[0], ids[1]));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // Staff of the successor municipality itself, but not an administrator.
        var user = $"staff-{Guid.NewGuid():N}"[..14];
        await App.CreateUserAsync(user, Role.Chairman, ids[0]);
        var staff = await App.LoginAsync(user);
        var refused = await staff.MergeAsync(Merger(ids[0], ids[1]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        Assert.Equal(before, (await App.Client().StatisticsAsync()).Active);
        foreach (var id in ids)
            Assert.Equal(MunicipalityStatus.Active, (await App.Client().DetailAsync(id)).Status);
    }
}

public sealed class MergerApiTests_Sqlite(SqliteFixture f) : MergerApiTests(f), IClassFixture<SqliteFixture>;
public sealed class MergerApiTests_Postgres(PostgresFixture f) : MergerApiTests(f), IClassFixture<PostgresFixture>;
