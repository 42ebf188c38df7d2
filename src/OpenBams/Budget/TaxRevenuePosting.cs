using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenBams.Law.Budget;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Tenancy;
using OpenBams.Taxes;

namespace OpenBams.Budget;

public sealed record PostingResult(int DaysRebuilt, int Rows, long LastAllocationId, long LastPaymentId, DateTime? RanAt);

/// <summary>
/// Posts tax and local-payment revenue from the taxes module to the budget (FL 7.1.1-7.1.6, 7.1.11, 7.3): per municipality,
/// day and revenue class, from the payment allocations (<see cref="BudgetClassification.ForLocalTax"/>; negative rows of a
/// reversal reduce the day) and the unallocated credit of posted payments (docs/decisions.md "Budget: execution"). Each run
/// rebuilds only the days touched since the watermark, with set-based GROUP BY queries, and replaces those days' rows in one
/// transaction: re-running never doubles anything.
/// </summary>
public static class TaxRevenuePosting
{
    private sealed record Cell(int MunicipalityId, DateOnly On, RevenueClass Class);

    public static async Task<PostingResult> RunAsync(AppDb db, TimeProvider time, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two runs at once take turns on the watermark row (PostgreSQL); SQLite's transaction is the one writer already.
        if (BulkWriter.IsPostgres(db))
            await db.Database.ExecuteSqlRawAsync("SELECT \"Id\" FROM \"TaxRevenueWatermarks\" WHERE \"Id\" = 1 FOR UPDATE", ct);
        var w = await db.TaxRevenueWatermarks.FirstOrDefaultAsync(x => x.Id == 1, ct);
        if (w is null)
        {
            w = new TaxRevenueWatermark { Id = 1 };
            db.TaxRevenueWatermarks.Add(w);
        }
        var (maxA, maxP, maxR) = await HighWaterMarksAsync(db, ct);
        if (maxA == w.LastAllocationId && maxP == w.LastPaymentId && maxR == w.LastReversedAt && db.Entry(w).State != EntityState.Added)
            return new(0, 0, maxA, maxP, w.RanAt);

        var full = w.LastAllocationId == 0 && w.LastPaymentId == 0;
        var (wa, wp, wr) = (w.LastAllocationId, w.LastPaymentId, w.LastReversedAt ?? DateTime.MinValue);
        List<DateOnly> days = [];
        if (!full)
        {
            var a = await db.PaymentAllocations.Where(x => x.Id > wa && x.Id <= maxA).Select(x => x.On).Distinct().ToListAsync(ct);
            var p = await db.Payments.Where(x => (x.Id > wp && x.Id <= maxP) || x.ReversedAt >= wr).Select(x => x.PaidOn).Distinct().ToListAsync(ct);
            days = a.Union(p).Distinct().ToList();
        }

        var allocations = db.PaymentAllocations.Where(x => x.Id <= maxA);
        var payments = db.Payments.Where(x => x.Id <= maxP);
        if (!full)
        {
            allocations = allocations.Where(x => days.Contains(x.On));
            payments = payments.Where(x => days.Contains(x.PaidOn));
        }
        var byTax = await allocations.GroupBy(x => new { x.MunicipalityId, x.On, x.Tax })
            .Select(g => new { g.Key.MunicipalityId, g.Key.On, g.Key.Tax, Sum = g.Sum(x => x.AmountQepik), Payments = g.Select(x => x.PaymentId).Distinct().Count() })
            .ToListAsync(ct);
        // Unallocated credit = what posted payments brought − what their allocations paid (an allocation carries its payment's day).
        var posted = await payments.Where(x => x.Status == PaymentStatus.Posted).GroupBy(x => new { x.MunicipalityId, x.PaidOn, Voluntary = x.ProjectId != null })
            .Select(g => new { g.Key.MunicipalityId, g.Key.PaidOn, g.Key.Voluntary, Sum = g.Sum(x => x.AmountQepik), Count = g.Count() }).ToListAsync(ct);
        var allocatedOfPosted = await (from x in allocations
                                       join p in payments on x.PaymentId equals p.Id
                                       where p.Status == PaymentStatus.Posted
                                       group x by new { x.MunicipalityId, p.PaidOn, Voluntary = p.ProjectId != null } into g
                                       select new { g.Key.MunicipalityId, g.Key.PaidOn, g.Key.Voluntary, Sum = g.Sum(x => x.AmountQepik) }).ToListAsync(ct);

        var cells = new Dictionary<Cell, (long Sum, int Count)>();
        void Add(Cell c, long sum, int count)
        {
            var (s, n) = cells.GetValueOrDefault(c);
            cells[c] = (s + sum, n + count);
        }
        foreach (var r in byTax) Add(new(r.MunicipalityId, r.On, ClassOf(r.Tax)), r.Sum, r.Payments);
        var allocated = allocatedOfPosted.ToDictionary(r => (r.MunicipalityId, r.PaidOn, r.Voluntary), r => r.Sum);
        foreach (var r in posted)
        {
            var credit = r.Sum - allocated.GetValueOrDefault((r.MunicipalityId, r.PaidOn, r.Voluntary));
            if (credit != 0) Add(new(r.MunicipalityId, r.PaidOn, r.Voluntary ? RevenueClass.VoluntaryPayment : CreditClass), credit, r.Count);
        }

        var old = full ? db.TaxRevenueDays : db.TaxRevenueDays.Where(x => days.Contains(x.On));
        await old.ExecuteDeleteAsync(ct);
        foreach (var m in cells.Keys.Select(c => c.MunicipalityId).Distinct()) db.MarkChanged(m);
        db.SuppressAudit = true; // aggregates rebuilt from audited payments
        db.TaxRevenueDays.AddRange(cells.Where(c => c.Value.Sum != 0).Select(c => new TaxRevenueDay
        {
            MunicipalityId = c.Key.MunicipalityId, On = c.Key.On, RevenueClass = c.Key.Class, AmountQepik = c.Value.Sum, Payments = c.Value.Count,
        }));
        w.LastAllocationId = maxA;
        w.LastPaymentId = maxP;
        w.LastReversedAt = maxR;
        w.RanAt = Clock.UtcNow(time);
        w.DaysRebuilt = full ? cells.Keys.Select(c => c.On).Distinct().Count() : days.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(w.DaysRebuilt, cells.Count(c => c.Value.Sum != 0), maxA, maxP, w.RanAt);
    }

    /// <summary>
    /// PostgreSQL hands out ids before a transaction commits, so a writer holding id 100 can commit after one holding 101 that
    /// a run has already passed: 100 would never be posted. Every writer of payments and allocations therefore holds this lock
    /// shared from before its first id until it commits (<see cref="WritingPaymentsAsync"/>), and a run takes it exclusively
    /// while it reads the high-water marks: every id at or below them has then committed. SQLite has one writer at a time, so
    /// its ids commit in order already.
    /// </summary>
    private const long WritersLock = 0x4F42_5256_504F; // "OBRVPO"

    /// <summary>Call first in a transaction that adds or reverses payments or writes allocations, before any of their ids is taken.</summary>
    public static async Task WritingPaymentsAsync(AppDb db, CancellationToken ct)
    {
        if (!BulkWriter.IsPostgres(db)) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Payments are written inside a transaction: the posting lock lasts until it commits.");
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock_shared({WritersLock})", ct);
    }

    private static async Task<(long MaxAllocation, long MaxPayment, DateTime? MaxReversal)> HighWaterMarksAsync(AppDb db, CancellationToken ct)
    {
        var pg = BulkWriter.IsPostgres(db);
        // Session level, released at once: writers wait only while three maxima are read, not for the whole rebuild.
        if (pg) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({WritersLock})", ct);
        try
        {
            return (await db.PaymentAllocations.MaxAsync(a => (long?)a.Id, ct) ?? 0, await db.Payments.MaxAsync(p => (long?)p.Id, ct) ?? 0,
                await db.Payments.MaxAsync(p => p.ReversedAt, ct));
        }
        finally
        {
            if (pg) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({WritersLock})", CancellationToken.None);
        }
    }

    /// <summary>Credit a payment brought beyond what it paid (an advance or overpayment): docs/decisions.md "Budget: execution".</summary>
    public const RevenueClass CreditClass = RevenueClass.OtherLocalPayments;

    private static RevenueClass ClassOf(LocalTax tax)
    {
        try { return BudgetClassification.ForLocalTax(tax); }
        catch (ArgumentOutOfRangeException) { return CreditClass; } // a tax kind added later without a mapping still counts
    }

    /// <summary>Runs the posting with the system's view of every municipality (a user's call posts for all of them too: one watermark).</summary>
    public static async Task<PostingResult> RunAsSystemAsync(IServiceProvider services, CancellationToken ct)
    {
        // The job and a user's "post now" take turns in this process: on SQLite two deferred transactions that both read the
        // watermark and then write would block each other until the busy timeout (PostgreSQL's row lock covers other processes).
        await OneAtATime.WaitAsync(ct);
        try { return await RunScopedAsync(services, ct); }
        finally { OneAtATime.Release(); }
    }

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static async Task<PostingResult> RunScopedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
    }
}

/// <summary>The background posting of tax revenue to the budget, at most once a minute (cheap when nothing changed).</summary>
public sealed class TaxRevenuePostingJob : IJob
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private DateTime _last = DateTime.MinValue;

    public string Name => "tax-revenue-posting";

    public async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        if (DateTime.UtcNow - _last < Every) return false;
        _last = DateTime.UtcNow;
        await TaxRevenuePosting.RunAsSystemAsync(services, ct);
        return false; // never keeps the runner spinning
    }
}
