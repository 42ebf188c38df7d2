using System.Net;
using System.Net.Http.Json;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.Registry;

/// <summary>
/// An administrator records a population through PUT /api/v1/municipalities/{id}; the detail then shows the
/// council size of EC 210.2 and the permanent-member cap of SL 15.2-4, or asks for a justified override where
/// the law gives no number. Every test edits its own municipality (Qusar rayonu, by list order), so the tests
/// do not depend on each other.
/// </summary>
public abstract class CouncilSizeApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;
    private static readonly DateOnly Census = new(2019, 10, 1);

    private async Task<(HttpClient Admin, MunicipalityDetail Detail)> PrepareAsync(int slot)
    {
        var id = (await App.ActiveWithUnitsAsync("Qusar rayonu", slot, 1)).Single();
        var admin = await App.LoginAdminAsync();
        return (admin, await admin.DetailAsync(id));
    }

    private static MunicipalityUpdate WithPopulation(MunicipalityDetail d, int? population, int? seats = null, string? justification = null) =>
        d.ToUpdate() with
        {
            Population = population, PopulationDate = population is null ? null : Census,
            PopulationSource = population is null ? null : "Dövlət Statistika Komitəsi, 2019 siyahıyaalması",
            CouncilSizeOverride = seats, CouncilSizeJustification = justification,
        };

    [Theory]
    [InlineData(0, 4999, 9, 3, "EC 210.2.3")]
    [InlineData(1, 5000, 11, 3, "EC 210.2.4")]
    [InlineData(2, 499, 5, 2, "EC 210.2.1")]
    [InlineData(3, 299_999, 19, 5, "EC 210.2.8")]
    public async Task A_recorded_population_gives_the_council_size_of_EC_210_2_and_the_permanent_cap(
        int slot, int population, int seats, int permanentMax, string reference)
    {
        var (admin, d) = await PrepareAsync(slot);
        var r = await admin.PutAsync(d.Id, WithPopulation(d, population));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var saved = (await r.Content.ReadFromJsonAsync<MunicipalityDetail>(RegistryHttp.Json))!;
        Assert.Equal(population, saved.Population);

        // Read back by an anonymous visitor: the public register shows it.
        var shown = await App.Client().DetailAsync(d.Id, "en");
        Assert.Equal(population, shown.Population);
        Assert.Equal(Census, shown.PopulationDate);
        Assert.Equal(seats, shown.CouncilSize.Seats);
        Assert.Equal("Law", shown.CouncilSize.Source);
        Assert.Equal(reference, shown.CouncilSize.Reference);
        Assert.Contains($"elects {seats} council members", shown.CouncilSize.Explanation);
        Assert.Equal(permanentMax, shown.PermanentMembers.Max);
        Assert.Equal("SL 15.2-4", shown.PermanentMembers.Reference);

        // The list row and the export compute the same numbers.
        var row = (await App.Client().ListAsync($"regionId={d.RegionId}&pageSize=500")).Items.Single(m => m.Id == d.Id);
        Assert.Equal(seats, row.CouncilSize);
        Assert.Equal(permanentMax, row.PermanentMembersMax);
    }

    [Fact]
    public async Task From_300000_the_law_gives_no_number_and_the_size_stays_open()
    {
        var (admin, d) = await PrepareAsync(4);
        var r = await admin.PutAsync(d.Id, WithPopulation(d, 300_000));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());

        var en = await App.Client().DetailAsync(d.Id, "en");
        Assert.Null(en.CouncilSize.Seats);
        Assert.Equal("Unknown", en.CouncilSize.Source);
        Assert.Contains("the law gives no number", en.CouncilSize.Explanation);
        Assert.Null(en.PermanentMembers.Max);
        var az = await App.Client().DetailAsync(d.Id, "az");
        Assert.Contains("qanun bələdiyyə üzvlərinin sayını müəyyən etmir", az.CouncilSize.Explanation);
    }

    [Fact]
    public async Task An_override_without_justification_is_refused_with_422_naming_the_field()
    {
        var (admin, d) = await PrepareAsync(5);
        var r = await admin.PutAsync(d.Id, WithPopulation(d, 300_000, seats: 21, justification: null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.ProblemAsync();
        Assert.Equal("councilSizeOverrideJustification", problem.GetProperty("field").GetString());
        Assert.Contains("councilSizeOverrideJustification", problem.ErrorFields());
        Assert.Equal("EC 210.2", problem.GetProperty("rule").GetString());

        // A short justification is no justification either.
        r = await admin.PutAsync(d.Id, WithPopulation(d, 300_000, seats: 21, justification: "too short"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("councilSizeOverrideJustification", (await r.ProblemAsync()).GetProperty("field").GetString());

        // Nothing was saved.
        var after = await App.Client().DetailAsync(d.Id);
        Assert.Null(after.Population);
        Assert.Equal(d.Version, after.Version);
    }

    [Fact]
    public async Task An_override_where_the_law_already_decides_is_refused_naming_the_override()
    {
        var (admin, d) = await PrepareAsync(6);
        var r = await admin.PutAsync(d.Id, WithPopulation(d, 4999, seats: 21, justification: "Böyük ərazi, çoxlu kənd, əlavə üzvlər lazımdır"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("councilSizeOverride", (await r.ProblemAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_justified_override_of_21_is_used_with_source_Override_and_no_permanent_cap()
    {
        var (admin, d) = await PrepareAsync(7);
        const string why = "Milli Məclisin 2024-cü il qərarı ilə 21 üzv müəyyən edilib";
        var r = await admin.PutAsync(d.Id, WithPopulation(d, 300_000, seats: 21, justification: why));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());

        var shown = await App.Client().DetailAsync(d.Id, "en");
        Assert.Equal(21, shown.CouncilSize.Seats);
        Assert.Equal("Override", shown.CouncilSize.Source);
        Assert.Equal(why, shown.CouncilSize.Justification);
        Assert.Null(shown.PermanentMembers.Max);   // SL 15.2-4 only knows 5..19
        var row = (await App.Client().ListAsync($"regionId={d.RegionId}&pageSize=500")).Items.Single(m => m.Id == d.Id);
        Assert.Equal(21, row.CouncilSize);
        Assert.Null(row.PermanentMembersMax);
    }

    [Fact]
    public async Task A_population_without_its_date_and_source_is_refused()
    {
        var (admin, d) = await PrepareAsync(8);
        var r = await admin.PutAsync(d.Id, d.ToUpdate() with { Population = 1200, PopulationDate = null, PopulationSource = null });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("populationDate", (await r.ProblemAsync()).ErrorFields());
    }

    [Fact]
    public async Task Every_saved_edit_gets_a_new_version_and_a_stale_version_is_a_409_conflict()
    {
        var (admin, d) = await PrepareAsync(9);
        var first = await admin.PutAsync(d.Id, WithPopulation(d, 1200));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var saved = (await first.Content.ReadFromJsonAsync<MunicipalityDetail>(RegistryHttp.Json))!;
        Assert.NotEqual(d.Version, saved.Version);

        // A second administrator's form still holds the version read before the first save: refused.
        var stale = await admin.PutAsync(d.Id, WithPopulation(d, 7000));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("version", (await stale.ProblemAsync()).GetProperty("field").GetString());
        Assert.Equal(1200, (await App.Client().DetailAsync(d.Id)).Population);
    }

    [Fact]
    public async Task Only_an_administrator_may_edit_the_register()
    {
        var (_, d) = await PrepareAsync(10);
        var body = WithPopulation(d, 1200);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Client().PutAsync(d.Id, body)).StatusCode);

        var user = $"clerk-{Guid.NewGuid():N}"[..14];
        await App.CreateUserAsync(user, Role.TaxOfficer, d.Id);
        var staff = await App.LoginAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsync(d.Id, body)).StatusCode);
        Assert.Null((await App.Client().DetailAsync(d.Id)).Population);
    }
}

public sealed class CouncilSizeApiTests_Sqlite(SqliteFixture f) : CouncilSizeApiTests(f), IClassFixture<SqliteFixture>;
public sealed class CouncilSizeApiTests_Postgres(PostgresFixture f) : CouncilSizeApiTests(f), IClassFixture<PostgresFixture>;
