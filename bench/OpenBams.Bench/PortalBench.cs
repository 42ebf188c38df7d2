using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Bench;

/// <summary>
/// Issue 5's benchmark: a synthetic national budget year — 1600 municipalities with an approved budget each (20 lines),
/// 100 expenditures each and a year of tax revenue days — written with the bulk path; then the app on Kestrel on a loopback
/// port, driven by wrk (Debian package) at 64 connections: the national portal page, a municipality's page and the open-data
/// JSON API, next to Kestrel serving a static file (wwwroot) in the same run.
/// </summary>
public sealed class PortalBench
{
    public const int Municipalities = 1600;
    public const int LinesPerBudget = 20;
    public const int ExpendituresPerBudget = 100;
    public const int Year = 2026;

    public required string Engine { get; init; }
    public BenchHost Host { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public List<string> Lines { get; } = [];
    public int SampleMunicipality { get; private set; }

    public async Task SetupAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Host = await BenchHost.StartAsync(Engine, BaseUrl);
        var sw = Stopwatch.StartNew();
        var (budgets, lines, expenditures, days) = await GenerateAsync();
        Lines.Add($"Dataset ({Engine}): {budgets:N0} approved budgets, {lines:N0} lines, {expenditures:N0} expenditures, {days:N0} tax revenue days; generated in {sw.Elapsed.TotalSeconds:0.0} s");
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task<(int, int, int, int)> GenerateAsync()
    {
        using var scope = Host.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.SuppressAudit = true;
        var ids = await db.Municipalities.Where(m => m.Status == Registry.MunicipalityStatus.Active).OrderBy(m => m.Id).Select(m => m.Id).Take(Municipalities).ToListAsync();
        SampleMunicipality = ids[ids.Count / 2];
        var rnd = new Random(2026);
        var now = DateTime.UtcNow;
        var budgets = new BulkTable("Budgets", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("Year", BulkType.Int), ("Status", BulkType.Int),
            ("DotationPlanned", BulkType.Bool), ("SubmittedOn", BulkType.Date), ("PublishedOn", BulkType.Date), ("ApprovedOn", BulkType.Date),
            ("OpeningBalanceQepik", BulkType.Long), ("CreatedAt", BulkType.TimestampUtc), ("CreatedBy", BulkType.Text), ("Version", BulkType.Long));
        var lines = new BulkTable("BudgetLines", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("BudgetId", BulkType.Int), ("Side", BulkType.Int),
            ("Code", BulkType.Text), ("RevenueClass", BulkType.Int), ("Area", BulkType.Int), ("Name", BulkType.Text), ("Funding", BulkType.Int), ("Protected", BulkType.Bool),
            ("PlannedQepik", BulkType.Long), ("AmendmentsQepik", BulkType.Long), ("ReallocatedInQepik", BulkType.Long), ("ReallocatedOutQepik", BulkType.Long), ("Version", BulkType.Long));
        var spending = new BulkTable("Expenditures", ("Id", BulkType.Long), ("MunicipalityId", BulkType.Int), ("BudgetId", BulkType.Int), ("LineId", BulkType.Int),
            ("Kind", BulkType.Int), ("AmountQepik", BulkType.Long), ("On", BulkType.Date), ("Payee", BulkType.Text), ("PayeeTaxId", BulkType.Text),
            ("PayeeIsNaturalPerson", BulkType.Bool), ("Purpose", BulkType.Text), ("Document", BulkType.Text), ("Status", BulkType.Int), ("CreatedAt", BulkType.TimestampUtc),
            ("CreatedBy", BulkType.Text), ("Version", BulkType.Long));
        var days = new BulkTable("TaxRevenueDays", ("MunicipalityId", BulkType.Int), ("On", BulkType.Date), ("RevenueClass", BulkType.Int), ("AmountQepik", BulkType.Long),
            ("Payments", BulkType.Int));
        var revenueClasses = new[] { RevenueClass.LandTax, RevenueClass.PropertyTax };
        var areas = BudgetClassification.Expenditure.Select(a => a.Area).ToArray();
        var budgetRows = new List<object?[]>();
        var lineRows = new List<object?[]>();
        var spendRows = new List<object?[]>();
        var dayRows = new List<object?[]>();
        int lineId = 0;
        long expenditureId = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var m = ids[i];
            var budgetId = i + 1;
            budgetRows.Add([budgetId, m, Year, (int)BudgetStatus.Approved, false, new DateOnly(Year - 1, 10, 10), new DateOnly(Year - 1, 10, 15), new DateOnly(Year - 1, 12, 18),
                0L, now, "bench", 0L]);
            var expenditureLines = new List<int>();
            for (var l = 0; l < LinesPerBudget; l++)
            {
                var id = ++lineId;
                var revenue = l < 4;
                var planned = 1_000_000L + rnd.Next(50_000_000);
                if (revenue)
                {
                    var rc = l < 2 ? revenueClasses[l] : l == 2 ? RevenueClass.GrantsAndAid : RevenueClass.Lease;
                    lineRows.Add([id, m, budgetId, (int)BudgetSide.Revenue, BudgetClassification.Info(rc).Code, (int)rc, null, BudgetClassification.Info(rc).NameAz, 0, false, planned, 0L, 0L, 0L, 0L]);
                }
                else
                {
                    var area = areas[l % areas.Length];
                    lineRows.Add([id, m, budgetId, (int)BudgetSide.Expenditure, $"{BudgetClassification.Info(area).Code}/{l:D2}", null, (int)area, $"Sətir {l}", 0, false, planned, 0L, 0L, 0L, 0L]);
                    expenditureLines.Add(id);
                }
            }
            for (var e = 0; e < ExpendituresPerBudget; e++)
            {
                var person = rnd.Next(10) == 0;
                spendRows.Add([++expenditureId, m, budgetId, expenditureLines[e % expenditureLines.Count], (int)ExpenditureKind.DirectPayment, 1_000L + rnd.Next(2_000_000),
                    new DateOnly(Year, 1 + rnd.Next(11), 1 + rnd.Next(28)), person ? $"Şəxs {expenditureId}" : $"Təchizatçı {rnd.Next(500)} MMC", person ? null : $"{1_000_000_000 + rnd.Next(999_999_999)}",
                    person, $"Xərc təyinatı {expenditureId}", $"qaimə {expenditureId}", 0, now, "bench", 0L]);
            }
            for (var d = new DateOnly(Year, 1, 1); d <= new DateOnly(Year, 11, 30); d = d.AddDays(1))
            {
                if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                dayRows.Add([m, d, (int)RevenueClass.LandTax, 1_000L + rnd.Next(100_000), 1 + rnd.Next(20)]);
                if (d.Day <= 7) dayRows.Add([m, d, (int)RevenueClass.PropertyTax, 1_000L + rnd.Next(100_000), 1 + rnd.Next(20)]);
            }
        }
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkWriter.WriteAsync(db, budgets, budgetRows);
            await BulkWriter.WriteAsync(db, lines, lineRows);
            await BulkWriter.WriteAsync(db, spending, spendRows);
            await BulkWriter.WriteAsync(db, days, dayRows);
            await tx.CommitAsync();
        }
        if (BulkWriter.IsPostgres(db))
            foreach (var t in new[] { "Budgets", "BudgetLines", "Expenditures" })
                await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{t}\"))");
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (budgetRows.Count, lineRows.Count, spendRows.Count, dayRows.Count);
    }

    /// <summary>The national aggregates computed without the cache (what every 30 s costs one request), best of a few runs.</summary>
    public async Task<(double NationalMs, double MunicipalityMs)> ColdAsync(int runs = 5)
    {
        double national = double.MaxValue, municipality = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            using var scope = Host.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            using var cache = new MemoryCache(new MemoryCacheOptions());
            var sw = Stopwatch.StartNew();
            await PortalQueries.NationalAsync(db, cache, Year, CancellationToken.None);
            national = Math.Min(national, sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            await PortalQueries.MunicipalityAsync(db, cache, SampleMunicipality, Year, new DateOnly(Year, 12, 3), CancellationToken.None);
            await PortalQueries.ExpendituresAsync(db, SampleMunicipality, Year, null, 1, PortalQueries.PageSize, "az", CancellationToken.None);
            municipality = Math.Min(municipality, sw.Elapsed.TotalMilliseconds);
        }
        return (national, municipality);
    }

    public (string Name, string Path)[] Targets() =>
    [
        ("static file (wwwroot /css/site.css)", "/css/site.css"),
        ("national portal page", $"/Portal?year={Year}"),
        ("municipality page", $"/Portal/{SampleMunicipality}/{Year}"),
        ("open-data JSON API (municipality)", $"/api/v1/portal/municipalities/{SampleMunicipality}/{Year}"),
        ("open-data JSON API (national)", $"/api/v1/portal/{Year}"),
        ("expenditures JSON, search", $"/api/v1/portal/municipalities/{SampleMunicipality}/{Year}/expenditures?q=x%C9%99rc"),
        ("static file again (load drift)", "/css/site.css"),
    ];

    public sealed record WrkResult(string Name, string Path, double RequestsPerSecond, double P99Ms, double P50Ms, long Requests, int Errors, long Bytes);

    /// <summary>wrk -t2 -c64 -d{seconds}s --latency against each target, after a warm-up request (status must be 200) and a 2 s warm-up run.</summary>
    public async Task<List<WrkResult>> RunWrkAsync(int seconds, int connections = 64, int threads = 2)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var results = new List<WrkResult>();
        foreach (var (name, path) in Targets())
        {
            var warm = await http.GetAsync(path);
            if (!warm.IsSuccessStatusCode) throw new InvalidOperationException($"{path} → {(int)warm.StatusCode}");
            await RunAsync("wrk", $"-t{threads} -c{connections} -d2s {BaseUrl}{path}"); // warm-up: JIT, pools, caches
            var output = await RunAsync("wrk", $"-t{threads} -c{connections} -d{seconds}s --latency {BaseUrl}{path}");
            results.Add(new WrkResult(name, path, Number(output, @"Requests/sec:\s+([\d.]+)"), Latency(output, "99%"), Latency(output, "50%"),
                (long)Number(output, @"(\d+) requests in"), (int)Number(output, @"Non-2xx or 3xx responses:\s+(\d+)") + (int)Number(output, @"Socket errors:.*?timeout (\d+)"),
                (long)(await warm.Content.ReadAsByteArrayAsync()).Length));
        }
        return results;
    }

    private static double Number(string text, string pattern) =>
        Regex.Match(text, pattern) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>wrk's latency distribution line ("99%   12.34ms") in milliseconds.</summary>
    private static double Latency(string text, string percentile)
    {
        var m = Regex.Match(text, $@"{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\b");
        if (!m.Success) return double.NaN;
        var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
    }

    public static async Task<string> RunAsync(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return output;
    }

    public async Task CleanupAsync() => await Host.DisposeAsync();
}
