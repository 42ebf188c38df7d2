namespace OpenBams.Law.Taxes;

/// <summary>What one open item is: a tax, its year, its period (0 for an annual tax, the month for a monthly payment) and instalment.</summary>
public readonly record struct DueKey(LocalTax Tax, int Year, int Period, int Instalment) : IComparable<DueKey>
{
    public int CompareTo(DueKey other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0) return c;
        c = Period.CompareTo(other.Period);
        if (c != 0) return c;
        c = Instalment.CompareTo(other.Instalment);
        return c != 0 ? c : ((int)Tax).CompareTo((int)other.Tax);
    }
}

/// <summary>An open item of a taxpayer's account: the net of every charge with this key, due on <paramref name="DueOn"/>.</summary>
public sealed record OpenItem(DueKey Key, DateOnly DueOn, long DueQepik);

/// <summary>A payment as the account sees it.</summary>
public sealed record PaymentFunds(long PaymentId, DateOnly PaidOn, long AmountQepik, bool Reversed);

/// <summary>Money of one payment booked to one item (negative when released).</summary>
public sealed record Allocation(long PaymentId, DueKey Key, long AmountQepik);

/// <summary>
/// The account of a taxpayer: payments go to the oldest due instalment first; what is left over is credit that pays the next
/// item as soon as one is charged; a reversed payment and a reduced item give their money back. Allocations are an
/// append-only record: <see cref="Settle"/> returns the entries to add, never a rewrite.
/// </summary>
public static class Settlement
{
    /// <summary>
    /// The allocations to append so that (1) no reversed payment pays anything, (2) no item is paid beyond what is due,
    /// (3) every payment's free money pays open items, oldest due day first (then by year, period, instalment, tax), payments
    /// in the order they were made. Releases take back from the latest payment first.
    /// </summary>
    public static IReadOnlyList<Allocation> Settle(IReadOnlyList<OpenItem> items, IReadOnlyList<PaymentFunds> payments, IEnumerable<Allocation> current)
    {
        var pair = new Dictionary<(long, DueKey), long>();
        foreach (var a in current)
            pair[(a.PaymentId, a.Key)] = pair.GetValueOrDefault((a.PaymentId, a.Key)) + a.AmountQepik;
        var deltas = new Dictionary<(long, DueKey), long>();
        void Move(long payment, DueKey key, long amount)
        {
            if (amount == 0) return;
            pair[(payment, key)] = pair.GetValueOrDefault((payment, key)) + amount;
            deltas[(payment, key)] = deltas.GetValueOrDefault((payment, key)) + amount;
        }

        var byId = payments.ToDictionary(p => p.PaymentId);
        // (1) A reversed (or unknown) payment gives back everything it paid.
        foreach (var ((pid, key), amount) in pair.ToList())
            if (amount != 0 && (!byId.TryGetValue(pid, out var p) || p.Reversed))
                Move(pid, key, -amount);

        // (2) An item paid beyond its due (reduced by an adjustment, or gone) gives back the excess, latest payment first.
        var due = new Dictionary<DueKey, long>();
        foreach (var i in items) due[i.Key] = due.GetValueOrDefault(i.Key) + i.DueQepik;
        var latestFirst = payments.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.PaymentId).ToList();
        foreach (var key in pair.Where(kv => kv.Value != 0).Select(kv => kv.Key.Item2).Distinct().ToList())
        {
            var excess = pair.Where(kv => kv.Key.Item2.Equals(key)).Sum(kv => kv.Value) - Math.Max(0, due.GetValueOrDefault(key));
            foreach (var p in latestFirst)
            {
                if (excess <= 0) break;
                var paid = pair.GetValueOrDefault((p.PaymentId, key));
                if (paid <= 0) continue;
                var back = Math.Min(paid, excess);
                Move(p.PaymentId, key, -back);
                excess -= back;
            }
        }

        // (3) Free money pays open items, oldest due first.
        var dueOn = new Dictionary<DueKey, DateOnly>();
        foreach (var i in items)
            if (!dueOn.TryGetValue(i.Key, out var d) || i.DueOn < d) dueOn[i.Key] = i.DueOn;
        var open = due.Keys.OrderBy(k => dueOn[k]).ThenBy(k => k).ToList();
        foreach (var p in payments.Where(p => !p.Reversed).OrderBy(p => p.PaidOn).ThenBy(p => p.PaymentId))
        {
            var free = p.AmountQepik - pair.Where(kv => kv.Key.Item1 == p.PaymentId).Sum(kv => kv.Value);
            foreach (var key in open)
            {
                if (free <= 0) break;
                var outstanding = Math.Max(0, due[key]) - pair.Where(kv => kv.Key.Item2.Equals(key)).Sum(kv => kv.Value);
                if (outstanding <= 0) continue;
                var pay = Math.Min(free, outstanding);
                Move(p.PaymentId, key, pay);
                free -= pay;
            }
        }
        return deltas.Where(kv => kv.Value != 0).Select(kv => new Allocation(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();
    }

    /// <summary>The account's position: what each item still owes, and the credit (payments not yet booked to anything).</summary>
    public static (IReadOnlyDictionary<DueKey, long> Outstanding, long Credit) Position(IReadOnlyList<OpenItem> items, IReadOnlyList<PaymentFunds> payments,
        IEnumerable<Allocation> allocations)
    {
        var list = allocations.ToList();
        var due = new Dictionary<DueKey, long>();
        foreach (var i in items) due[i.Key] = due.GetValueOrDefault(i.Key) + i.DueQepik;
        var outstanding = due.ToDictionary(kv => kv.Key, kv => Math.Max(0, kv.Value) - list.Where(a => a.Key.Equals(kv.Key)).Sum(a => a.AmountQepik));
        var credit = payments.Where(p => !p.Reversed).Sum(p => p.AmountQepik) - list.Where(a => byPaymentLive(a.PaymentId)).Sum(a => a.AmountQepik);
        return (outstanding, credit);

        bool byPaymentLive(long id) => payments.Any(p => p.PaymentId == id && !p.Reversed);
    }
}

/// <summary>
/// Interest on arrears (FL 7.1.11; the rate and the one-year limit are the Tax Code's, not the seeds': parameters
/// TAX.INTEREST.DAY.PCT and TAX.INTEREST.MAX.DAYS).
/// </summary>
public static class ArrearsInterest
{
    /// <summary>
    /// Interest on one item as of <paramref name="asOf"/>: for every day after the last day to pay, the amount still unpaid
    /// at the end of that day times the day's rate (percent per day), for at most <paramref name="maxDays"/> days of delay.
    /// A payment on a day counts for that day. Rounded once, to the qəpik.
    /// </summary>
    /// <param name="paid">Money booked to the item, by the day it was paid.</param>
    [Law("FL 7.1.11")]
    public static Money Accrued(long dueQepik, DateOnly lastDayToPay, IEnumerable<(DateOnly On, long Qepik)> paid, DateOnly asOf,
        Func<DateOnly, decimal> percentPerDay, int maxDays)
    {
        if (dueQepik <= 0 || asOf <= lastDayToPay || maxDays <= 0) return Money.Zero;
        var events = paid.OrderBy(p => p.On).ToList();
        var outstanding = dueQepik;
        var e = 0;
        // Payments on or before the last day reduce the amount before any interest.
        while (e < events.Count && events[e].On <= lastDayToPay) outstanding -= events[e++].Qepik;
        var sum = 0m;
        var day = lastDayToPay.AddDays(1);
        for (var n = 0; n < maxDays && day <= asOf; n++, day = day.AddDays(1))
        {
            while (e < events.Count && events[e].On <= day) outstanding -= events[e++].Qepik;
            if (outstanding <= 0) break;
            sum += outstanding * percentPerDay(day) / 100m;
        }
        return Money.Manat(sum / 100m);
    }

    /// <summary>Days an item has been overdue on <paramref name="asOf"/> (0 when not overdue).</summary>
    public static int DaysOverdue(DateOnly lastDayToPay, DateOnly asOf) => Math.Max(0, asOf.DayNumber - lastDayToPay.DayNumber);

    /// <summary>The ageing bucket of an overdue amount: 1-30, 31-90, 91-180, 181-365 days, or more than a year.</summary>
    public static AgeingBucket Bucket(int daysOverdue) => daysOverdue switch
    {
        <= 0 => AgeingBucket.NotDue,
        <= 30 => AgeingBucket.UpTo30,
        <= 90 => AgeingBucket.UpTo90,
        <= 180 => AgeingBucket.UpTo180,
        <= 365 => AgeingBucket.UpTo365,
        _ => AgeingBucket.OverYear,
    };
}

public enum AgeingBucket { NotDue = 0, UpTo30 = 1, UpTo90 = 2, UpTo180 = 3, UpTo365 = 4, OverYear = 5 }
