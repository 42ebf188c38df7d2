using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;
using OpenBams.Taxes;

namespace OpenBams.Bench;

/// <summary>
/// The taxes module at national scale (issue 4's benchmark): a generator of a synthetic national register — 1600
/// municipalities, 2 million taxpayers and 3 million taxable objects at scale 1 — then the national assessment through
/// <see cref="AssessmentEngine.RunAsync"/> exactly as the background job runs it, next to the floor: the time the engine's
/// fastest path (COPY on PostgreSQL, a prepared INSERT in one transaction on SQLite) takes to write the same number of
/// notice, line and charge rows, into tables of the same shape and indexes.
/// </summary>
public sealed class TaxesBench
{
    public const int Municipalities = 1600;
    public const int TaxpayersAtScale1 = 2_000_000;

    public required string Engine { get; init; }
    public required double Scale { get; init; }
    public BenchHost Host { get; private set; } = null!;
    public List<string> Lines { get; } = [];

    public int TaxpayerCount { get; private set; }
    public int PlotCount { get; private set; }
    public int BuildingCount { get; private set; }
    public int VehicleCount { get; private set; }
    public int HoldingCount { get; private set; }
    public int Year => 2026;

    private AppDb NewDb(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.SuppressAudit = true;
        return db;
    }

    public async Task SetupAsync()
    {
        Host = await BenchHost.StartAsync(Engine);
        var sw = Stopwatch.StartNew();
        await GenerateAsync();
        Lines.Add($"Dataset ({Engine}, scale {Scale}): {Municipalities} municipalities, {TaxpayerCount:N0} taxpayers, {PlotCount:N0} plots, {BuildingCount:N0} buildings, " +
                  $"{VehicleCount:N0} vehicles ({PlotCount + BuildingCount + VehicleCount:N0} objects), {HoldingCount:N0} holdings; generated in {sw.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Writes the synthetic register with the bulk path, municipality by municipality. Sizes follow a Zipf-like curve
    /// (rank^-0.8), so the largest municipality has about 120 000 taxpayers at scale 1 — a city tax office — and most have a
    /// few hundred, as villages do. Every taxpayer holds a plot (10% of plots have a co-owner with a half share); half hold a
    /// house on it; one in ten a vehicle; one in twenty is a Tax Code 102.2 person (LML 18.9).
    /// </summary>
    private async Task GenerateAsync()
    {
        using var scope = Host.App.Services.CreateScope();
        var db = NewDb(scope);
        var ids = await db.Municipalities.Where(m => m.Status == Registry.MunicipalityStatus.Active).OrderBy(m => m.Id).Select(m => m.Id).Take(Municipalities).ToListAsync();
        var weights = ids.Select((_, i) => Math.Pow(i + 1, -0.8)).ToArray();
        var sum = weights.Sum();
        var total = (int)(TaxpayersAtScale1 * Scale);
        var rnd = new Random(2026);
        int tp = 0, pl = 0, bu = 0, ve = 0, ho = 0;
        var now = DateTime.UtcNow;
        var jan = new DateOnly(Year, 1, 1);
        // Municipalities in a shuffled order of size, so big and small ones are spread over the id range.
        var order = ids.Select((id, i) => (id, w: weights[i])).OrderBy(_ => rnd.Next()).ToList();
        var taxpayerTable = new BulkTable("Taxpayers", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("Kind", BulkType.Int), ("PersonalId", BulkType.Text),
            ("Name", BulkType.Text), ("Address", BulkType.Text), ("IsResident", BulkType.Bool), ("MunicipallyOwned", BulkType.Bool), ("Relief102_2", BulkType.Bool),
            ("RegisteredOn", BulkType.Date), ("SearchKey", BulkType.Text), ("Version", BulkType.Long));
        var plotTable = new BulkTable("LandPlots", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("Address", BulkType.Text), ("AreaSqm", BulkType.Decimal),
            ("Category", BulkType.Int), ("ScorePoints", BulkType.Decimal), ("Exemption", BulkType.Int), ("ApportionByBuildingArea", BulkType.Bool), ("SearchKey", BulkType.Text),
            ("Version", BulkType.Long));
        var buildingTable = new BulkTable("Buildings", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("PlotId", BulkType.Int), ("Address", BulkType.Text),
            ("AreaSqm", BulkType.Decimal), ("Value", BulkType.Decimal), ("ValuationSource", BulkType.Int), ("SearchKey", BulkType.Text), ("Version", BulkType.Long));
        var vehicleTable = new BulkTable("Vehicles", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("Kind", BulkType.Int), ("RegistrationNumber", BulkType.Text),
            ("EngineCc", BulkType.Int), ("SearchKey", BulkType.Text), ("Version", BulkType.Long));
        var holdingTable = new BulkTable("ObjectHoldings", ("MunicipalityId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("ObjectKind", BulkType.Int), ("ObjectId", BulkType.Int),
            ("Right", BulkType.Int), ("ShareNumerator", BulkType.Int), ("ShareDenominator", BulkType.Int), ("From", BulkType.Date), ("RegisteredOn", BulkType.Date), ("Version", BulkType.Long));
        var rateTable = new BulkTable("TaxRates", ("MunicipalityId", BulkType.Int), ("RateClass", BulkType.Text), ("Rate", BulkType.Decimal), ("Abolished", BulkType.Bool),
            ("ValidFrom", BulkType.Date), ("DecisionId", BulkType.Int), ("DecisionCode", BulkType.Text), ("RecordedAt", BulkType.TimestampUtc));
        foreach (var (m, w) in order)
        {
            var n = Math.Max(20, (int)(total * w / sum));
            var taxpayers = new List<object?[]>(n);
            var plots = new List<object?[]>(n + n / 10);
            var buildings = new List<object?[]>(n / 2 + 1);
            var vehicles = new List<object?[]>(n / 10 + 1);
            var holdings = new List<object?[]>(n * 2);
            var since = new DateOnly(2005 + rnd.Next(15), 1 + rnd.Next(12), 1);
            for (var i = 0; i < n; i++)
            {
                var t = ++tp;
                taxpayers.Add([t, m, (int)TaxpayerKind.NaturalPerson, Fin(t), $"Vergi ödəyicisi {t}", $"Küçə {rnd.Next(200)}, ev {rnd.Next(300)}", true, false, rnd.Next(20) == 0,
                    since, $"vergi odeyicisi {t}", 0L]);
                var p = ++pl;
                var roll = rnd.Next(100);
                var category = roll < 15 ? LandCategory.Agricultural : roll < 20 ? LandCategory.NonResidential : LandCategory.Residential;
                var area = category == LandCategory.Agricultural ? 5_000 + rnd.Next(45_000) : 300 + rnd.Next(1_200);
                plots.Add([p, m, $"Sahə {p}", (decimal)area, (int)category, category == LandCategory.Agricultural ? (decimal)(20 + rnd.Next(60)) : null, 0, false, $"sahe {p}", 0L]);
                var coOwned = i > 0 && rnd.Next(10) == 0;
                holdings.Add([m, t, (int)ObjectKind.LandPlot, p, 0, 1, coOwned ? 2 : 1, since, since, 0L]);
                if (coOwned) holdings.Add([m, t - 1, (int)ObjectKind.LandPlot, p, 0, 1, 2, since, since, 0L]);
                if (rnd.Next(2) == 0)
                {
                    var b = ++bu;
                    buildings.Add([b, m, p, $"Sahə {p}, ev", (decimal)(60 + rnd.Next(200)), (decimal)(15_000 + rnd.Next(120_000)), 0, $"ev {b}", 0L]);
                    holdings.Add([m, t, (int)ObjectKind.Building, b, 0, 1, 1, since, since, 0L]);
                }
                if (rnd.Next(10) == 0)
                {
                    var v = ++ve;
                    vehicles.Add([v, m, rnd.Next(4) == 0 ? (int)VehicleKind.WaterTransport : (int)VehicleKind.Automobile, $"{10 + rnd.Next(89)}-XX-{v % 1000:D3}",
                        1000 + rnd.Next(3000), $"v {v}", 0L]);
                    holdings.Add([m, t, (int)ObjectKind.Vehicle, v, 0, 1, 1, since, since, 0L]);
                }
            }
            object?[] Rate(string cls, decimal rate) => [m, cls, rate, false, jan, 0, $"1/{Year - 1}", now];
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkWriter.WriteAsync(db, rateTable,
            [
                Rate(RateClasses.Agricultural, 0.06m), Rate(RateClasses.Residential("villages"), 0.1m), Rate(RateClasses.NonResidential("villages"), 1m),
                Rate(RateClasses.Building, 0.1m), Rate(RateClasses.Vehicle(VehicleKind.WaterTransport), 0.02m), Rate(RateClasses.Vehicle(VehicleKind.Automobile), 0.01m),
            ]);
            await BulkWriter.WriteAsync(db, taxpayerTable, taxpayers);
            await BulkWriter.WriteAsync(db, plotTable, plots);
            await BulkWriter.WriteAsync(db, buildingTable, buildings);
            await BulkWriter.WriteAsync(db, vehicleTable, vehicles);
            await BulkWriter.WriteAsync(db, holdingTable, holdings);
            await tx.CommitAsync();
            ho += holdings.Count;
        }
        (TaxpayerCount, PlotCount, BuildingCount, VehicleCount, HoldingCount) = (tp, pl, bu, ve, ho);
        if (BulkWriter.IsPostgres(db))
        {
            foreach (var t in new[] { "Taxpayers", "LandPlots", "Buildings", "Vehicles" })
                await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{t}\"))");
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        else await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static string Fin(int n)
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var c = new char[7];
        for (var i = 6; i >= 0; i--) { c[i] = chars[n % chars.Length]; n /= chars.Length; }
        return new string(c);
    }

    public sealed record AssessmentResult(TimeSpan Elapsed, long Notices, long Lines, long Charges, long PeakWorkingSetMb, long ManagedAfterMb);

    /// <summary>The national assessment, as the job runs it (the run is claimed first, so the host's own runner leaves it alone).</summary>
    public async Task<AssessmentResult> AssessNationallyAsync()
    {
        int runId;
        using (var scope = Host.App.Services.CreateScope())
        {
            var db = NewDb(scope);
            var run = new AssessmentRun { Year = Year, Status = JobStatus.Running, RequestedAt = DateTime.UtcNow, RequestedBy = "bench", StartedAt = DateTime.UtcNow,
                LeaseUntil = DateTime.UtcNow.AddDays(1), MunicipalitiesTotal = Municipalities };
            db.AssessmentRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }
        GC.Collect();
        var process = Process.GetCurrentProcess();
        long peak = 0;
        using var sampler = new Timer(_ => { process.Refresh(); peak = Math.Max(peak, process.WorkingSet64); }, null, 0, 200);
        var sw = Stopwatch.StartNew();
        await AssessmentEngine.RunAsync(Host.App.Services, runId, TimeProvider.System, CancellationToken.None);
        sw.Stop();
        using (var scope = Host.App.Services.CreateScope())
        {
            var db = NewDb(scope);
            var notices = await db.PaymentNotices.LongCountAsync();
            var lines = await db.AssessmentLines.LongCountAsync();
            var charges = await db.TaxCharges.LongCountAsync();
            return new AssessmentResult(sw.Elapsed, notices, lines, charges, peak / 1_048_576, GC.GetTotalMemory(true) / 1_048_576);
        }
    }

    /// <summary>
    /// The floor: the same numbers of notice, line and charge rows, of the same widths, written with the bulk path into
    /// empty tables created like the real ones (same columns and indexes), in one transaction per table.
    /// </summary>
    public async Task<TimeSpan> FloorAsync(long notices, long lines, long charges)
    {
        using var scope = Host.App.Services.CreateScope();
        var db = NewDb(scope);
        var pg = BulkWriter.IsPostgres(db);
        foreach (var t in new[] { "PaymentNotices", "AssessmentLines", "TaxCharges" })
        {
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS \"Floor{t}\"");
            if (pg) await db.Database.ExecuteSqlRawAsync($"CREATE TABLE \"Floor{t}\" (LIKE \"{t}\" INCLUDING ALL)");
            else await CloneSqliteTableAsync(db, t, "Floor" + t);
        }
        var noticeCols = new BulkTable("FloorPaymentNotices", ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("Year", BulkType.Int),
            ("Number", BulkType.Int), ("Revision", BulkType.Int), ("IsCurrent", BulkType.Bool), ("Reference", BulkType.Text), ("LandQepik", BulkType.Long),
            ("PropertyQepik", BulkType.Long), ("TotalQepik", BulkType.Long), ("FirstQepik", BulkType.Long), ("SecondQepik", BulkType.Long), ("FirstDueOn", BulkType.Date),
            ("SecondDueOn", BulkType.Date), ("ChangeQepik", BulkType.Long), ("IssuedOn", BulkType.Date), ("RunId", BulkType.Int), ("Fingerprint", BulkType.Text),
            ("VerificationCode", BulkType.Text));
        var lineCols = new BulkTable("FloorAssessmentLines", ("MunicipalityId", BulkType.Int), ("NoticeId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("Tax", BulkType.Int),
            ("ObjectKind", BulkType.Int), ("ObjectId", BulkType.Int), ("ObjectLabel", BulkType.Text), ("RateClass", BulkType.Text), ("BaseValue", BulkType.Decimal),
            ("Unit", BulkType.Int), ("Rate", BulkType.Decimal), ("Decision", BulkType.Text), ("Weight", BulkType.Decimal), ("WeightText", BulkType.Text),
            ("Months", BulkType.Int), ("GrossQepik", BulkType.Long), ("ReliefQepik", BulkType.Long), ("NetQepik", BulkType.Long), ("Citation", BulkType.Text),
            ("Outcome", BulkType.Int));
        var chargeCols = Ledger.ChargeTable with { Name = "FloorTaxCharges" };
        var due1 = TaxCalendar.FirstInstalment(Year);
        var due2 = TaxCalendar.SecondInstalment(Year);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        IEnumerable<object?[]> NoticeRows()
        {
            for (var i = 1; i <= notices; i++)
                yield return [i, 1 + i % Municipalities, i, Year, i, 0, true, PaymentReference.Create(Year, 1 + i % Municipalities, i).Value, 1234L, 5678L, 6912L, 3456L, 3456L,
                    due1, due2, 0L, today, 1, "0123456789abcdef", AssessmentEngine.NewCode(i)];
        }
        IEnumerable<object?[]> LineRows()
        {
            for (var i = 1; i <= lines; i++)
                yield return [1 + i % Municipalities, (int)(1 + i % notices), (int)(1 + i % notices), 1, 0, i, $"№ {i}, Sahə {i}", "land.residential.villages", 6.5m, 1,
                    0.1m, $"1/{Year - 1}", 1m, "1/1", 12, 65L, 0L, 65L, "LML 18.7", 0];
        }
        IEnumerable<object?[]> ChargeRows()
        {
            for (var i = 1; i <= charges; i++)
                yield return [1 + i % Municipalities, (int)(1 + i % notices), 1, Year, 0, 1 + i % 2, i % 2 == 0 ? due1 : due2, 3456L, 0, (int)(1 + i % notices), null, now, null];
        }
        var sw = Stopwatch.StartNew();
        foreach (var (table, rows) in new[] { (noticeCols, NoticeRows()), (lineCols, LineRows()), (chargeCols, ChargeRows()) })
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkWriter.WriteAsync(db, table, rows);
            await tx.CommitAsync();
        }
        sw.Stop();
        foreach (var t in new[] { "PaymentNotices", "AssessmentLines", "TaxCharges" })
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"Floor{t}\"");
        return sw.Elapsed;
    }

    private static async Task CloneSqliteTableAsync(AppDb db, string table, string clone)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var ddl = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = $t AND sql IS NOT NULL ORDER BY type DESC";
            var p = cmd.CreateParameter();
            p.ParameterName = "$t";
            p.Value = table;
            cmd.Parameters.Add(p);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) ddl.Add(r.GetString(0));
        }
        foreach (var sql in ddl)
            await db.Database.ExecuteSqlRawAsync(sql.Replace($"\"{table}\"", $"\"{clone}\"").Replace($"\"IX_{table}_", $"\"IX_{clone}_").Replace($"\"PK_{table}\"", $"\"PK_{clone}\""));
    }

    public async Task CleanupAsync() => await Host.DisposeAsync();
}
