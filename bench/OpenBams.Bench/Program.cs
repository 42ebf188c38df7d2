using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Bench;
using OpenBams.Platform.Data;

// Usage:
//   OpenBams.Bench [BenchmarkDotNet options]       e.g. --artifacts bench/results/BenchmarkDotNet --filter '*Http*'
//   OpenBams.Bench --quick [--runs N] [--warmup N] stopwatch loop, mean/p50/p95 per scenario (default 200 runs, 20 warm-up)
//   OpenBams.Bench --plans                         the SQL each database scenario sends, with the engine's query plan
//   OpenBams.Bench --council [--runs N] [--warmup N]  the council's hot paths on a national dataset, stopwatch loop
//   OpenBams.Bench --council-plans                 the SQL of each council scenario, with the engine's query plan
//   OpenBams.Bench --portal [--seconds N]          the public portal under wrk (64 connections) next to a static file, on Kestrel
//   OpenBams.Bench --postgres-version              the server version behind OPENBAMS_BENCH_POSTGRES
// Every mode covers SQLite, and PostgreSQL too when OPENBAMS_BENCH_POSTGRES is set.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Contains("--postgres-version"))
{
    // For the results header: the version of the server OPENBAMS_BENCH_POSTGRES names.
    await using var c = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("OPENBAMS_BENCH_POSTGRES"));
    await c.OpenAsync();
    Console.WriteLine(c.PostgreSqlVersion);
    return;
}

if (args.Contains("--quick"))
{
    var runs = IntOption("--runs", 200);
    var warmup = IntOption("--warmup", 20);
    Console.WriteLine($"Stopwatch loop: {warmup} warm-up and {runs} measured runs of each scenario, one after another.");
    Console.WriteLine();
    Console.WriteLine("| Engine | Scenario | Result | Mean ms | p50 ms | p95 ms | Min ms |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
    foreach (var engine in RegisterSearchBenchmarks.Engines())
    {
        var b = new RegisterSearchBenchmarks { Engine = engine };
        await b.SetupAsync();
        foreach (var (name, run, unit) in Scenarios(b))
        {
            var result = 0;
            var times = await TimeAsync(async () => result = await run(), warmup, runs);
            Console.WriteLine($"| {engine} | {name} | {result} {unit} | {Stats(times)} |");
        }
        await b.CleanupAsync();
    }
    return;
}

if (args.Contains("--council"))
{
    var runs = IntOption("--runs", 200);
    var warmup = IntOption("--warmup", 20);
    var rows = new List<string>();
    foreach (var engine in BenchHost.Engines())
    {
        var b = new CouncilBench { Engine = engine };
        await b.SetupAsync();
        foreach (var line in b.DatasetLines) Console.WriteLine(line);
        foreach (var scenario in b.Scenarios())
        {
            object last = "";
            var times = await TimeAsync(async () => last = await scenario.Run(), warmup, runs);
            rows.Add($"| {engine} | {scenario.Name} | {scenario.Describe(last)} | {Stats(times)} |");
        }
        await b.CleanupAsync();
    }
    Console.WriteLine();
    Console.WriteLine($"Stopwatch loop: {warmup} warm-up and {runs} measured runs of each scenario, one after another.");
    Console.WriteLine();
    Console.WriteLine("| Engine | Scenario | Result | Mean ms | p50 ms | p95 ms | Min ms |");
    Console.WriteLine("|---|---|---|---:|---:|---:|---:|");
    foreach (var row in rows) Console.WriteLine(row);
    return;
}

if (args.Contains("--taxes"))
{
    // Issue 4: the national assessment next to its floor, at the scales given (default 0.1 and 1).
    var scales = DoubleOptions("--scale");
    if (scales.Count == 0) scales = [0.1, 1.0];
    var rows = new List<string>();
    var imports = new List<string>();
    foreach (var engine in BenchHost.Engines())
        foreach (var scale in scales)
        {
            var b = new TaxesBench { Engine = engine, Scale = scale };
            await b.SetupAsync();
            foreach (var line in b.Lines) Console.WriteLine(line);
            var a = await b.AssessNationallyAsync();
            var floor = await b.FloorAsync(a.Notices, a.Lines, a.Charges);
            var rerun = await b.AssessNationallyAsync();
            // --no-import: the assessment only (SQLite at 1x, whose national import alone takes minutes).
            var import = args.Contains("--no-import") ? null : await b.ImportStatementAsync();
            if (import is not null) imports.Add($"| {engine} | {scale} | {import.Lines:N0} | {import.First.TotalSeconds:0.0} | {import.Lines / import.First.TotalSeconds:N0} | {import.Applied:N0} | " +
                        $"{import.Again.TotalSeconds:0.0} | {import.Duplicates:N0} | {import.PeakWorkingSetMb:N0} |");
            if (import is not null) Console.WriteLine(imports[^1]);
            var written = a.Notices + a.Lines + a.Charges;
            rows.Add($"| {engine} | {scale} | {b.TaxpayerCount:N0} | {b.PlotCount + b.BuildingCount + b.VehicleCount:N0} | {a.Notices:N0} / {a.Lines:N0} / {a.Charges:N0} | " +
                     $"{a.Elapsed.TotalSeconds:0.0} | {floor.TotalSeconds:0.0} | {a.Elapsed / floor:0.00} | {written / a.Elapsed.TotalSeconds:N0} | {a.PeakWorkingSetMb:N0} | " +
                     $"{rerun.Elapsed.TotalSeconds:0.0} |");
            Console.WriteLine(rows[^1]);
            await b.CleanupAsync();
        }
    Console.WriteLine();
    Console.WriteLine("| Engine | Scale | Taxpayers | Objects | Notices / lines / charges written | Assessment s | Floor s | Ratio | Rows/s | Peak working set MB | Re-run (unchanged) s |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var row in rows) Console.WriteLine(row);
    Console.WriteLine();
    Console.WriteLine("| Import engine | Scale | Statement lines | Import s | Lines/s | Booked | Re-import s | Duplicates | Peak working set MB |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var row in imports) Console.WriteLine(row);
    return;
}

if (args.Contains("--portal"))
{
    // Issue 5: the public portal under wrk on a loopback port, next to a static file from the same Kestrel.
    var seconds = IntOption("--seconds", 10);
    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";
    foreach (var engine in BenchHost.Engines())
    {
        var b = new PortalBench { Engine = engine };
        await b.SetupAsync();
        foreach (var line in b.Lines) Console.WriteLine(line);
        var (national, municipality) = await b.ColdAsync();
        Console.WriteLine($"Uncached: national aggregates {national:0.0} ms, one municipality's page data {municipality:0.0} ms (best of 5)");
        var before = (await PortalBench.RunAsync("uptime", "")).Trim();
        var results = await b.RunWrkAsync(seconds);
        var after = (await PortalBench.RunAsync("uptime", "")).Trim();
        Console.WriteLine();
        Console.WriteLine($"wrk -t2 -c64 -d{seconds}s --latency, {Environment.ProcessorCount} cores; load before: {before}; after: {after}");
        Console.WriteLine();
        Console.WriteLine("| Engine | Target | Path | Requests/s | vs static | p50 ms | p99 ms | Requests | Errors | Body bytes |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var baseline = results[0].RequestsPerSecond;
        foreach (var r in results)
            Console.WriteLine($"| {engine} | {r.Name} | `{r.Path}` | {r.RequestsPerSecond:N0} | {r.RequestsPerSecond / baseline:0.00} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Requests:N0} | {r.Errors} | {r.Bytes:N0} |");
        await b.CleanupAsync();
    }
    _ = load;
    return;
}

if (args.Contains("--council-plans"))
{
    using var capture = new CommandCapture();
    foreach (var engine in BenchHost.Engines())
    {
        var b = new CouncilBench { Engine = engine };
        await b.SetupAsync();
        await using var scope = b.Host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OpenBams.Platform.Tenancy.TenantAccessor>().Use(OpenBams.Platform.Tenancy.TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Console.WriteLine($"## {engine}");
        Console.WriteLine();
        foreach (var line in b.DatasetLines) Console.WriteLine(line);
        foreach (var scenario in b.Scenarios())
        {
            await scenario.Run(); // warm: the commands below are the steady-state ones
            capture.Commands.Clear();
            var last = await scenario.Run();
            var commands = capture.Commands.ToList();
            Console.WriteLine();
            Console.WriteLine($"### {scenario.Name}: {scenario.Describe(last)}, {commands.Count} SQL commands");
            foreach (var (sql, parameters) in commands)
            {
                Console.WriteLine();
                Console.WriteLine("```sql");
                Console.WriteLine(sql);
                // Long IN lists (EF pads them with repeated values) on one line.
                if (parameters.Count > 6) Console.WriteLine("-- " + string.Join(", ", parameters.Select(p => $"{p.Name} = {Show(p.Value)}")));
                else foreach (var (pn, pv) in parameters) Console.WriteLine($"-- {pn} = {Show(pv)}");
                Console.WriteLine("```");
                Console.WriteLine("```");
                foreach (var line in await ExplainAsync(db, engine, sql, parameters)) Console.WriteLine(line);
                Console.WriteLine("```");
            }
        }
        Console.WriteLine();
        await b.CleanupAsync();
    }
    return;
}

if (args.Contains("--plans"))
{
    using var capture = new CommandCapture();
    foreach (var engine in RegisterSearchBenchmarks.Engines())
    {
        var b = new RegisterSearchBenchmarks { Engine = engine };
        await b.SetupAsync();
        Console.WriteLine($"## {engine}");
        foreach (var (name, run, unit) in Scenarios(b).Where(s => s.Unit == "rows"))
        {
            capture.Commands.Clear();
            var hits = await run();
            Console.WriteLine();
            Console.WriteLine($"### {name}: {hits} rows match");
            foreach (var (sql, parameters) in capture.Commands.ToList())
            {
                Console.WriteLine();
                Console.WriteLine("```sql");
                Console.WriteLine(sql);
                foreach (var (pn, pv) in parameters) Console.WriteLine($"-- {pn} = {pv}");
                Console.WriteLine("```");
                Console.WriteLine("```");
                foreach (var line in await ExplainAsync(b.Db, engine, sql, parameters)) Console.WriteLine(line);
                Console.WriteLine("```");
            }
        }
        capture.Commands.Clear();
        var body = await b.HttpGetAsync();
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Console.WriteLine();
        Console.WriteLine($"### HTTP GET {RegisterSearchBenchmarks.HttpPath}: {json.RootElement.GetProperty("total").GetInt32()} rows match, " +
                          $"{body.Length} characters of JSON, {capture.Commands.Count} SQL commands, shaped like the searches above");
        Console.WriteLine();
        await b.CleanupAsync();
    }
    return;
}

BenchmarkRunner.Run<RegisterSearchBenchmarks>(args: args);
return;

// Each scenario returns what it found: the total of matching rows, or a size that keeps the work observable.
static (string Name, Func<Task<int>> Run, string Unit)[] Scenarios(RegisterSearchBenchmarks b) =>
[
    ($"q={RegisterSearchBenchmarks.FewHits.Q}", b.SearchFewHits, "rows"),
    ($"q={RegisterSearchBenchmarks.ManyHits.Q}", b.SearchManyHits, "rows"),
    ("no query, page 20", b.PageTwenty, "rows"),
    ($"region ({RegisterSearchBenchmarks.FilterRegion}) + kind Village", b.RegionAndKind, "rows"),
    ($"SpellingFold.Fold x {RegisterSearchBenchmarks.OfficialListSize} names", () => Task.FromResult(b.FoldAllNames()), "chars"),
    ($"HTTP GET {RegisterSearchBenchmarks.HttpPath}", b.HttpSearch, "bytes"),
];

// Nearest-rank percentile of sorted values.
static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

// Warm-up runs, then the measured runs one after another; the times in milliseconds, sorted.
static async Task<double[]> TimeAsync(Func<Task> run, int warmup, int runs)
{
    for (var i = 0; i < warmup; i++) await run();
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await run();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
    Array.Sort(times);
    return times;
}

// "mean | p50 | p95 | min" of sorted times.
static string Stats(double[] sorted) =>
    $"{sorted.Average():0.000} | {Percentile(sorted, 0.50):0.000} | {Percentile(sorted, 0.95):0.000} | {sorted[0]:0.000}";

static string Show(object? value) => value switch
{
    null or DBNull => "NULL",
    string text => text.Length > 80 ? text[..80] + "…" : text,
    System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
    DateTime d => d.ToString("O"),
    _ => value.ToString() ?? "",
};

List<double> DoubleOptions(string name)
{
    var list = new List<double>();
    for (var i = 0; i + 1 < args.Length; i++)
        if (args[i] == name && double.TryParse(args[i + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0)
            list.Add(v);
    return list;
}

int IntOption(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
}

static async Task<List<string>> ExplainAsync(AppDb db, string engine, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
{
    var connection = db.Database.GetDbConnection();
    await db.Database.OpenConnectionAsync();
    try
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = (engine == "PostgreSQL" ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(engine == "PostgreSQL" ? reader.GetString(0) : $"{reader.GetInt32(0),3} {reader.GetInt32(1),3}  {reader.GetString(3)}");
        return lines;
    }
    finally { await db.Database.CloseConnectionAsync(); }
}

/// <summary>Records the commands EF Core executes (its DiagnosticSource events), to explain them afterwards.</summary>
internal sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = [];

    public CommandCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData d) return;
        var ps = d.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (Commands) Commands.Add((d.Command.CommandText, ps));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
