using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Parameters;

namespace OpenBams.Taxes;

/// <summary>One open item of an account as people read it.</summary>
public sealed record AccountItem(LocalTax Tax, string TaxName, int Year, int Period, int Instalment, DateOnly DueOn, DateOnly LastDayToPay,
    Money Due, Money Paid, Money Outstanding, int DaysOverdue, Money Interest, string RevenueClass);

/// <summary>A payment with what it paid and what is left as credit.</summary>
public sealed record AccountPayment(long Id, DateOnly PaidOn, Money Amount, Money Allocated, PaymentChannel Channel, string? Reference,
    PaymentStatus Status, string ExternalId);

/// <summary>
/// A taxpayer's account on a day: every item with what is due, paid and outstanding, interest accrued to the day on overdue
/// items not yet charged, and credit.
/// </summary>
public sealed record AccountPosition(int TaxpayerId, DateOnly AsOf, IReadOnlyList<AccountItem> Items, IReadOnlyList<AccountPayment> Payments,
    Money Outstanding, Money Overdue, Money AccruedInterest, Money Credit)
{
    /// <summary>What settles the account today: outstanding (due or not yet due) plus accrued interest, minus nothing (credit is already applied).</summary>
    public Money TotalToPay => Outstanding + AccruedInterest;
    public Money DebtToday => Overdue + AccruedInterest;
}

/// <summary>
/// The accounts of taxpayers: charges (what is owed), payments (what came in) and allocations (which payment paid what).
/// <see cref="SettleAsync"/> books free money to the oldest due items (Settlement.Settle) and fixes the interest of an item
/// paid late (FL 7.1.11) once it is fully paid; every command that changes charges or payments calls it in its own
/// transaction, so an account is never left half-settled.
/// </summary>
public static class Ledger
{
    public static readonly BulkTable AllocationTable = new("PaymentAllocations",
        ("MunicipalityId", BulkType.Int), ("PaymentId", BulkType.Long), ("TaxpayerId", BulkType.Int), ("Tax", BulkType.Int), ("Year", BulkType.Int),
        ("Period", BulkType.Int), ("Instalment", BulkType.Int), ("AmountQepik", BulkType.Long), ("On", BulkType.Date), ("At", BulkType.TimestampUtc));

    public static readonly BulkTable ChargeTable = new("TaxCharges",
        ("MunicipalityId", BulkType.Int), ("TaxpayerId", BulkType.Int), ("Tax", BulkType.Int), ("Year", BulkType.Int), ("Period", BulkType.Int),
        ("Instalment", BulkType.Int), ("DueOn", BulkType.Date), ("AmountQepik", BulkType.Long), ("Kind", BulkType.Int), ("NoticeId", BulkType.Int),
        ("SourceId", BulkType.Long), ("CreatedAt", BulkType.TimestampUtc), ("Note", BulkType.Text));

    /// <summary>The interest item of a year: all interest of one year's items is one open item, due when charged.</summary>
    public static DueKey InterestKey(int year) => new(LocalTax.InterestOnArrears, year, 0, 0);

    /// <summary>A stable number for the item an interest charge accrued on (TaxCharge.SourceId of interest charges).</summary>
    public static long InterestSource(DueKey k) => ((((long)k.Tax * 10_000 + k.Year) * 100 + k.Period) * 10) + k.Instalment;

    /// <summary>What the settlement needs: the interest rate, its limit and the working calendar.</summary>
    public sealed class Rules
    {
        public required ParameterTimeline InterestPercent { get; init; }
        public required int InterestMaxDays { get; init; }
        public required WorkingCalendar Calendar { get; init; }

        public decimal PercentOn(DateOnly d) => InterestPercent.On(d)?.Value ?? 0m;

        public static async Task<Rules> LoadAsync(AppDb db, DateOnly today, CancellationToken ct)
        {
            var percent = await LegalParameters.TimelineAsync(db, TaxParameters.InterestPercentPerDay, ct);
            var max = await LegalParameters.TimelineAsync(db, TaxParameters.InterestMaxDays, ct);
            var calendar = await WorkingCalendars.LoadAsync(db, today.Year - 6, today.Year + 1, ct);
            return new Rules { InterestPercent = percent, InterestMaxDays = (int)(max.On(today)?.Value ?? 365m), Calendar = calendar };
        }
    }

    private sealed record Book(List<TaxCharge> Charges, List<Payment> Payments, List<PaymentAllocation> Allocations);

    /// <summary>
    /// The books of many accounts, three queries per 20 000 accounts, reading only the columns the settlement and the
    /// position use (an import batch settles 20 000 accounts at a time; the wide text columns would triple what is read).
    /// </summary>
    private static async Task<Dictionary<int, Book>> LoadBooksAsync(AppDb db, IReadOnlyCollection<int> taxpayerIds, CancellationToken ct)
    {
        var books = taxpayerIds.Distinct().ToDictionary(id => id, _ => new Book([], [], []));
        foreach (var chunk in books.Keys.Chunk(20_000))
        {
            var ids = chunk.ToList();
            foreach (var c in await db.TaxCharges.AsNoTracking().Where(c => ids.Contains(c.TaxpayerId))
                         .Select(c => new TaxCharge { Id = c.Id, MunicipalityId = c.MunicipalityId, TaxpayerId = c.TaxpayerId, Tax = c.Tax, Year = c.Year, Period = c.Period,
                             Instalment = c.Instalment, DueOn = c.DueOn, AmountQepik = c.AmountQepik, Kind = c.Kind, SourceId = c.SourceId }).ToListAsync(ct))
                books[c.TaxpayerId].Charges.Add(c);
            foreach (var p in await db.Payments.AsNoTracking().Where(p => p.TaxpayerId != null && ids.Contains(p.TaxpayerId.Value) && p.ProjectId == null)
                         .Select(p => new Payment { Id = p.Id, MunicipalityId = p.MunicipalityId, TaxpayerId = p.TaxpayerId, AmountQepik = p.AmountQepik, PaidOn = p.PaidOn,
                             Channel = p.Channel, Reference = p.Reference, ExternalId = p.ExternalId, Status = p.Status }).ToListAsync(ct))
                books[p.TaxpayerId!.Value].Payments.Add(p);
            foreach (var a in await db.PaymentAllocations.AsNoTracking().Where(a => ids.Contains(a.TaxpayerId))
                         .Select(a => new PaymentAllocation { MunicipalityId = a.MunicipalityId, PaymentId = a.PaymentId, TaxpayerId = a.TaxpayerId, Tax = a.Tax, Year = a.Year,
                             Period = a.Period, Instalment = a.Instalment, AmountQepik = a.AmountQepik, On = a.On }).ToListAsync(ct))
                books[a.TaxpayerId].Allocations.Add(a);
        }
        return books;
    }

    /// <summary>The municipality an account's rows belong to; none when the account has no rows (nothing to settle).</summary>
    private static int? MunicipalityOf(Book b) =>
        b.Charges.Count > 0 ? b.Charges[0].MunicipalityId : b.Payments.Count > 0 ? b.Payments[0].MunicipalityId : null;

    private static List<OpenItem> Items(Book b) =>
        b.Charges.GroupBy(c => new DueKey(c.Tax, c.Year, c.Period, c.Instalment))
            .Select(g => new OpenItem(g.Key, g.Min(c => c.DueOn), g.Sum(c => c.AmountQepik))).ToList();

    private static List<PaymentFunds> Funds(Book b) =>
        b.Payments.Select(p => new PaymentFunds(p.Id, p.PaidOn, p.AmountQepik, p.Status == PaymentStatus.Reversed)).ToList();

    private static IEnumerable<Allocation> Allocs(IEnumerable<PaymentAllocation> list) =>
        list.Select(a => new Allocation(a.PaymentId, new DueKey(a.Tax, a.Year, a.Period, a.Instalment), a.AmountQepik));

    /// <summary>
    /// Settles the accounts of the taxpayers inside the caller's transaction: appends the allocations
    /// <see cref="Settlement.Settle"/> asks for and the interest of items that are now fully paid after their last day.
    /// Returns the number of allocation rows written.
    /// </summary>
    public static async Task<int> SettleAsync(AppDb db, IReadOnlyCollection<int> taxpayerIds, DateTime now, Rules rules, CancellationToken ct = default)
    {
        if (taxpayerIds.Count == 0) return 0;
        await Budget.TaxRevenuePosting.WritingPaymentsAsync(db, ct);
        var books = await LoadBooksAsync(db, taxpayerIds, ct);
        var today = DateOnly.FromDateTime(now.AddHours(4));
        // Each account settles on its own (pure work on its book): an import batch of 20 000 accounts uses every core.
        var accounts = books.ToArray();
        var planned = new (List<object?[]> Allocations, List<object?[]> Interest)[accounts.Length];
        if (accounts.Length >= 1000)
            Parallel.For(0, accounts.Length, i => planned[i] = SettleOne(accounts[i].Key, accounts[i].Value, today, now, rules));
        else
            for (var i = 0; i < accounts.Length; i++) planned[i] = SettleOne(accounts[i].Key, accounts[i].Value, today, now, rules);
        var allocationRows = planned.SelectMany(p => p.Allocations).ToList();
        var interestRows = planned.SelectMany(p => p.Interest).ToList();
        if (interestRows.Count > 0) await BulkWriter.WriteAsync(db, ChargeTable, interestRows, ct);
        if (allocationRows.Count > 0) await BulkWriter.WriteAsync(db, AllocationTable, allocationRows, ct);
        return allocationRows.Count;
    }

    /// <summary>The allocation and interest rows that settle one account.</summary>
    private static (List<object?[]> Allocations, List<object?[]> Interest) SettleOne(int taxpayerId, Book book, DateOnly today, DateTime now, Rules rules)
    {
        var allocationRows = new List<object?[]>();
        var interestRows = new List<object?[]>();
        if (MunicipalityOf(book) is not { } m) return (allocationRows, interestRows);
        var paidOn = book.Payments.ToDictionary(p => p.Id, p => p.PaidOn);
        var (deltas, interest) = Plan(book, paidOn, today, rules);
        foreach (var d in deltas)
            allocationRows.Add([m, d.PaymentId, taxpayerId, (int)d.Key.Tax, d.Key.Year, d.Key.Period, d.Key.Instalment, d.AmountQepik, paidOn[d.PaymentId], now]);
        foreach (var (source, amount, dueOn) in interest)
            interestRows.Add([m, taxpayerId, (int)LocalTax.InterestOnArrears, source.Year, 0, 0, dueOn, amount, (int)ChargeKind.Interest, null,
                InterestSource(source), now, $"FL 7.1.11: {source.Tax} {source.Year}/{source.Instalment}"]);
        if (interest.Count > 0)
        {
            // The new interest is an item too: settle again so credit pays it.
            foreach (var row in interestRows)
                book.Charges.Add(new TaxCharge { MunicipalityId = m, TaxpayerId = taxpayerId, Tax = LocalTax.InterestOnArrears, Year = (int)row[3]!,
                    DueOn = (DateOnly)row[6]!, AmountQepik = (long)row[7]!, Kind = ChargeKind.Interest });
            foreach (var d in deltas)
                book.Allocations.Add(new PaymentAllocation { PaymentId = d.PaymentId, TaxpayerId = taxpayerId, Tax = d.Key.Tax, Year = d.Key.Year,
                    Period = d.Key.Period, Instalment = d.Key.Instalment, AmountQepik = d.AmountQepik });
            foreach (var d in Settlement.Settle(Items(book), Funds(book), Allocs(book.Allocations)))
                allocationRows.Add([m, d.PaymentId, taxpayerId, (int)d.Key.Tax, d.Key.Year, d.Key.Period, d.Key.Instalment, d.AmountQepik, paidOn[d.PaymentId], now]);
        }
        return (allocationRows, interestRows);
    }

    /// <summary>The allocations to append and the interest charges to add for one account.</summary>
    private static (IReadOnlyList<Allocation> Deltas, List<(DueKey Source, long Amount, DateOnly DueOn)> Interest) Plan(Book book, Dictionary<long, DateOnly> paidOn, DateOnly today, Rules rules)
    {
        var items = Items(book);
        var funds = Funds(book);
        var deltas = Settlement.Settle(items, funds, Allocs(book.Allocations));
        var after = Allocs(book.Allocations).Concat(deltas).ToList();
        var interest = new List<(DueKey, long, DateOnly)>();
        foreach (var item in items.Where(i => i.Key.Tax != LocalTax.InterestOnArrears && i.DueQepik > 0))
        {
            var events = after.Where(a => a.Key.Equals(item.Key) && paidOn.ContainsKey(a.PaymentId))
                .GroupBy(a => paidOn[a.PaymentId]).Select(g => (On: g.Key, Qepik: g.Sum(a => a.AmountQepik))).OrderBy(e => e.On).ToList();
            if (events.Sum(e => e.Qepik) < item.DueQepik) continue; // still open: interest keeps accruing, shown live
            var lastDay = TaxCalendar.LastDayToPay(rules.Calendar, item.DueOn);
            var fullyPaidOn = FullyPaidOn(events, item.DueQepik);
            var wanted = ArrearsInterest.Accrued(item.DueQepik, lastDay, events, fullyPaidOn, rules.PercentOn, rules.InterestMaxDays).Qepik;
            var source = InterestSource(item.Key);
            var have = book.Charges.Where(c => c.Kind == ChargeKind.Interest && c.SourceId == source).Sum(c => c.AmountQepik);
            if (wanted != have) interest.Add((item.Key, wanted - have, fullyPaidOn > today ? today : fullyPaidOn));
        }
        return (deltas, interest);
    }

    private static DateOnly FullyPaidOn(IReadOnlyList<(DateOnly On, long Qepik)> events, long due)
    {
        long sum = 0;
        foreach (var e in events)
        {
            sum += e.Qepik;
            if (sum >= due) return e.On;
        }
        return events[^1].On;
    }

    /// <summary>The account of one taxpayer on a day, for its pages, the payment portal and certificates.</summary>
    public static async Task<AccountPosition> PositionAsync(AppDb db, int taxpayerId, DateOnly asOf, Rules rules, string lang, CancellationToken ct = default)
        => (await PositionsAsync(db, [taxpayerId], asOf, rules, lang, ct))[taxpayerId];

    public static async Task<IReadOnlyDictionary<int, AccountPosition>> PositionsAsync(AppDb db, IReadOnlyCollection<int> taxpayerIds, DateOnly asOf, Rules rules,
        string lang, CancellationToken ct = default)
    {
        var books = await LoadBooksAsync(db, taxpayerIds, ct);
        return books.ToDictionary(kv => kv.Key, kv => Position(kv.Key, kv.Value, asOf, rules, lang));
    }

    private static AccountPosition Position(int taxpayerId, Book book, DateOnly asOf, Rules rules, string lang)
    {
        var paidOn = book.Payments.ToDictionary(p => p.Id, p => p.PaidOn);
        var allocations = book.Allocations.Where(a => a.On <= asOf).ToList();
        var items = new List<AccountItem>();
        foreach (var item in Items(book).Where(i => i.DueQepik != 0 || allocations.Any(a => a.Tax == i.Key.Tax && a.Year == i.Key.Year)).OrderBy(i => i.DueOn).ThenBy(i => i.Key))
        {
            var mine = allocations.Where(a => a.Tax == item.Key.Tax && a.Year == item.Key.Year && a.Period == item.Key.Period && a.Instalment == item.Key.Instalment).ToList();
            var paid = mine.Sum(a => a.AmountQepik);
            var outstanding = Math.Max(0, item.DueQepik) - paid;
            var lastDay = TaxCalendar.LastDayToPay(rules.Calendar, item.DueOn);
            var days = outstanding > 0 ? ArrearsInterest.DaysOverdue(lastDay, asOf) : 0;
            var interest = item.Key.Tax == LocalTax.InterestOnArrears || outstanding <= 0 ? Money.Zero
                : ArrearsInterest.Accrued(item.DueQepik, lastDay, mine.Where(a => paidOn.ContainsKey(a.PaymentId)).Select(a => (a.On, a.AmountQepik)), asOf,
                    rules.PercentOn, rules.InterestMaxDays);
            var name = LocalTaxes.Name(item.Key.Tax);
            items.Add(new AccountItem(item.Key.Tax, lang == "en" ? name.En : name.Az, item.Key.Year, item.Key.Period, item.Key.Instalment, item.DueOn, lastDay,
                Money.FromQepik(item.DueQepik), Money.FromQepik(paid), Money.FromQepik(outstanding), days, interest, LocalTaxes.RevenueClass(item.Key.Tax).ToString()));
        }
        var payments = book.Payments.Where(p => p.PaidOn <= asOf).OrderBy(p => p.PaidOn).ThenBy(p => p.Id)
            .Select(p => new AccountPayment(p.Id, p.PaidOn, Money.FromQepik(p.AmountQepik),
                Money.FromQepik(allocations.Where(a => a.PaymentId == p.Id).Sum(a => a.AmountQepik)), p.Channel, p.Reference, p.Status, p.ExternalId)).ToList();
        var credit = payments.Where(p => p.Status == PaymentStatus.Posted).Aggregate(Money.Zero, (s, p) => s + p.Amount - p.Allocated);
        var outstandingTotal = items.Aggregate(Money.Zero, (s, i) => s + i.Outstanding);
        var overdue = items.Where(i => i.DaysOverdue > 0).Aggregate(Money.Zero, (s, i) => s + i.Outstanding);
        var accrued = items.Aggregate(Money.Zero, (s, i) => s + i.Interest);
        return new AccountPosition(taxpayerId, asOf, items, payments, outstandingTotal, overdue, accrued, credit);
    }
}
