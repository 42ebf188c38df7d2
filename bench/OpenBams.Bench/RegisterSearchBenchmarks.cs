using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenBams.Platform.Data;
using OpenBams.Platform.Search;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Bench;

/// <summary>
/// The public register's hot path: folded-name search, filters and paging over the full 2005 list
/// (2718 rows), in-process on the database and through HTTP.
/// </summary>
[MemoryDiagnoser]
public class RegisterSearchBenchmarks
{
    private WebApplication _app = null!;
    private IServiceScope _scope = null!;
    private AppDb _db = null!;
    private HttpClient _http = null!;
    private string[] _names = [];
    private int _regionId;
    private string _dataDir = "";

    [ParamsSource(nameof(Engines))] public string Engine { get; set; } = "Sqlite";

    public static IEnumerable<string> Engines() =>
        Environment.GetEnvironmentVariable("OPENBAMS_BENCH_POSTGRES") is { Length: > 0 } ? ["Sqlite", "PostgreSQL"] : ["Sqlite"];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    public async Task SetupAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("openbams-bench-").FullName;
        _app = OpenBamsApp.Build([], b =>
        {
            b.Configuration["OpenBams:DataDirectory"] = _dataDir;
            b.Configuration["OpenBams:AdminPassword"] = "Bench-password-2026";
            if (Engine == "PostgreSQL")
            {
                b.Configuration["OpenBams:Database:Provider"] = "PostgreSQL";
                b.Configuration["ConnectionStrings:OpenBams"] = Environment.GetEnvironmentVariable("OPENBAMS_BENCH_POSTGRES");
            }
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.WebHost.UseTestServer();
        });
        await OpenBamsApp.PrepareAsync(_app, []);
        await _app.StartAsync();
        _http = _app.GetTestClient();
        _scope = _app.Services.CreateScope();
        _scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.Anonymous);
        _db = _scope.ServiceProvider.GetRequiredService<AppDb>();
        _names = await _db.Municipalities.Select(m => m.Name).ToArrayAsync();
        _regionId = await _db.Regions.Where(r => r.Name == "Masallı rayonu").Select(r => r.Id).SingleAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }

    [Benchmark(Description = "search Bilecari (ASCII, 1 hit)")]
    public Task<int> SearchFewHits() => Count(new RegisterQuery("Bilecari"));

    [Benchmark(Description = "search li (fragment, many hits)")]
    public Task<int> SearchManyHits() => Count(new RegisterQuery("li"));

    [Benchmark(Description = "no query, page 20 of 50")]
    public Task<int> PageTwenty() => Count(new RegisterQuery(Page: 20));

    [Benchmark(Description = "region + kind filter")]
    public Task<int> RegionAndKind() => Count(new RegisterQuery(RegionId: _regionId, Kind: MunicipalityKind.Village));

    [Benchmark(Description = "fold all 2718 names (CPU only)")]
    public int FoldAllNames()
    {
        var n = 0;
        foreach (var name in _names) n += SpellingFold.Fold(name).Length;
        return n;
    }

    [Benchmark(Description = "HTTP GET /api/v1/municipalities?q=Sheki")]
    public async Task<int> HttpSearch() => (await _http.GetStringAsync("/api/v1/municipalities?q=Sheki")).Length;

    private async Task<int> Count(RegisterQuery q) => (await RegisterSearch.PageAsync(_db, q)).Total;
}
