using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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
    public const int ChunkSize = 5000;
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

    /// <summary>Works through the run's municipalities from its cursor, a chunk of taxpayers per transaction.</summary>
    public static async Task RunAsync(IServiceProvider services, int runId, TimeProvider time, CancellationToken ct)
    {
        List<int> municipalities;
        int year;
        int? cursorMunicipality;
        using (var scope = services.CreateScope())
        {
            var db = System(scope);
            var run = await db.AssessmentRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
            year = run.Year;
            cursorMunicipality = run.CursorMunicipalityId;
            var q = db.Municipalities.AsNoTracking().Where(m => m.Status == Registry.MunicipalityStatus.Active);
            if (run.MunicipalityId is { } only) q = db.Municipalities.AsNoTracking().Where(m => m.Id == only);
            municipalities = await q.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        }
        var start = cursorMunicipality is { } c ? municipalities.FindIndex(id => id >= c) : 0;
        if (start < 0) start = municipalities.Count;
        for (var i = start; i < municipalities.Count; i++)
        {
            var m = municipalities[i];
            Context? context = null;
            while (true)
            {
                using var scope = services.CreateScope();
                var db = System(scope);
                var run = await db.AssessmentRuns.FirstAsync(r => r.Id == runId, ct);
                if (run.Status == JobStatus.Cancelled) return;
                context ??= await Context.LoadAsync(db, m, year, time, ct);
                var after = run.CursorMunicipalityId == m ? run.CursorTaxpayerId ?? 0 : 0;
                var ids = await db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == m && t.Id > after)
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(ChunkSize).ToListAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var now = Clock.UtcNow(time);
                db.SuppressAudit = true; // the run's own row changes every chunk; the summary entry below is the audit
                // The run row is written first: on SQLite that takes the write lock before ids are reserved, and a
                // concurrent cancel shows up here as a version conflict.
                run.LeaseUntil = now + Lease;
                run.CursorMunicipalityId = m;
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateConcurrencyException) { await tx.RollbackAsync(ct); continue; }
                var last = ids.Count < ChunkSize;
                if (ids.Count > 0)
                {
                    var result = await AssessChunkAsync(db, context, run, ids, now, ct);
                    run.CursorTaxpayerId = ids[^1];
                    run.TaxpayersDone += ids.Count;
                    run.NoticesCreated += result.Created;
                    run.NoticesRevised += result.Revised;
                    run.NoticesUnchanged += result.Unchanged;
                    run.LinesWritten += result.Lines;
                    if (result.Created + result.Revised > 0)
                        db.AuditLog.Add(new AuditEntry
                        {
                            At = now, UserName = run.RequestedBy, MunicipalityId = m, Entity = nameof(PaymentNotice), EntityId = $"run {run.Id}",
                            Action = "create",
                            After = $"{{\"year\":{year},\"created\":{result.Created},\"revised\":{result.Revised},\"unchanged\":{result.Unchanged},\"lines\":{result.Lines}}}",
                            Reason = "LML 18.11 annual assessment",
                        });
                }
                if (last)
                {
                    run.MunicipalitiesDone++;
                    run.CursorTaxpayerId = null;
                    // Mark the municipality finished by moving the cursor past it.
                    run.CursorMunicipalityId = i + 1 < municipalities.Count ? municipalities[i + 1] : m + 1;
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                if (last) break;
            }
        }
        using (var scope = services.CreateScope())
        {
            var db = System(scope);
            var run = await db.AssessmentRuns.FirstAsync(r => r.Id == runId, ct);
            if (run.Status == JobStatus.Running)
            {
                run.Status = JobStatus.Completed;
                run.FinishedAt = Clock.UtcNow(time);
                run.LeaseUntil = null;
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>What a municipality's chunks share: its rates, reliefs, settlement group and the areas for LML 18.12.</summary>
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
        public required HashSet<int> TaxpayersWithPayments { get; init; }

        public static async Task<Context> LoadAsync(AppDb db, int municipalityId, int year, TimeProvider time, CancellationToken ct)
        {
            var jan1 = new DateOnly(year, 1, 1);
            var settings = await db.TaxSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
            var revoked = db.CouncilDecisions.Where(d => d.MunicipalityId == municipalityId && d.Status == Council.DecisionStatus.Revoked).Select(d => d.Id);
            var rateRows = await db.TaxRates.AsNoTracking().Where(r => r.MunicipalityId == municipalityId && r.ValidFrom <= jan1 && !revoked.Contains(r.DecisionId))
                .ToListAsync(ct);
            var rates = rateRows.GroupBy(r => r.RateClass, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.Id).First())
                .Where(r => !r.Abolished)
                .ToDictionary(r => r.RateClass, r => new RateInForce(r.RateClass, r.Rate, r.DecisionCode, r.ValidFrom), StringComparer.OrdinalIgnoreCase);
            var reliefs = await db.TaxReliefs.AsNoTracking().Where(r => r.MunicipalityId == municipalityId && r.ValidFrom <= jan1
                    && (r.ValidTo == null || r.ValidTo >= jan1) && !revoked.Contains(r.DecisionId))
                .Select(r => new ReliefInForce(r.Id, r.Tax, r.Category, r.Kind, r.Value, r.RateClass, r.DecisionCode)).ToListAsync(ct);
            var reduction = await LegalParameters.OnAsync(db, TaxParameters.Relief102_2, jan1, ct);
            var shared = await db.Buildings.AsNoTracking()
                .Where(b => b.MunicipalityId == municipalityId && b.PlotId != null && b.RetiredOn == null
                            && db.LandPlots.Any(p => p.Id == b.PlotId && p.ApportionByBuildingArea))
                .GroupBy(b => b.PlotId!.Value).Select(g => new { Plot = g.Key, Area = g.Sum(b => (double)b.AreaSqm) }).ToListAsync(ct);
            var paying = await db.Payments.AsNoTracking().Where(p => p.MunicipalityId == municipalityId && p.TaxpayerId != null)
                .Select(p => p.TaxpayerId!.Value).Distinct().ToListAsync(ct);
            return new Context
            {
                MunicipalityId = municipalityId, Year = year, Today = Clock.Today(time), SettlementGroup = settings?.SettlementGroup ?? "villages",
                Rates = rates, Reliefs = reliefs, Reduction102_2 = Money.Manat(reduction?.Value ?? 0m),
                SharedPlotArea = shared.ToDictionary(s => s.Plot, s => (decimal)s.Area), TaxpayersWithPayments = paying.ToHashSet(),
            };
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

    private sealed record ExistingNotice(int Id, int Number, int Revision, string Fingerprint, long Total, string Reference, string Code);

    private static async Task<ChunkResult> AssessChunkAsync(AppDb db, Context c, AssessmentRun run, List<int> ids, DateTime now, CancellationToken ct)
    {
        var year = c.Year;
        var m = c.MunicipalityId;
        var jan1 = new DateOnly(year, 1, 1);
        var dec31 = new DateOnly(year, 12, 31);
        var first = ids[0];
        var lastId = ids[^1];
        var taxpayers = await db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == m && t.Id >= first && t.Id <= lastId && t.Kind == TaxpayerKind.NaturalPerson)
            .Select(t => new { t.Id, t.Relief102_2, t.ReliefPlotId, t.Categories }).ToListAsync(ct);
        var holdings = await db.ObjectHoldings.AsNoTracking()
            .Where(h => h.MunicipalityId == m && h.TaxpayerId >= first && h.TaxpayerId <= lastId && h.From <= dec31 && (h.To == null || h.To > jan1))
            .ToListAsync(ct);
        var plotIds = holdings.Where(h => h.ObjectKind == ObjectKind.LandPlot).Select(h => h.ObjectId).Distinct().ToList();
        var buildingIds = holdings.Where(h => h.ObjectKind == ObjectKind.Building).Select(h => h.ObjectId).Distinct().ToList();
        var vehicleIds = holdings.Where(h => h.ObjectKind == ObjectKind.Vehicle).Select(h => h.ObjectId).Distinct().ToList();
        var buildings = await ByIdsAsync(x => db.Buildings.AsNoTracking().Where(b => b.MunicipalityId == m && x.Contains(b.Id)), buildingIds, b => b.Id, ct);
        // Plots under shared buildings (LML 18.12) are reached through the buildings' holders.
        plotIds.AddRange(buildings.Values.Where(b => b.PlotId is { } p && c.SharedPlotArea.ContainsKey(p)).Select(b => b.PlotId!.Value));
        var plots = await ByIdsAsync(x => db.LandPlots.AsNoTracking().Where(p => p.MunicipalityId == m && x.Contains(p.Id)), plotIds.Distinct().ToList(), p => p.Id, ct);
        var vehicles = await ByIdsAsync(x => db.Vehicles.AsNoTracking().Where(v => v.MunicipalityId == m && x.Contains(v.Id)), vehicleIds, v => v.Id, ct);
        var existing = (await db.PaymentNotices.AsNoTracking()
                .Where(n => n.MunicipalityId == m && n.Year == year && n.IsCurrent && n.TaxpayerId >= first && n.TaxpayerId <= lastId)
                .Select(n => new { n.TaxpayerId, n.Id, n.Number, n.Revision, n.Fingerprint, n.TotalQepik, n.Reference, n.VerificationCode }).ToListAsync(ct))
            .ToDictionary(n => n.TaxpayerId, n => new ExistingNotice(n.Id, n.Number, n.Revision, n.Fingerprint, n.TotalQepik, n.Reference, n.VerificationCode));
        var charged = (await db.TaxCharges.AsNoTracking()
                .Where(x => x.MunicipalityId == m && x.Year == year && x.TaxpayerId >= first && x.TaxpayerId <= lastId && x.Period == 0
                            && (x.Kind == ChargeKind.Assessment || x.Kind == ChargeKind.Adjustment) && (x.Tax == LocalTax.LandTax || x.Tax == LocalTax.PropertyTax))
                .GroupBy(x => new { x.TaxpayerId, x.Tax, x.Instalment }).Select(g => new { g.Key.TaxpayerId, g.Key.Tax, g.Key.Instalment, Sum = g.Sum(x => x.AmountQepik) })
                .ToListAsync(ct))
            .ToDictionary(x => (x.TaxpayerId, x.Tax, x.Instalment), x => x.Sum);

        var byTaxpayer = holdings.ToLookup(h => h.TaxpayerId);
        var computed = new List<(int TaxpayerId, IReadOnlyList<AssessedLine> Lines, string Fingerprint, Dictionary<LocalTax, Money> Totals)>();
        foreach (var t in taxpayers)
        {
            var mine = byTaxpayer[t.Id].ToList();
            if (mine.Count == 0 && !existing.ContainsKey(t.Id)) continue;
            var kernel = new List<Holding>();
            var ownedPlots = new List<long>();
            foreach (var h in mine)
            {
                var months = TaxAssessment.HoldingMonths(year, h.From, h.To);
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
                            var note = $"LML 18.12: {b.AreaSqm.ToString("0.##", CultureInfo.InvariantCulture)} / {total.ToString("0.##", CultureInfo.InvariantCulture)} m²";
                            kernel.Add(new Holding(Plot(under, c), h.Right, part, $"{share}×{b.AreaSqm:0.##}/{total:0.##}", months, note));
                            if (h.Right == HoldingRight.Ownership) ownedPlots.Add(under.Id);
                        }
                        break;
                    case ObjectKind.Vehicle when vehicles.TryGetValue(h.ObjectId, out var v) && v.RetiredOn is null:
                        kernel.Add(new Holding(new VehicleBase(v.Id, VehicleLabel(v), v.Kind, v.EngineCc), h.Right, weight, share, months));
                        break;
                }
            }
            var facts = new TaxpayerFacts(t.Id, t.Relief102_2, t.ReliefPlotId, Categories(t.Categories), ownedPlots);
            var lines = LinesFor(c, facts, kernel);
            var totals = new Dictionary<LocalTax, Money> { [LocalTax.LandTax] = Sum(lines, LocalTax.LandTax), [LocalTax.PropertyTax] = Sum(lines, LocalTax.PropertyTax) };
            computed.Add((t.Id, lines, TaxAssessment.Fingerprint(lines), totals));
        }

        var toWrite = new List<(int TaxpayerId, IReadOnlyList<AssessedLine> Lines, string Fingerprint, Dictionary<LocalTax, Money> Totals, ExistingNotice? Old)>();
        var unchanged = 0;
        foreach (var x in computed)
        {
            existing.TryGetValue(x.TaxpayerId, out var old);
            var total = x.Totals.Values.Aggregate(Money.Zero, (s, v) => s + v);
            if (old is null && total == Money.Zero) continue; // nothing to pay, nothing issued before: no notice
            if (old is not null && old.Fingerprint == x.Fingerprint) { unchanged++; continue; }
            toWrite.Add((x.TaxpayerId, x.Lines, x.Fingerprint, x.Totals, old));
        }
        if (toWrite.Count == 0) return new ChunkResult(0, 0, unchanged, 0);

        var firstId = (int)await BulkWriter.ReserveIdsAsync(db, "PaymentNotices", toWrite.Count, ct);
        var nextNumber = (await db.PaymentNotices.Where(n => n.MunicipalityId == m && n.Year == year).MaxAsync(n => (int?)n.Number, ct) ?? 0) + 1;
        var notices = new List<object?[]>(toWrite.Count);
        var lineRows = new List<object?[]>();
        var chargeRows = new List<object?[]>();
        var superseded = new List<(int Old, int New)>();
        var touched = new List<int>();
        var issuedOn = c.Today;
        var firstDue = TaxCalendar.FirstInstalment(year);
        var secondDue = TaxCalendar.SecondInstalment(year);
        for (var i = 0; i < toWrite.Count; i++)
        {
            var (taxpayerId, lines, fingerprint, totals, old) = toWrite[i];
            var id = firstId + i;
            var number = old?.Number ?? nextNumber++;
            var reference = old?.Reference ?? PaymentReference.Create(year, m, number).Value;
            var land = totals[LocalTax.LandTax];
            var property = totals[LocalTax.PropertyTax];
            var landHalves = TaxCalendar.Instalments(year, land);
            var propertyHalves = TaxCalendar.Instalments(year, property);
            var total = land + property;
            notices.Add([id, m, taxpayerId, year, number, old is null ? 0 : old.Revision + 1, true, reference, land.Qepik, property.Qepik, total.Qepik,
                (landHalves[0].Amount + propertyHalves[0].Amount).Qepik, (landHalves[1].Amount + propertyHalves[1].Amount).Qepik, firstDue, secondDue,
                old is null ? 0L : total.Qepik - old.Total, issuedOn, run.Id, fingerprint, NewCode(), null, null, null, null]);
            foreach (var l in lines)
                lineRows.Add([m, id, taxpayerId, (int)l.Tax, (int)l.ObjectKind, (int)l.ObjectId, Trim(l.ObjectLabel, 300), l.RateClass, Math.Round(l.BaseValue, 4), (int)l.Unit,
                    l.Rate, l.Decision, Math.Round(l.Weight, 10), Trim(l.WeightText, 30), l.WeightNote, l.Months, l.Gross.Qepik, l.Relief.Qepik, l.Net.Qepik,
                    l.ReliefNote is null ? null : Trim(l.ReliefNote, 300), l.Citation.ToString(), (int)l.Outcome]);
            foreach (var (tax, halves) in new[] { (LocalTax.LandTax, landHalves), (LocalTax.PropertyTax, propertyHalves) })
                foreach (var h in halves)
                {
                    var had = charged.GetValueOrDefault((taxpayerId, tax, h.Number));
                    var delta = h.Amount.Qepik - had;
                    if (delta == 0) continue;
                    var kind = old is null && had == 0 ? ChargeKind.Assessment : ChargeKind.Adjustment;
                    var dueOn = kind == ChargeKind.Assessment ? h.DueOn : TaxCalendar.AdjustmentDue(h.DueOn, issuedOn);
                    chargeRows.Add([m, taxpayerId, (int)tax, year, 0, h.Number, dueOn, delta, (int)kind, id, null, now,
                        kind == ChargeKind.Adjustment ? $"Revision {(old?.Revision ?? -1) + 1} of notice {number}/{year}" : null]);
                }
            if (old is not null) superseded.Add((old.Id, id));
            if (c.TaxpayersWithPayments.Contains(taxpayerId)) touched.Add(taxpayerId);
        }
        await BulkWriter.WriteAsync(db, NoticeTable, notices, ct);
        await BulkWriter.WriteAsync(db, LineTable, lineRows, ct);
        if (chargeRows.Count > 0) await BulkWriter.WriteAsync(db, Ledger.ChargeTable, chargeRows, ct);
        foreach (var (oldId, newId) in superseded)
            await BulkWriter.ExecuteAsync(db, "UPDATE \"PaymentNotices\" SET \"IsCurrent\" = @f, \"SupersededById\" = @n WHERE \"Id\" = @o", ct,
                ("@f", false), ("@n", newId), ("@o", oldId));
        if (touched.Count > 0)
            await Ledger.SettleAsync(db, touched, now, await Ledger.Rules.LoadAsync(db, c.Today, ct), ct);
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

    /// <summary>A random code for the QR link: 20 characters of Crockford base32, unguessable (100 bits).</summary>
    public static string NewCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[20];
        for (var i = 0; i < 20; i++) chars[i] = alphabet[bytes[i] & 31];
        return new string(chars);
    }

    private static async Task<Dictionary<int, T>> ByIdsAsync<T>(Func<List<int>, IQueryable<T>> query, List<int> ids, Func<T, int> key, CancellationToken ct)
    {
        var result = new Dictionary<int, T>();
        foreach (var chunk in ids.Chunk(2000))
            foreach (var row in await query(chunk.ToList()).ToListAsync(ct)) result[key(row)] = row;
        return result;
    }
}
