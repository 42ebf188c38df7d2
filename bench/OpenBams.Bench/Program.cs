using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OpenBams.Bench;

if (args.Contains("--quick"))
{
    // A plain stopwatch loop: a sanity check that needs no BenchmarkDotNet run.
    var b = new RegisterSearchBenchmarks();
    await b.SetupAsync();
    var scenarios = new (string Name, Func<Task> Run)[]
    {
        ("search Bilecari (1 hit)", b.SearchFewHits), ("search li (many hits)", b.SearchManyHits),
        ("no query, page 20", b.PageTwenty), ("region + kind", b.RegionAndKind),
        ("fold all names", () => Task.FromResult(b.FoldAllNames())), ("HTTP ?q=Sheki", b.HttpSearch),
    };
    Console.WriteLine("| scenario | mean ms | p50 ms | p95 ms |\n|---|---:|---:|---:|");
    foreach (var (name, run) in scenarios)
    {
        for (var i = 0; i < 20; i++) await run();
        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"| {name} | {times.Average():0.000} | {times[times.Count / 2]:0.000} | {times[(int)(times.Count * 0.95)]:0.000} |");
    }
    b.Cleanup();
    return;
}

var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddExporter(MarkdownExporter.GitHub)
    .WithArtifactsPath(Path.Combine(args.FirstOrDefault(a => !a.StartsWith('-')) ?? "bench/results", "BenchmarkDotNet"));
BenchmarkRunner.Run<RegisterSearchBenchmarks>(config);
