using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenBams.Lands;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Data;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Parameters;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>
/// The annual assessment of land and property tax of natural persons (LML 18.11: by 1 July). It reads each municipality's
/// register in chunks of taxpayers, computes every line with the legal kernel (TaxAssessment), and writes notices, lines and
/// instalment charges with the engine's bulk path. Each chunk is one transaction together with the run's cursor: a crash
/// loses nothing and duplicates nothing, and a re-run finds the same result (unchanged) or a different one (a revision with
/// visible adjustment charges).
/// </summary>
public sealed class AssessmentEngine : IJob
{
    public const int ChunkSize = 10_000;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public string Name => "assessment";

    private static readonly BulkTable NoticeTable = new("PaymentNotices",
        ("Id", BulkType.Int), ("MunicipalityId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("Year", BulkType.Int), ("Number", BulkType.Int),
        ("Revision", BulkType.Int), ("IsCurrent", BulkType.Bool), ("Reference", BulkType.Text), ("LandQepik", BulkType.Long), ("PropertyQepik", BulkType.Long),
        ("TotalQepik", BulkType.Long), ("FirstQepik", BulkType.Long), ("SecondQepik", BulkType.Long), ("FirstDueOn", BulkType.Date), ("SecondDueOn", BulkType.Date),
        ("ChangeQepik", BulkType.Long), ("IssuedOn", BulkType.Date), ("RunId", BulkType.Int), ("Fingerprint", BulkType.Text), ("VerificationCode", BulkType.Text),
        ("DeliveredOn", BulkType.Date), ("DeliveryMethod", BulkType.Int), ("DeliveredBy", BulkType.Text), ("SupersededById", BulkType.Int));

    private static readonly BulkTable LineTable = new("AssessmentLines",
        ("MunicipalityId", BulkType.Int), ("NoticeId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("Tax", BulkType.Int), ("ObjectKind", BulkType.Int),
        ("ObjectId", BulkType.Int), ("ObjectLabel", BulkType.Text), ("RateClass", BulkType.Text), ("BaseValue", BulkType.Decimal), ("Unit", BulkType.Int),
        ("Rate", BulkType.Decimal), ("Decision", BulkType.Text), ("Weight", BulkType.Decimal), ("WeightText", BulkType.Text), ("WeightNote", BulkType.Text),
        ("Months", BulkType.Int), ("GrossQepik", BulkType.Long), ("ReliefQepik", BulkType.Long), ("NetQepik", BulkType.Long), ("ReliefNote", BulkType.Text),
        ("Citation", BulkType.Text), ("Outcome", BulkType.Int));

    /// <summary>Queues a run; refused while another run of the same year covers the same municipality.</summary>
    public static async Task<AssessmentRun> QueueAsync(AppDb db, int? municipalityId, int year, string requestedBy, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        if (year < 2006 || year > today.Year + 1)
            throw new Platform.Http.InputError("year", new Platform.Localization.Text(
                $"İl 2006 ilə {today.Year + 1} arasında olmalıdır", $"The year must be from 2006 to {today.Year + 1}"));
        var busy = await db.AssessmentRuns.IgnoreQueryFilters().AnyAsync(r => r.Year == year
            && (r.Status == JobStatus.Queued || r.Status == JobStatus.Running)
            && (municipalityId == null || r.MunicipalityId == null || r.MunicipalityId == municipalityId), ct);
        if (busy)
            throw new Platform.Http.InputError("year", new Platform.Localization.Text(
                $"{year} ili üçün hesablama artıq gedir; bitməsini gözləyin", $"An assessment of {year} is already running; wait for it to finish"),
                StatusCodes.Status409Conflict);
        var run = new AssessmentRun
        {
            MunicipalityId = municipalityId, Year = year, Status = JobStatus.Queued, RequestedAt = Clock.UtcNow(time), RequestedBy = requestedBy,
            MunicipalitiesTotal = municipalityId is null ? await db.Municipalities.CountAsync(m => m.Status == Registry.MunicipalityStatus.Active, ct) : 1,
        };
        db.AssessmentRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    public async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var time = services.GetRequiredService<TimeProvider>();
        int runId;
        using (var scope = services.CreateScope())
        {
            var db = System(scope);
            var now = Clock.UtcNow(time);
            var run = await db.AssessmentRuns.Where(r => r.Status == JobStatus.Queued || (r.Status == JobStatus.Running && r.LeaseUntil < now))
                .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (run is null) return false;
            run.Status = JobStatus.Running;
            run.StartedAt ??= now;
            run.LeaseUntil = now + Lease;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return true; } // another worker took it
            runId = run.Id;
        }
        try
        {
            await RunAsync(services, runId, time, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            using var scope = services.CreateScope();
            var db = System(scope);
            var run = await db.AssessmentRuns.FirstAsync(r => r.Id == runId, ct);
            run.Status = JobStatus.Failed;
            run.Error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            run.FinishedAt = Clock.UtcNow(time);
            await db.SaveChangesAsync(ct);
            services.GetRequiredService<ILogger<AssessmentEngine>>().LogError(e, "Assessment run {Run} failed", runId);
        }
        return true;
    }

    private static AppDb System(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        return scope.ServiceProvider.GetRequiredService<AppDb>();
    }

    /// <summary>
    /// Works through the run's taxpayers in id order from its cursor, <see cref="ChunkSize"/> per transaction, whatever
    /// municipality they belong to: a national run of 1600 mostly small municipalities is a few hundred transactions, not
    /// thousands, and a city's 100 000 taxpayers are twenty.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, int runId, TimeProvider time, CancellationToken ct)
    {
        Dictionary<int, Context> contexts;
        int? only;
        int year;
        using (var scope = services.CreateScope())
        {
            var db = System(scope);
            var run = await db.AssessmentRuns.FirstAsync(r => r.Id == runId, ct);
            year = run.Year;
            only = run.MunicipalityId;
            var scopeIds = only is { } m ? [m]
                : await db.Municipalities.AsNoTracking().Where(x => x.Status == Registry.MunicipalityStatus.Active).Select(x => x.Id).ToListAsync(ct);
            contexts = await Context.LoadAllAsync(db, scopeIds, year, Clock.Today(time), ct);
            if (run.TaxpayersTotal == 0)
            {
                run.TaxpayersTotal = only is { } one ? await db.Taxpayers.CountAsync(t => t.MunicipalityId == one, ct) : await db.Taxpayers.CountAsync(ct);
                run.MunicipalitiesTotal = scopeIds.Count;
                db.SuppressAudit = true;
                await db.SaveChangesAsync(ct);
            }
        }
        // The next chunk is read and computed on its own connection while the current one is written: the database's
        // write path and the kernel's arithmetic overlap instead of taking turns (two cores, half the wall time).
        int after;
        using (var scope = services.CreateScope())
            after = (await System(scope).AssessmentRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct)).CursorTaxpayerId ?? 0;
        var next = PrepareAsync(services, contexts, year, only, after, ct);
        try
        {
            while (true)
            {
                var prepared = await next!; // null only after the last chunk, which breaks out
                var last = prepared.Chunk.Count < ChunkSize;
                next = last ? null : PrepareAsync(services, contexts, year, only, prepared.Chunk[^1].Id, ct);
                while (true)
                {
                    using var scope = services.CreateScope();
                    var db = System(scope);
                    db.SuppressAudit = true; // the run's row changes every chunk; WriteChunkAsync writes the audit summary
                    var run = await db.AssessmentRuns.FirstAsync(r => r.Id == runId, ct);
                    if (run.Status == JobStatus.Cancelled) return;
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    var now = Clock.UtcNow(time);
                    // The run row is written first: on SQLite that takes the write lock before ids are reserved, and a
                    // concurrent cancel shows up here as a version conflict.
                    run.LeaseUntil = now + Lease;
                    try { await db.SaveChangesAsync(ct); }
                    catch (DbUpdateConcurrencyException) { await tx.RollbackAsync(ct); continue; }
                    if (prepared.Chunk.Count > 0)
                    {
                        var result = await WriteChunkAsync(db, contexts, run, prepared, now, ct);
                        run.CursorTaxpayerId = prepared.Chunk[^1].Id;
                        run.TaxpayersDone += prepared.Chunk.Count;
                        run.NoticesCreated += result.Created;
                        run.NoticesRevised += result.Revised;
                        run.NoticesUnchanged += result.Unchanged;
                        run.LinesWritten += result.Lines;
                    }
                    if (last)
                    {
                        run.MunicipalitiesDone = run.MunicipalitiesTotal;
                        run.Status = JobStatus.Completed;
                        run.FinishedAt = now;
                        run.LeaseUntil = null;
                    }
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    break;
                }
                if (last) return;
            }
        }
        finally
        {
            // A cancelled or failed run leaves a prefetch behind: let it finish so its connection is not torn down mid-query.
            if (next is not null) try { await next; } catch { /* the run already reports its own outcome */ }
        }
    }

    private sealed record TaxpayerRow(int Id, int MunicipalityId, TaxpayerKind Kind, bool Relief102_2, int? ReliefPlotId, string? Categories);

    /// <summary>What a municipality's taxpayers share in a run: its rates, reliefs, settlement group and the areas for LML 18.12.</summary>
    public sealed class Context
    {
        public required int MunicipalityId { get; init; }
        public required int Year { get; init; }
        public required DateOnly Today { get; init; }
        public required string SettlementGroup { get; init; }
        public required Dictionary<string, RateInForce> Rates { get; init; }
        public required List<ReliefInForce> Reliefs { get; init; }
        public required Money Reduction102_2 { get; init; }
        /// <summary>LML 18.12: building area on each plot that is shared by building area.</summary>
        public required Dictionary<int, decimal> SharedPlotArea { get; init; }

        public static async Task<Context> LoadAsync(AppDb db, int municipalityId, int year, TimeProvider time, CancellationToken ct) =>
            (await LoadAllAsync(db, [municipalityId], year, Clock.Today(time), ct))[municipalityId];

        /// <summary>The contexts of many municipalities in a handful of queries (not a handful per municipality).</summary>
        public static async Task<Dictionary<int, Context>> LoadAllAsync(AppDb db, IReadOnlyCollection<int> municipalityIds, int year, DateOnly today, CancellationToken ct)
        {
            var jan1 = new DateOnly(year, 1, 1);
            var wanted = municipalityIds.ToHashSet();
            var one = municipalityIds.Count == 1 ? municipalityIds.First() : (int?)null;
            var settings = await db.TaxSettings.AsNoTracking().Where(s => one == null || s.MunicipalityId == one).ToDictionaryAsync(s => s.MunicipalityId, s => s.SettlementGroup, ct);
            var revoked = (await db.CouncilDecisions.AsNoTracking().Where(d => (one == null || d.MunicipalityId == one) && d.Status == Council.DecisionStatus.Revoked)
                .Select(d => d.Id).ToListAsync(ct)).ToHashSet();
            var rates = (await db.TaxRates.AsNoTracking().Where(r => (one == null || r.MunicipalityId == one) && r.ValidFrom <= jan1).ToListAsync(ct))
                .Where(r => !revoked.Contains(r.DecisionId)).ToLookup(r => r.MunicipalityId);
            var reliefs = (await db.TaxReliefs.AsNoTracking().Where(r => (one == null || r.MunicipalityId == one) && r.ValidFrom <= jan1 && (r.ValidTo == null || r.ValidTo >= jan1))
                .ToListAsync(ct)).Where(r => !revoked.Contains(r.DecisionId)).ToLookup(r => r.MunicipalityId);
            var reduction = Money.Manat((await LegalParameters.OnAsync(db, TaxParameters.Relief102_2, jan1, ct))?.Value ?? 0m);
            // LML 18.5 fixes the agricultural rate itself; a council's (reduced, LTP 10.2) rate for the class takes its place.
            var agricultural = (await LegalParameters.OnAsync(db, TaxParameters.AgriculturalPerPoint, jan1, ct))?.Value;
            var sharedPlots = await db.LandPlots.AsNoTracking().Where(p => p.ApportionByBuildingArea && (one == null || p.MunicipalityId == one))
                .Select(p => new { p.Id, p.MunicipalityId }).ToListAsync(ct);
            var sharedIds = sharedPlots.Select(p => p.Id).ToList();
            var areas = new Dictionary<int, decimal>();
            foreach (var ids in sharedIds.Chunk(2000))
            {
                var list = ids.ToList();
                foreach (var g in await db.Buildings.AsNoTracking().Where(b => b.PlotId != null && list.Contains(b.PlotId.Value) && b.RetiredOn == null)
                             .GroupBy(b => b.PlotId!.Value).Select(g => new { Plot = g.Key, Area = g.Sum(b => (double)b.AreaSqm) }).ToListAsync(ct))
                    areas[g.Plot] = (decimal)g.Area;
            }
            var sharedBy = sharedPlots.Where(p => areas.ContainsKey(p.Id)).ToLookup(p => p.MunicipalityId, p => p.Id);
            return wanted.ToDictionary(m => m, m => new Context
            {
                MunicipalityId = m, Year = year, Today = today, SettlementGroup = settings.GetValueOrDefault(m) ?? "villages",
                Rates = rates[m].GroupBy(r => r.RateClass, StringComparer.OrdinalIgnoreCase)
                    .Select(g => g.OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.Id).First()).Where(r => !r.Abolished)
                    .ToDictionary(r => r.RateClass, r => new RateInForce(r.RateClass, r.Rate, r.DecisionCode, r.ValidFrom), StringComparer.OrdinalIgnoreCase)
                    .WithStatutory(agricultural is { } a ? new RateInForce(RateClasses.Agricultural, a, "LML 18.5", jan1) : null),
                Reliefs = reliefs[m].Select(r => new ReliefInForce(r.Id, r.Tax, r.Category, r.Kind, r.Value, r.RateClass, r.DecisionCode)).ToList(),
                Reduction102_2 = reduction,
                SharedPlotArea = sharedBy[m].ToDictionary(id => id, id => areas[id]),
            });
        }
    }

    public sealed record ChunkResult(int Created, int Revised, int Unchanged, int Lines);

    /// <summary>The computed lines of one taxpayer (kernel only, no I/O), for the engine and for previews.</summary>
    public static IReadOnlyList<AssessedLine> LinesFor(Context c, TaxpayerFacts t, IEnumerable<Holding> holdings)
    {
        var lines = holdings.Select(h => TaxAssessment.Line(h, cls => c.Rates.GetValueOrDefault(cls)))
            .Select(l => TaxAssessment.ApplyMunicipalReliefs(l, c.Reliefs, t.Categories)).ToList();
        return TaxAssessment.ApplyStatutoryReduction(lines, t.Relief102_2, t.ReliefPlotId, c.Reduction102_2, t.OwnedPlots);
    }

    public sealed record TaxpayerFacts(int Id, bool Relief102_2, long? ReliefPlotId, IReadOnlySet<string> Categories, IReadOnlyCollection<long> OwnedPlots);

    /// <summary>
    /// The kernel's holdings of one taxpayer for the year, from the stored holdings and objects: months held (LML 18.2),
    /// shares, and for a building on a plot shared by building area its part of the land (LML 18.12). Returns the plots the
    /// taxpayer owns (LML 18.9 applies to owned plots only).
    /// </summary>
    public static (List<Holding> Holdings, List<long> OwnedPlots) KernelHoldings(Context c, IEnumerable<ObjectHolding> mine, IReadOnlyDictionary<int, LandPlot> plots,
        IReadOnlyDictionary<int, Building> buildings, IReadOnlyDictionary<int, Vehicle> vehicles)
    {
        var kernel = new List<Holding>();
        var ownedPlots = new List<long>();
        foreach (var h in mine)
        {
            var months = TaxAssessment.HoldingMonths(c.Year, h.From, h.To);
            if (months == 0) continue;
            var share = $"{h.ShareNumerator}/{h.ShareDenominator}";
            var weight = (decimal)h.ShareNumerator / h.ShareDenominator;
            switch (h.ObjectKind)
            {
                case ObjectKind.LandPlot when plots.TryGetValue(h.ObjectId, out var p) && p.RetiredOn is null:
                    if (c.SharedPlotArea.ContainsKey(p.Id)) break; // taxed through the buildings on it (LML 18.12)
                    kernel.Add(new Holding(Plot(p, c), h.Right, weight, share, months));
                    if (h.Right == HoldingRight.Ownership) ownedPlots.Add(p.Id);
                    break;
                case ObjectKind.Building when buildings.TryGetValue(h.ObjectId, out var b) && b.RetiredOn is null:
                    kernel.Add(new Holding(new BuildingBase(b.Id, BuildingLabel(b), b.Value, b.AreaSqm), h.Right, weight, share, months));
                    if (b.PlotId is { } pid && c.SharedPlotArea.TryGetValue(pid, out var total) && total > 0 && plots.TryGetValue(pid, out var under))
                    {
                        var part = TaxAssessment.BuildingAreaWeight(b.AreaSqm, total) * weight;
                        var area = b.AreaSqm.ToString("0.##", CultureInfo.InvariantCulture);
                        var all = total.ToString("0.##", CultureInfo.InvariantCulture);
                        kernel.Add(new Holding(Plot(under, c), h.Right, part, $"{share}×{area}/{all}", months, $"LML 18.12: {area} / {all} m²"));
                        if (h.Right == HoldingRight.Ownership) ownedPlots.Add(under.Id);
                    }
                    break;
                case ObjectKind.Vehicle when vehicles.TryGetValue(h.ObjectId, out var v) && v.RetiredOn is null:
                    kernel.Add(new Holding(new VehicleBase(v.Id, VehicleLabel(v), v.Kind, v.EngineCc), h.Right, weight, share, months));
                    break;
            }
        }
        return (kernel, ownedPlots);
    }

    /// <summary>One taxpayer's lines for a year as the run would write them, without writing (the preview).</summary>
    public static async Task<IReadOnlyList<AssessedLine>> PreviewAsync(AppDb db, Taxpayer t, int year, TimeProvider time, CancellationToken ct)
    {
        var c = await Context.LoadAsync(db, t.MunicipalityId, year, time, ct);
        var (holdings, plots, buildings, vehicles) = await ReadHoldingsAsync(db, t.MunicipalityId, t.Id, t.Id, year, c, ct);
        var (kernel, owned) = KernelHoldings(c, holdings, plots, buildings, vehicles);
        return LinesFor(c, new TaxpayerFacts(t.Id, t.Relief102_2, t.ReliefPlotId, Categories(t.Categories), owned), kernel);
    }

    private sealed record ExistingNotice(int Id, int Number, int Revision, string Fingerprint, long Total, string Reference, string Code);

    private sealed record Pending(TaxpayerRow Taxpayer, IReadOnlyList<AssessedLine> Lines, string Fingerprint, Money Land, Money Property, ExistingNotice? Old);

    /// <summary>One chunk read and computed, nothing written yet.</summary>
    private sealed record Prepared(List<TaxpayerRow> Chunk, List<Pending> ToWrite, int Unchanged, Dictionary<(int, LocalTax, int), long> Charged);

    /// <summary>Reads the next chunk of taxpayers after <paramref name="after"/> with everything they hold, and computes their lines.</summary>
    private static async Task<Prepared> PrepareAsync(IServiceProvider services, Dictionary<int, Context> contexts, int year, int? only, int after, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = System(scope);
        var source = db.Taxpayers.AsNoTracking().Where(t => t.Id > after);
        if (only is { } one) source = source.Where(t => t.MunicipalityId == one);
        var chunk = await source.OrderBy(t => t.Id).Take(ChunkSize)
            .Select(t => new TaxpayerRow(t.Id, t.MunicipalityId, t.Kind, t.Relief102_2, t.ReliefPlotId, t.Categories)).ToListAsync(ct);
        var taxpayers = chunk.Where(t => contexts.ContainsKey(t.MunicipalityId)).ToList();
        if (taxpayers.Count == 0) return new Prepared(chunk, [], 0, []);
        var first = taxpayers[0].Id;
        var lastId = taxpayers[^1].Id;
        var (holdings, plots, buildings, vehicles) = await ReadHoldingsAsync(db, only, first, lastId, year, null, ct);
        var sharedUnder = buildings.Values.Where(b => b.PlotId is { } p && contexts.TryGetValue(b.MunicipalityId, out var cx) && cx.SharedPlotArea.ContainsKey(p) && !plots.ContainsKey(p))
            .Select(b => b.PlotId!.Value).Distinct().ToList();
        foreach (var part in sharedUnder.Chunk(2000))
        {
            var ids = part.ToList();
            foreach (var p in await db.LandPlots.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct)) plots[p.Id] = p;
        }
        var existing = (await db.PaymentNotices.AsNoTracking()
                .Where(n => n.TaxpayerId >= first && n.TaxpayerId <= lastId && n.Year == year && n.IsCurrent && (only == null || n.MunicipalityId == only))
                .Select(n => new { n.TaxpayerId, n.Id, n.Number, n.Revision, n.Fingerprint, n.TotalQepik, n.Reference, n.VerificationCode }).ToListAsync(ct))
            .ToDictionary(n => n.TaxpayerId, n => new ExistingNotice(n.Id, n.Number, n.Revision, n.Fingerprint, n.TotalQepik, n.Reference, n.VerificationCode));
        var charged = (await db.TaxCharges.AsNoTracking()
                .Where(x => x.TaxpayerId >= first && x.TaxpayerId <= lastId && x.Year == year && x.Period == 0 && (only == null || x.MunicipalityId == only)
                            && (x.Kind == ChargeKind.Assessment || x.Kind == ChargeKind.Adjustment) && (x.Tax == LocalTax.LandTax || x.Tax == LocalTax.PropertyTax))
                .GroupBy(x => new { x.TaxpayerId, x.Tax, x.Instalment }).Select(g => new { g.Key.TaxpayerId, g.Key.Tax, g.Key.Instalment, Sum = g.Sum(x => x.AmountQepik) })
                .ToListAsync(ct))
            .ToDictionary(x => (x.TaxpayerId, x.Tax, x.Instalment), x => x.Sum);

        var byTaxpayer = holdings.ToLookup(h => h.TaxpayerId);
        var toWrite = new List<Pending>();
        var unchanged = 0;
        foreach (var t in taxpayers)
        {
            // LML 18.1, LTP 8.0.1-8.0.2: land and property tax of natural persons.
            if (t.Kind != TaxpayerKind.NaturalPerson) continue;
            var mine = byTaxpayer[t.Id];
            existing.TryGetValue(t.Id, out var old);
            if (!mine.Any() && old is null) continue;
            var c = contexts[t.MunicipalityId];
            var (kernel, owned) = KernelHoldings(c, mine.Where(h => h.MunicipalityId == t.MunicipalityId), plots, buildings, vehicles);
            var lines = LinesFor(c, new TaxpayerFacts(t.Id, t.Relief102_2, t.ReliefPlotId, Categories(t.Categories), owned), kernel);
            var land = Sum(lines, LocalTax.LandTax);
            var property = Sum(lines, LocalTax.PropertyTax);
            if (old is null && land + property == Money.Zero) continue; // nothing to pay, nothing issued before: no notice
            var fingerprint = TaxAssessment.Fingerprint(lines);
            if (old is not null && old.Fingerprint == fingerprint) { unchanged++; continue; }
            toWrite.Add(new Pending(t, lines, fingerprint, land, property, old));
        }
        return new Prepared(chunk, toWrite, unchanged, charged);
    }

    /// <summary>Writes one prepared chunk inside the caller's transaction: notices, lines, charges, revisions and settlement.</summary>
    private static async Task<ChunkResult> WriteChunkAsync(AppDb db, Dictionary<int, Context> contexts, AssessmentRun run, Prepared prepared, DateTime now, CancellationToken ct)
    {
        var (_, toWrite, unchanged, charged) = prepared;
        var year = run.Year;
        if (toWrite.Count == 0) return new ChunkResult(0, 0, unchanged, 0);

        var firstId = (int)await BulkWriter.ReserveIdsAsync(db, "PaymentNotices", toWrite.Count, ct);
        var newIn = toWrite.Where(w => w.Old is null).Select(w => w.Taxpayer.MunicipalityId).Distinct().ToList();
        // One index probe per municipality (the top of (MunicipalityId, Year, Number)); a grouped MAX over the IN list would
        // read every notice of a city again in each of its chunks.
        var nextNumber = new Dictionary<int, int>();
        foreach (var m in newIn)
            nextNumber[m] = await db.PaymentNotices.Where(n => n.MunicipalityId == m && n.Year == year).MaxAsync(n => (int?)n.Number, ct) ?? 0;
        var notices = new List<object?[]>(toWrite.Count);
        var lineRows = new List<object?[]>(toWrite.Count * 2);
        var chargeRows = new List<object?[]>(toWrite.Count * 3);
        var superseded = new List<(int Old, int New)>();
        var touched = new List<int>();
        var perMunicipality = new Dictionary<int, (int Created, int Revised, int Lines)>();
        var firstDue = TaxCalendar.FirstInstalment(year);
        var secondDue = TaxCalendar.SecondInstalment(year);
        for (var i = 0; i < toWrite.Count; i++)
        {
            var (t, lines, fingerprint, land, property, old) = toWrite[i];
            var m = t.MunicipalityId;
            var issuedOn = contexts[m].Today;
            var id = firstId + i;
            var number = old?.Number ?? (nextNumber[m] = nextNumber.GetValueOrDefault(m) + 1);
            var reference = old?.Reference ?? PaymentReference.Create(year, m, number).Value;
            var landHalves = TaxCalendar.Instalments(year, land);
            var propertyHalves = TaxCalendar.Instalments(year, property);
            var total = land + property;
            notices.Add([id, m, t.Id, year, number, old is null ? 0 : old.Revision + 1, true, reference, land.Qepik, property.Qepik, total.Qepik,
                (landHalves[0].Amount + propertyHalves[0].Amount).Qepik, (landHalves[1].Amount + propertyHalves[1].Amount).Qepik, firstDue, secondDue,
                old is null ? 0L : total.Qepik - old.Total, issuedOn, run.Id, fingerprint, NewCode(id), null, null, null, null]);
            foreach (var l in lines)
                lineRows.Add([m, id, t.Id, (int)l.Tax, (int)l.ObjectKind, (int)l.ObjectId, Trim(l.ObjectLabel, 300), l.RateClass, Math.Round(l.BaseValue, 4), (int)l.Unit,
                    l.Rate, l.Decision, Math.Round(l.Weight, 10), Trim(l.WeightText, 30), l.WeightNote, l.Months, l.Gross.Qepik, l.Relief.Qepik, l.Net.Qepik,
                    l.ReliefNote is null ? null : Trim(l.ReliefNote, 300), l.Citation.ToString(), (int)l.Outcome]);
            var charges = 0;
            foreach (var (tax, halves) in new[] { (LocalTax.LandTax, landHalves), (LocalTax.PropertyTax, propertyHalves) })
                foreach (var h in halves)
                {
                    var had = charged.GetValueOrDefault((t.Id, tax, h.Number));
                    var delta = h.Amount.Qepik - had;
                    if (delta == 0) continue;
                    var kind = old is null && had == 0 ? ChargeKind.Assessment : ChargeKind.Adjustment;
                    var dueOn = kind == ChargeKind.Assessment ? h.DueOn : TaxCalendar.AdjustmentDue(h.DueOn, issuedOn);
                    chargeRows.Add([m, t.Id, (int)tax, year, 0, h.Number, dueOn, delta, (int)kind, id, null, now,
                        kind == ChargeKind.Adjustment ? $"Revision {(old?.Revision ?? -1) + 1} of notice {number}/{year}" : null]);
                    charges++;
                }
            if (old is not null) superseded.Add((old.Id, id));
            if (charges > 0 && old is not null) touched.Add(t.Id);
            var (cr, rv, ln) = perMunicipality.GetValueOrDefault(m);
            perMunicipality[m] = (cr + (old is null ? 1 : 0), rv + (old is null ? 0 : 1), ln + lines.Count);
        }
        await BulkWriter.WriteAsync(db, NoticeTable, notices, ct);
        await BulkWriter.WriteAsync(db, LineTable, lineRows, ct);
        if (chargeRows.Count > 0) await BulkWriter.WriteAsync(db, Ledger.ChargeTable, chargeRows, ct);
        foreach (var (oldId, newId) in superseded)
            await BulkWriter.ExecuteAsync(db, "UPDATE \"PaymentNotices\" SET \"IsCurrent\" = @f, \"SupersededById\" = @n WHERE \"Id\" = @o", ct,
                ("@f", false), ("@n", newId), ("@o", oldId));
        // New charges of taxpayers who already paid something (credit, or a revision after payments) are settled now.
        var newOnes = toWrite.Where(w => w.Old is null).Select(w => w.Taxpayer.Id).ToList();
        foreach (var ids in newOnes.Chunk(2000))
        {
            var list = ids.ToList();
            touched.AddRange(await db.Payments.AsNoTracking().Where(p => p.TaxpayerId != null && list.Contains(p.TaxpayerId.Value)).Select(p => p.TaxpayerId!.Value).Distinct().ToListAsync(ct));
        }
        if (touched.Count > 0)
            await Ledger.SettleAsync(db, touched.Distinct().ToList(), now, await Ledger.Rules.LoadAsync(db, contexts[toWrite[0].Taxpayer.MunicipalityId].Today, ct), ct);
        foreach (var (m, (created, revised, written)) in perMunicipality)
            db.AuditLog.Add(new AuditEntry
            {
                At = now, UserName = run.RequestedBy, MunicipalityId = m, Entity = nameof(PaymentNotice), EntityId = $"run {run.Id}", Action = "create",
                After = $"{{\"year\":{year},\"created\":{created},\"revised\":{revised},\"lines\":{written}}}", Reason = "LML 18.11 annual assessment",
            });
        return new ChunkResult(toWrite.Count(w => w.Old is null), superseded.Count, unchanged, lineRows.Count);
    }

    private static Money Sum(IEnumerable<AssessedLine> lines, LocalTax tax) => lines.Where(l => l.Tax == tax).Aggregate(Money.Zero, (s, l) => s + l.Net);

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The plot as the kernel sees it, with the municipality's settlement group where the plot names none.</summary>
    public static PlotBase Plot(LandPlot p, Context c) =>
        new(p.Id, PlotLabel(p), p.AreaSqm, p.Category, p.ScorePoints, p.SettlementGroup ?? c.SettlementGroup, p.Exemption);

    public static string PlotLabel(LandPlot p) => p.CadastralNumber is { Length: > 0 } n ? $"{n}, {p.Address}" : $"№ {p.Id}, {p.Address}";
    public static string BuildingLabel(Building b) => b.Description is { Length: > 0 } d ? $"{b.Address} ({d})" : b.Address;
    public static string VehicleLabel(Vehicle v) => v.Description is { Length: > 0 } d ? $"{v.RegistrationNumber} ({d})" : v.RegistrationNumber;

    public static IReadOnlySet<string> Categories(string? s) =>
        (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// The code in a document's QR link: the document's id in 7 characters of Crockford base32, then 13 random ones (65
    /// bits), so the verification finds the row by its key and compares the rest — unguessable, and no index to maintain
    /// on two million notices a year.
    /// </summary>
    public static string NewCode(long id)
    {
        Span<byte> bytes = stackalloc byte[13];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[20];
        for (var i = 6; i >= 0; i--) { chars[i] = Base32[(int)(id % 32)]; id /= 32; }
        for (var i = 0; i < 13; i++) chars[7 + i] = Base32[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>The document id a verification code carries; null when the text cannot be a code.</summary>
    public static long? IdOfCode(string? code)
    {
        if (code is null || code.Length != 20) return null;
        long id = 0;
        foreach (var c in code.ToUpperInvariant()[..7])
        {
            var d = Base32.IndexOf(c);
            if (d < 0) return null;
            id = id * 32 + d;
        }
        return code.ToUpperInvariant().Skip(7).All(c => Base32.Contains(c)) ? id : null;
    }

    /// <summary>
    /// The holdings in force during the year of the taxpayers in an id range (of one municipality, or all), and their
    /// objects: the holdings in one query, each object kind in one more by ids, never per taxpayer and without tracking.
    /// </summary>
    private static async Task<(List<ObjectHolding>, Dictionary<int, LandPlot>, Dictionary<int, Building>, Dictionary<int, Vehicle>)> ReadHoldingsAsync(
        AppDb db, int? municipalityId, int firstTaxpayer, int lastTaxpayer, int year, Context? _, CancellationToken ct)
    {
        var jan1 = new DateOnly(year, 1, 1);
        var dec31 = new DateOnly(year, 12, 31);
        var holdings = await db.ObjectHoldings.AsNoTracking()
            .Where(h => h.TaxpayerId >= firstTaxpayer && h.TaxpayerId <= lastTaxpayer && (municipalityId == null || h.MunicipalityId == municipalityId)
                        && h.From <= dec31 && (h.To == null || h.To > jan1))
            .Select(h => new ObjectHolding { MunicipalityId = h.MunicipalityId, TaxpayerId = h.TaxpayerId, ObjectKind = h.ObjectKind, ObjectId = h.ObjectId,
                Right = h.Right, ShareNumerator = h.ShareNumerator, ShareDenominator = h.ShareDenominator, From = h.From, To = h.To })
            .ToListAsync(ct);
        var plots = new Dictionary<int, LandPlot>();
        var buildings = new Dictionary<int, Building>();
        var vehicles = new Dictionary<int, Vehicle>();
        foreach (var chunk in holdings.Where(h => h.ObjectKind == ObjectKind.LandPlot).Select(h => h.ObjectId).Distinct().Chunk(5000))
        {
            var ids = chunk.ToList();
            foreach (var p in await db.LandPlots.AsNoTracking().Where(p => ids.Contains(p.Id))
                         .Select(p => new LandPlot { Id = p.Id, MunicipalityId = p.MunicipalityId, CadastralNumber = p.CadastralNumber, Address = p.Address, AreaSqm = p.AreaSqm,
                             Category = p.Category, ScorePoints = p.ScorePoints, SettlementGroup = p.SettlementGroup, Exemption = p.Exemption, RetiredOn = p.RetiredOn,
                             ApportionByBuildingArea = p.ApportionByBuildingArea, SearchKey = "" }).ToListAsync(ct))
                plots[p.Id] = p;
        }
        foreach (var chunk in holdings.Where(h => h.ObjectKind == ObjectKind.Building).Select(h => h.ObjectId).Distinct().Chunk(5000))
        {
            var ids = chunk.ToList();
            foreach (var b in await db.Buildings.AsNoTracking().Where(b => ids.Contains(b.Id))
                         .Select(b => new Building { Id = b.Id, MunicipalityId = b.MunicipalityId, PlotId = b.PlotId, Address = b.Address, Description = b.Description,
                             AreaSqm = b.AreaSqm, Value = b.Value, RetiredOn = b.RetiredOn, SearchKey = "" }).ToListAsync(ct))
                buildings[b.Id] = b;
        }
        foreach (var chunk in holdings.Where(h => h.ObjectKind == ObjectKind.Vehicle).Select(h => h.ObjectId).Distinct().Chunk(5000))
        {
            var ids = chunk.ToList();
            foreach (var v in await db.Vehicles.AsNoTracking().Where(v => ids.Contains(v.Id))
                         .Select(v => new Vehicle { Id = v.Id, MunicipalityId = v.MunicipalityId, Kind = v.Kind, RegistrationNumber = v.RegistrationNumber,
                             Description = v.Description, EngineCc = v.EngineCc, RetiredOn = v.RetiredOn, SearchKey = "" }).ToListAsync(ct))
                vehicles[v.Id] = v;
        }
        // An object of another municipality is never taxed here (the register refuses such holdings; this is the backstop).
        holdings.RemoveAll(h => h.ObjectKind switch
        {
            ObjectKind.LandPlot => plots.TryGetValue(h.ObjectId, out var p) && p.MunicipalityId != h.MunicipalityId,
            ObjectKind.Building => buildings.TryGetValue(h.ObjectId, out var b) && b.MunicipalityId != h.MunicipalityId,
            _ => vehicles.TryGetValue(h.ObjectId, out var v) && v.MunicipalityId != h.MunicipalityId,
        });
        return (holdings, plots, buildings, vehicles);
    }

}

internal static class RatesInForce
{
    public static Dictionary<string, RateInForce> WithStatutory(this Dictionary<string, RateInForce> rates, RateInForce? statutory)
    {
        if (statutory is not null) rates.TryAdd(statutory.RateClass, statutory);
        return rates;
    }
}
