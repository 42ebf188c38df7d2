using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenBams.Platform.Data;
using OpenBams.Platform.Search;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Bench;

/// <summary>
/// A short job (1 launch, 3 warm-up and 10 measured iterations) run in-process: the app is built once per
/// engine in GlobalSetup, so a separate benchmark process would only add a second build of the whole app.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short10"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub);
    }
}

/// <summary>
/// The public register's hot path: <see cref="RegisterSearch.PageAsync"/> (folded-name LIKE search, filters,
/// ordering, count and one page) over the full official list of 2718 municipalities, in-process on the
/// database and through HTTP.
/// </summary>
[Config(typeof(BenchConfig))]
public class RegisterSearchBenchmarks
{
    /// <summary>The official 2005 list as loaded by PrepareAsync; the README's numbers are for this size.</summary>
    public const int OfficialListSize = 2718;

    public static readonly RegisterQuery FewHits = new("Bilecari");
    public static readonly RegisterQuery ManyHits = new("kend");
    public static readonly RegisterQuery PageTwentyQuery = new(Page: 20);
    public const string HttpPath = "/api/v1/municipalities?q=Sheki";
    public const string FilterRegion = "Masallı rayonu";

    private BenchHost _host = null!;
    private IServiceScope _scope = null!;
    private HttpClient _http = null!;
    private string[] _names = [];

    /// <summary>SQLite always; PostgreSQL too when OPENBAMS_BENCH_POSTGRES names a server.</summary>
    [ParamsSource(nameof(Engines))] public string Engine { get; set; } = "Sqlite";

    public static IEnumerable<string> Engines() => BenchHost.Engines();

    public AppDb Db { get; private set; } = null!;
    public RegisterQuery RegionAndKindQuery { get; private set; } = new();

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    public async Task SetupAsync()
    {
        _host = await BenchHost.StartAsync(Engine);
        _http = _host.App.GetTestClient();

        _scope = _host.App.Services.CreateScope();
        _scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        Db = _scope.ServiceProvider.GetRequiredService<AppDb>();
        // PostgreSQL's autovacuum analyses a freshly loaded table soon after; do it now so that the plans are the
        // steady-state ones. SQLite is left as the app leaves it (the app never runs ANALYZE there).
        if (Engine == "PostgreSQL") await Db.Database.ExecuteSqlRawAsync("ANALYZE");
        _names = await Db.Municipalities.Select(m => m.Name).ToArrayAsync();
        if (_names.Length != OfficialListSize)
            throw new InvalidOperationException($"Expected the official list of {OfficialListSize} municipalities, found {_names.Length}.");
        var regionId = await Db.Regions.Where(r => r.Name == FilterRegion).Select(r => r.Id).SingleAsync();
        RegionAndKindQuery = new RegisterQuery(RegionId: regionId, Kind: MunicipalityKind.Village);
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    public async Task CleanupAsync()
    {
        _http.Dispose();
        _scope.Dispose();
        await _host.DisposeAsync();
    }

    [Benchmark(Description = "q=Bilecari (ASCII spelling, few hits)")]
    public Task<int> SearchFewHits() => Total(FewHits);

    [Benchmark(Description = "q=kend (common fragment, many hits)")]
    public Task<int> SearchManyHits() => Total(ManyHits);

    [Benchmark(Description = "no query, page 20 of 50 rows")]
    public Task<int> PageTwenty() => Total(PageTwentyQuery);

    [Benchmark(Description = "region + kind filter")]
    public Task<int> RegionAndKind() => Total(RegionAndKindQuery);

    [Benchmark(Description = "SpellingFold.Fold of all 2718 names (CPU)")]
    public int FoldAllNames()
    {
        var n = 0;
        foreach (var name in _names) n += SpellingFold.Fold(name).Length;
        return n;
    }

    [Benchmark(Description = "HTTP GET /api/v1/municipalities?q=Sheki")]
    public async Task<int> HttpSearch() => (await HttpGetAsync()).Length;

    public Task<string> HttpGetAsync() => _http.GetStringAsync(HttpPath);

    private async Task<int> Total(RegisterQuery q) => (await RegisterSearch.PageAsync(Db, q)).Total;
}
