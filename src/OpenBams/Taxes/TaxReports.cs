using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Parameters;
using OpenBams.Platform.Search;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>
/// The record that a quarterly collection report (Decree of 4 April 2002, para. 2) was sent to the Ministry of Finance:
/// the day, the outgoing number and the figures as they were sent (frozen JSON). A later correction is a new revision.
/// </summary>
public sealed class TaxReportSubmission : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    /// <summary>1 for the report, 2… for corrected reports sent later.</summary>
    public int Revision { get; set; }
    public DateOnly SentOn { get; set; }
    /// <summary>The report's due day when it was sent (the parameter may change later).</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>The outgoing letter's number, or the Ministry's receipt.</summary>
    public string? Reference { get; set; }
    public string? Note { get; set; }
    /// <summary>The <see cref="QuarterlyReport"/> as sent, JSON.</summary>
    public required string Content { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

public sealed record CollectionTaxRow(LocalTax Tax, string TaxName, string RevenueClass, Money Charged, Money Collected, Money Outstanding);

/// <summary>One period: what fell due (charged), what was booked to items (collected), all money received, and what was still owed at its end.</summary>
public sealed record CollectionPeriodRow(string Label, DateOnly Start, DateOnly End, Money Charged, Money Collected, Money Received, Money Outstanding,
    IReadOnlyList<CollectionTaxRow> Taxes);

public sealed record CollectionReport(int MunicipalityId, string Municipality, DateOnly From, DateOnly To, ReportPeriod Period,
    IReadOnlyList<CollectionPeriodRow> Periods, IReadOnlyList<CollectionTaxRow> Taxes, Money Charged, Money Collected, Money Received, Money Outstanding);

/// <summary>A taxpayer's overdue debt on a day, by ageing bucket, with the interest accrued and not yet charged.</summary>
public sealed record ArrearsRow(int TaxpayerId, string Name, string? Identifier, TaxpayerKind Kind, Money Outstanding, Money Interest,
    Money UpTo30, Money UpTo90, Money UpTo180, Money UpTo365, Money OverYear, int Items, int MaxDaysOverdue, DateOnly OldestDueOn);

public sealed record ArrearsBucketTotal(AgeingBucket Bucket, string Label, int Taxpayers, int Items, Money Outstanding, Money Interest);

/// <param name="PersonsHidden">The reader is a national role: totals only, no taxpayer (TAX-REG 3.1.10).</param>
public sealed record ArrearsReport(int MunicipalityId, DateOnly AsOf, IReadOnlyList<ArrearsBucketTotal> Buckets, int Taxpayers, int Items,
    Money Outstanding, Money Interest, bool PersonsHidden, PageOf<ArrearsRow> Page);

public enum QuarterState
{
    /// <summary>The quarter has not ended.</summary>
    InProgress = 0,
    /// <summary>Ended, not sent, still within the due day.</summary>
    Due = 1,
    /// <summary>Not sent and the due day has passed.</summary>
    Overdue = 2,
    Sent = 3,
    SentLate = 4,
}

public sealed record QuarterlyRow(LocalTax Tax, string TaxName, string RevenueClass, Money Assessed, Money Collected, Money Arrears, int TaxpayersInArrears);

/// <summary>
/// The quarterly collection report to the Ministry of Finance (Decree of 4 April 2002 para. 2): per tax what was assessed
/// (fell due) and collected in the quarter, the arrears at its end and how many taxpayers owe them.
/// </summary>
public sealed record QuarterlyReport(int MunicipalityId, string Municipality, int Year, int Quarter, DateOnly Start, DateOnly End, DateOnly ArrearsAsOf,
    bool Provisional, DateOnly DueOn, string DueExplanation, int DaysAfterQuarter, QuarterState State, DateOnly? SentOn, string? SentReference,
    int Revisions, IReadOnlyList<QuarterlyRow> Rows, Money Assessed, Money Collected, Money Received, Money Arrears, int TaxpayersInArrears,
    string Citation, DateTime ComputedAt);

public sealed record QuarterStatus(int Year, int Quarter, DateOnly Start, DateOnly End, DateOnly DueOn, string DueExplanation, QuarterState State,
    DateOnly? SentOn, string? Reference, int Revisions);

/// <summary>Recording that the quarterly report was sent; <see cref="Corrects"/> to record a corrected report after the first.</summary>
public sealed record QuarterlySent(int Year, int Quarter, DateOnly? SentOn, string? Reference, string? Note, bool Corrects = false);

public sealed record NationalRow(int MunicipalityId, string Municipality, string Region, Money Charged, Money Collected, Money Arrears, int TaxpayersInArrears);

/// <summary>Per municipality: charged and collected in the year, arrears on <see cref="ArrearsAsOf"/>. Aggregates only.</summary>
public sealed record NationalCollectionReport(int Year, DateOnly ArrearsAsOf, int Municipalities, Money Charged, Money Collected, Money Arrears,
    int TaxpayersInArrears, PageOf<NationalRow> Page);

/// <summary>
/// The taxes reports, computed in the database with GROUP BY and streamed, never by loading a municipality's accounts:
/// the open items of every account are the charges summed by (taxpayer, tax, year, period, instalment) minus the
/// allocations booked to them (the same rule as <see cref="Ledger"/>), and only the overdue ones come back to memory.
/// </summary>
public static class TaxReports
{
    public const string QuarterlyCitation = "LTP-DECREE 2";

    public static string TaxName(LocalTax tax, string lang)
    {
        var n = LocalTaxes.Name(tax);
        return lang == "en" ? n.En : n.Az;
    }

    public static string BucketLabel(AgeingBucket b, string lang) => b switch
    {
        AgeingBucket.UpTo30 => lang == "en" ? "1-30 days" : "1-30 gün",
        AgeingBucket.UpTo90 => lang == "en" ? "31-90 days" : "31-90 gün",
        AgeingBucket.UpTo180 => lang == "en" ? "91-180 days" : "91-180 gün",
        AgeingBucket.UpTo365 => lang == "en" ? "181-365 days" : "181-365 gün",
        AgeingBucket.OverYear => lang == "en" ? "over 1 year" : "1 ildən çox",
        _ => lang == "en" ? "not due" : "vaxtı çatmayıb",
    };

    public static readonly AgeingBucket[] Buckets = [AgeingBucket.UpTo30, AgeingBucket.UpTo90, AgeingBucket.UpTo180, AgeingBucket.UpTo365, AgeingBucket.OverYear];

    /// <summary>"1-30", "31-90", "91-180", "181-365", "365+" or the enum's name; null when empty; an error names the field.</summary>
    public static AgeingBucket? ParseBucket(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        AgeingBucket? b = t switch
        {
            "1-30" or "30" => AgeingBucket.UpTo30,
            "31-90" or "90" => AgeingBucket.UpTo90,
            "91-180" or "180" => AgeingBucket.UpTo180,
            "181-365" or "365" => AgeingBucket.UpTo365,
            "365+" or ">365" or "366" or "over1y" => AgeingBucket.OverYear,
            _ => Enum.TryParse<AgeingBucket>(t, true, out var e) && e != AgeingBucket.NotDue && Enum.IsDefined(e) ? e : null,
        };
        return b ?? throw new InputError("bucket", new Text("Yaşlanma qrupu: 1-30, 31-90, 91-180, 181-365 və ya 365+",
            "The ageing bucket is one of 1-30, 31-90, 91-180, 181-365 or 365+"), StatusCodes.Status400BadRequest);
    }

    public static ReportPeriod ParsePeriod(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        null or "" or "month" or "ay" => ReportPeriod.Month,
        "quarter" or "rüb" or "rub" => ReportPeriod.Quarter,
        "year" or "il" => ReportPeriod.Year,
        _ => throw new InputError("period", new Text("Dövr: month, quarter və ya year", "The period is month, quarter or year"), StatusCodes.Status400BadRequest),
    };

    public static DateOnly? ParseDate(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null
        : Fmt.TryParseDate(s, out var d) ? d
        : throw new InputError(field, T.BadDate, StatusCodes.Status400BadRequest);

    private static async Task<string> MunicipalityNameAsync(AppDb db, int m, CancellationToken ct) =>
        await db.Municipalities.AsNoTracking().Where(x => x.Id == m).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";

    // ---------------------------------------------------------------- collection by tax and period

    /// <summary>The most periods one report may have (ten years by month).</summary>
    public const int MaxPeriods = 120;

    public static async Task<CollectionReport> CollectionAsync(AppDb db, int m, DateOnly from, DateOnly to, ReportPeriod period, string lang,
        CancellationToken ct = default)
    {
        if (to < from) throw new InputError("to", new Text("Son tarix başlanğıcdan əvvəl ola bilməz", "The end date cannot be before the start"));
        var spans = TaxReporting.Periods(from, to, period);
        if (spans.Count > MaxPeriods)
            throw new InputError("to", new Text($"Hesabat ən çox {MaxPeriods} dövrü əhatə edir", $"A report covers at most {MaxPeriods} periods"));

        var charged = await db.TaxCharges.AsNoTracking().Where(c => c.MunicipalityId == m && c.DueOn >= from && c.DueOn <= to)
            .GroupBy(c => new { c.Tax, c.DueOn }).Select(g => new { g.Key.Tax, Day = g.Key.DueOn, Qepik = g.Sum(c => c.AmountQepik) }).ToListAsync(ct);
        var collected = await db.PaymentAllocations.AsNoTracking().Where(a => a.MunicipalityId == m && a.On >= from && a.On <= to)
            .GroupBy(a => new { a.Tax, a.On }).Select(g => new { g.Key.Tax, Day = g.Key.On, Qepik = g.Sum(a => a.AmountQepik) }).ToListAsync(ct);
        var received = await db.Payments.AsNoTracking().Where(p => p.MunicipalityId == m && p.Status == PaymentStatus.Posted && p.PaidOn >= from && p.PaidOn <= to)
            .GroupBy(p => new { p.PaidOn, Voluntary = p.ProjectId != null }).Select(g => new { Day = g.Key.PaidOn, g.Key.Voluntary, Qepik = g.Sum(p => p.AmountQepik) })
            .ToListAsync(ct);
        var (dues, paid) = await OutstandingBasisAsync(db, m, from, to, ct);

        int Index(DateOnly d)
        {
            for (var i = 0; i < spans.Count; i++) if (d <= spans[i].End) return i;
            return spans.Count - 1;
        }

        var taxes = charged.Select(c => c.Tax).Concat(collected.Select(c => c.Tax)).Concat(dues.Select(d => (LocalTax)d.Tax))
            .Concat(received.Any(r => r.Voluntary) ? new[] { LocalTax.VoluntaryPayment } : []).Distinct().Order().ToList();
        var cell = new Dictionary<(int Span, LocalTax Tax), (long Charged, long Collected)>();
        void Add(int s, LocalTax t, long ch, long co)
        {
            var v = cell.GetValueOrDefault((s, t));
            cell[(s, t)] = (v.Charged + ch, v.Collected + co);
        }
        foreach (var c in charged) Add(Index(c.Day), c.Tax, c.Qepik, 0);
        foreach (var c in collected) Add(Index(c.Day), c.Tax, 0, c.Qepik);
        // LTP 3.5: a voluntary payment is earmarked money, collected when received; it pays no charge.
        foreach (var r in received.Where(r => r.Voluntary)) Add(Index(r.Day), LocalTax.VoluntaryPayment, 0, r.Qepik);
        var receivedBySpan = new long[spans.Count];
        foreach (var r in received) receivedBySpan[Index(r.Day)] += r.Qepik;

        // Owed at a period's end E: every item due by E, less what was booked to those items by E.
        long OutstandingAt(LocalTax tax, DateOnly end) =>
            dues.Where(d => d.Tax == (int)tax && d.DueOn <= end).Sum(d => d.Qepik)
            - paid.Where(p => p.Tax == (int)tax && p.DueOn <= end && p.On <= end).Sum(p => p.Qepik);

        var rows = new List<CollectionPeriodRow>();
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            var taxRows = taxes.Select(t =>
            {
                var v = cell.GetValueOrDefault((i, t));
                return new CollectionTaxRow(t, TaxName(t, lang), LocalTaxes.RevenueClass(t).ToString(), Money.FromQepik(v.Charged), Money.FromQepik(v.Collected),
                    Money.FromQepik(OutstandingAt(t, s.End)));
            }).ToList();
            rows.Add(new CollectionPeriodRow(s.Label, s.Start, s.End, Sum(taxRows, r => r.Charged), Sum(taxRows, r => r.Collected),
                Money.FromQepik(receivedBySpan[i]), Sum(taxRows, r => r.Outstanding), taxRows));
        }
        var totals = taxes.Select(t => new CollectionTaxRow(t, TaxName(t, lang), LocalTaxes.RevenueClass(t).ToString(),
            Sum(rows, r => r.Taxes.First(x => x.Tax == t).Charged), Sum(rows, r => r.Taxes.First(x => x.Tax == t).Collected),
            Money.FromQepik(OutstandingAt(t, to)))).ToList();
        return new CollectionReport(m, await MunicipalityNameAsync(db, m, ct), from, to, period, rows, totals, Sum(totals, t => t.Charged),
            Sum(totals, t => t.Collected), Sum(rows, r => r.Received), Sum(totals, t => t.Outstanding));
    }

    private static Money Sum<T>(IEnumerable<T> list, Func<T, Money> f) => list.Aggregate(Money.Zero, (s, x) => s + f(x));

    internal sealed class DueRow
    {
        public int Tax { get; set; }
        public DateOnly DueOn { get; set; }
        public long Qepik { get; set; }
    }

    internal sealed class PaidByDueRow
    {
        public int Tax { get; set; }
        public DateOnly DueOn { get; set; }
        public DateOnly On { get; set; }
        public long Qepik { get; set; }
    }

    /// <summary>An item of an account: the charges of one taxpayer's (tax, year, period, instalment), due on the earliest of their days.</summary>
    private const string ItemColumns = "\"TaxpayerId\", \"Tax\", \"Year\", \"Period\", \"Instalment\"";

    private const string ItemJoin = "p.\"TaxpayerId\" = i.\"TaxpayerId\" AND p.\"Tax\" = i.\"Tax\" AND p.\"Year\" = i.\"Year\" AND p.\"Period\" = i.\"Period\" AND p.\"Instalment\" = i.\"Instalment\"";

    /// <summary>
    /// What the outstanding amounts at any period end are made of, in two small tables: items' positive dues by tax and due
    /// day, and allocations by tax, item due day and booking day. Days before <paramref name="from"/> are folded into its eve,
    /// so the tables grow with the days of the range, not with the accounts.
    /// </summary>
    private static async Task<(List<DueRow> Dues, List<PaidByDueRow> Paid)> OutstandingBasisAsync(AppDb db, int m, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var eve = from.AddDays(-1);
        var dues = await db.Database.SqlQueryRaw<DueRow>($$"""
            SELECT x."Tax", x."DueOn", CAST(SUM(x."Qepik") AS BIGINT) AS "Qepik"
            FROM (SELECT i."Tax", CASE WHEN i."DueOn" < {1} THEN {2} ELSE i."DueOn" END AS "DueOn", i."Qepik"
                  FROM (SELECT {{ItemColumns}}, MIN("DueOn") AS "DueOn", SUM("AmountQepik") AS "Qepik"
                        FROM "TaxCharges" WHERE "MunicipalityId" = {0}
                        GROUP BY {{ItemColumns}}
                        HAVING MIN("DueOn") <= {3} AND SUM("AmountQepik") > 0) i) x
            GROUP BY x."Tax", x."DueOn"
            """, m, from, eve, to).ToListAsync(ct);
        var paid = await db.Database.SqlQueryRaw<PaidByDueRow>($$"""
            SELECT x."Tax", x."DueOn", x."On", CAST(SUM(x."Qepik") AS BIGINT) AS "Qepik"
            FROM (SELECT p."Tax", CASE WHEN i."DueOn" < {1} THEN {2} ELSE i."DueOn" END AS "DueOn",
                         CASE WHEN p."On" < {1} THEN {2} ELSE p."On" END AS "On", p."AmountQepik" AS "Qepik"
                  FROM "PaymentAllocations" p
                  JOIN (SELECT {{ItemColumns}}, MIN("DueOn") AS "DueOn" FROM "TaxCharges" WHERE "MunicipalityId" = {0} GROUP BY {{ItemColumns}}) i
                    ON {{ItemJoin}}
                  WHERE p."MunicipalityId" = {0} AND p."On" <= {3} AND i."DueOn" <= {3}) x
            GROUP BY x."Tax", x."DueOn", x."On"
            """, m, from, eve, to).ToListAsync(ct);
        return (dues, paid);
    }

    // ---------------------------------------------------------------- arrears with ageing

    internal sealed class ItemEventRow
    {
        public int TaxpayerId { get; set; }
        public int Tax { get; set; }
        public int Year { get; set; }
        public int Period { get; set; }
        public int Instalment { get; set; }
        public DateOnly DueOn { get; set; }
        public long DueQepik { get; set; }
        public DateOnly? PaidOn { get; set; }
        public long? PaidQepik { get; set; }
    }

    /// <summary>One overdue item still owed on the as-of day, with what was paid on it by day.</summary>
    public sealed record OverdueItem(int TaxpayerId, DueKey Key, DateOnly DueOn, DateOnly LastDayToPay, int DaysOverdue, long OutstandingQepik, Money Interest);

    /// <summary>
    /// Streams the items overdue on <paramref name="asOf"/> (last day to pay before it) and still owed, ordered by taxpayer,
    /// with the interest accrued on each (FL 7.1.11; interest is not charged on interest). The database groups charges and
    /// allocations per item and day; memory holds one item at a time.
    /// </summary>
    public static async IAsyncEnumerable<OverdueItem> OverdueItemsAsync(AppDb db, int m, DateOnly asOf, Ledger.Rules rules,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var threshold = TaxReporting.LatestOverdueDueDay(rules.Calendar, asOf);
        var table = new ArrearsInterestTable(asOf, rules.PercentOn, rules.InterestMaxDays);
        var lastDays = new Dictionary<DateOnly, DateOnly>();
        var rows = db.Database.SqlQueryRaw<ItemEventRow>($$"""
            SELECT i."TaxpayerId", i."Tax", i."Year", i."Period", i."Instalment", i."DueOn", i."DueQepik", p."On" AS "PaidOn", p."Qepik" AS "PaidQepik"
            FROM (SELECT {{ItemColumns}}, MIN("DueOn") AS "DueOn", CAST(SUM("AmountQepik") AS BIGINT) AS "DueQepik"
                  FROM "TaxCharges" WHERE "MunicipalityId" = {0}
                  GROUP BY {{ItemColumns}}
                  HAVING MIN("DueOn") <= {1} AND SUM("AmountQepik") > 0) i
            LEFT JOIN (SELECT {{ItemColumns}}, "On", CAST(SUM("AmountQepik") AS BIGINT) AS "Qepik"
                       FROM "PaymentAllocations" WHERE "MunicipalityId" = {0} AND "On" <= {2}
                       GROUP BY {{ItemColumns}}, "On") p
              ON {{ItemJoin}}
            ORDER BY i."TaxpayerId", i."Tax", i."Year", i."Period", i."Instalment", p."On"
            """, m, threshold, asOf).AsAsyncEnumerable();

        ItemEventRow? current = null;
        var events = new List<(DateOnly On, long Qepik)>();
        OverdueItem? Finish()
        {
            if (current is null) return null;
            var paidQepik = events.Sum(e => e.Qepik);
            var open = current.DueQepik - paidQepik;
            if (open <= 0) return null;
            if (!lastDays.TryGetValue(current.DueOn, out var last))
                lastDays[current.DueOn] = last = TaxCalendar.LastDayToPay(rules.Calendar, current.DueOn);
            var tax = (LocalTax)current.Tax;
            var interest = tax == LocalTax.InterestOnArrears ? Money.Zero : table.Accrued(current.DueQepik, last, events);
            return new OverdueItem(current.TaxpayerId, new DueKey(tax, current.Year, current.Period, current.Instalment), current.DueOn, last,
                ArrearsInterest.DaysOverdue(last, asOf), open, interest);
        }

        await foreach (var r in rows.WithCancellation(ct))
        {
            if (current is null || r.TaxpayerId != current.TaxpayerId || r.Tax != current.Tax || r.Year != current.Year || r.Period != current.Period
                || r.Instalment != current.Instalment)
            {
                if (Finish() is { } done) yield return done;
                current = r;
                events = [];
            }
            if (r.PaidOn is { } on && r.PaidQepik is { } q && q != 0) events.Add((on, q));
        }
        if (Finish() is { } last2) yield return last2;
    }

    private sealed class Debtor(int id)
    {
        public int Id { get; } = id;
        public readonly long[] Buckets = new long[6];
        public long Total;
        public Money Interest = Money.Zero;
        public int Items;
        public int MaxDays;
        public DateOnly Oldest = DateOnly.MaxValue;
    }

    private sealed record ArrearsData(DateOnly AsOf, List<Debtor> Debtors, IReadOnlyList<ArrearsBucketTotal> Buckets, int Items, Money Outstanding, Money Interest);

    private static async Task<ArrearsData> ComputeArrearsAsync(AppDb db, int m, DateOnly asOf, DateOnly today, string lang, CancellationToken ct)
    {
        var rules = await Ledger.Rules.LoadAsync(db, today, ct);
        var debtors = new List<Debtor>();
        Debtor? d = null;
        var bucketTotals = new long[6];
        var bucketInterest = new Money[6];
        var bucketItems = new int[6];
        var bucketPeople = new int[6];
        void Close()
        {
            if (d is null) return;
            for (var b = 0; b < 6; b++) if (d.Buckets[b] > 0) bucketPeople[b]++;
        }
        await foreach (var item in OverdueItemsAsync(db, m, asOf, rules, ct))
        {
            if (d is null || d.Id != item.TaxpayerId)
            {
                Close();
                d = new Debtor(item.TaxpayerId);
                debtors.Add(d);
            }
            var b = (int)ArrearsInterest.Bucket(item.DaysOverdue);
            d.Buckets[b] += item.OutstandingQepik;
            d.Total += item.OutstandingQepik;
            d.Interest += item.Interest;
            d.Items++;
            d.MaxDays = Math.Max(d.MaxDays, item.DaysOverdue);
            if (item.DueOn < d.Oldest) d.Oldest = item.DueOn;
            bucketTotals[b] += item.OutstandingQepik;
            bucketInterest[b] += item.Interest;
            bucketItems[b]++;
        }
        Close();
        var buckets = Buckets.Select(b => new ArrearsBucketTotal(b, BucketLabel(b, lang), bucketPeople[(int)b], bucketItems[(int)b],
            Money.FromQepik(bucketTotals[(int)b]), bucketInterest[(int)b])).ToList();
        return new ArrearsData(asOf, debtors, buckets, bucketItems.Sum(), Money.FromQepik(bucketTotals.Sum()), bucketInterest.Aggregate(Money.Zero, (s, x) => s + x));
    }

    /// <summary>The taxpayers matching a search, by folded name, FIN or VÖEN; null when there is no search.</summary>
    private static async Task<HashSet<int>?> MatchingAsync(AppDb db, int m, string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return null;
        var text = q.Trim();
        var folded = "%" + Like(SpellingFold.Fold(text)) + "%";
        var lower = "%" + Like(text.ToLowerInvariant()) + "%";
        var upper = text.ToUpperInvariant();
        var ids = await db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == m && (EF.Functions.Like(t.SearchKey, folded, "\\")
                || EF.Functions.Like(t.SearchKey, lower, "\\") || t.PersonalId == upper || t.TaxId == text))
            .Select(t => t.Id).ToListAsync(ct);
        return ids.ToHashSet();
    }

    private static string Like(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static IEnumerable<Debtor> Filter(IEnumerable<Debtor> debtors, AgeingBucket? bucket, HashSet<int>? matching) =>
        debtors.Where(x => (bucket is null || x.Buckets[(int)bucket] > 0) && (matching is null || matching.Contains(x.Id)))
            .OrderByDescending(x => bucket is { } b ? x.Buckets[(int)b] : x.Total).ThenBy(x => x.Id);

    private static async Task<List<ArrearsRow>> RowsAsync(AppDb db, IReadOnlyList<Debtor> page, CancellationToken ct)
    {
        var ids = page.Select(p => p.Id).ToList();
        var people = await db.Taxpayers.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Kind, t.PersonalId, t.TaxId }).ToDictionaryAsync(t => t.Id, ct);
        return page.Select(x =>
        {
            var p = people.GetValueOrDefault(x.Id);
            return new ArrearsRow(x.Id, p?.Name ?? "", p is null ? null : p.Kind == TaxpayerKind.LegalPerson ? p.TaxId : p.PersonalId ?? p.TaxId,
                p?.Kind ?? TaxpayerKind.NaturalPerson, Money.FromQepik(x.Total), x.Interest,
                Money.FromQepik(x.Buckets[1]), Money.FromQepik(x.Buckets[2]), Money.FromQepik(x.Buckets[3]), Money.FromQepik(x.Buckets[4]), Money.FromQepik(x.Buckets[5]),
                x.Items, x.MaxDays, x.Oldest);
        }).ToList();
    }

    public static async Task<ArrearsReport> ArrearsAsync(AppDb db, TaxActor actor, DateOnly asOf, AgeingBucket? bucket, string? q, int? page, int? pageSize,
        DateOnly today, string lang, CancellationToken ct = default)
    {
        var m = actor.MunicipalityId;
        var data = await ComputeArrearsAsync(db, m, asOf, today, lang, ct);
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var hidden = !actor.ReadsRegister;
        PageOf<ArrearsRow> rows;
        if (hidden) rows = new PageOf<ArrearsRow>(0, p, size, []);
        else
        {
            var list = Filter(data.Debtors, bucket, await MatchingAsync(db, m, q, ct)).ToList();
            rows = new PageOf<ArrearsRow>(list.Count, p, size, await RowsAsync(db, list.Skip(skip).Take(size).ToList(), ct));
        }
        return new ArrearsReport(m, asOf, data.Buckets, data.Debtors.Count, data.Items, data.Outstanding, data.Interest, hidden, rows);
    }

    /// <summary>Every matching debtor for an export, sorted by amount, names fetched a thousand at a time; bucket totals for national readers.</summary>
    public static async Task<(ArrearsReport Summary, IAsyncEnumerable<ArrearsRow> Rows)> ArrearsExportAsync(AppDb db, TaxActor actor, DateOnly asOf,
        AgeingBucket? bucket, string? q, DateOnly today, string lang, CancellationToken ct = default)
    {
        var m = actor.MunicipalityId;
        var data = await ComputeArrearsAsync(db, m, asOf, today, lang, ct);
        var hidden = !actor.ReadsRegister;
        var list = hidden ? [] : Filter(data.Debtors, bucket, await MatchingAsync(db, m, q, ct)).ToList();
        var summary = new ArrearsReport(m, asOf, data.Buckets, data.Debtors.Count, data.Items, data.Outstanding, data.Interest, hidden,
            new PageOf<ArrearsRow>(list.Count, 1, list.Count, []));
        return (summary, Stream());

        async IAsyncEnumerable<ArrearsRow> Stream()
        {
            foreach (var chunk in list.Chunk(1000))
                foreach (var r in await RowsAsync(db, chunk, ct))
                    yield return r;
        }
    }

    // ---------------------------------------------------------------- open items in aggregate (quarterly, national)

    internal sealed class OpenSumRow
    {
        public int MunicipalityId { get; set; }
        public int Tax { get; set; }
        public long Qepik { get; set; }
        public long Taxpayers { get; set; }
    }

    /// <summary>
    /// Arrears on <paramref name="asOf"/> summed in the database by municipality (and by tax when <paramref name="byTax"/>),
    /// with the number of distinct taxpayers owing them.
    /// </summary>
    private static async Task<List<OpenSumRow>> ArrearsSumsAsync(AppDb db, int? m, DateOnly asOf, WorkingCalendar calendar, bool byTax, CancellationToken ct)
    {
        var threshold = TaxReporting.LatestOverdueDueDay(calendar, asOf);
        var scope = m is null ? "" : "AND \"MunicipalityId\" = {2}";
        var group = byTax ? "o.\"MunicipalityId\", o.\"Tax\"" : "o.\"MunicipalityId\"";
        var tax = byTax ? "o.\"Tax\"" : "0";
        var sql = $$"""
            SELECT o."MunicipalityId", {{tax}} AS "Tax", CAST(SUM(o."Qepik") AS BIGINT) AS "Qepik", COUNT(DISTINCT o."TaxpayerId") AS "Taxpayers"
            FROM (SELECT i."MunicipalityId", i."TaxpayerId", i."Tax", i."DueQepik" - COALESCE(p."Qepik", 0) AS "Qepik"
                  FROM (SELECT "MunicipalityId", {{ItemColumns}}, SUM("AmountQepik") AS "DueQepik"
                        FROM "TaxCharges" WHERE 1 = 1 {{scope}}
                        GROUP BY "MunicipalityId", {{ItemColumns}}
                        HAVING MIN("DueOn") <= {0} AND SUM("AmountQepik") > 0) i
                  LEFT JOIN (SELECT {{ItemColumns}}, SUM("AmountQepik") AS "Qepik"
                             FROM "PaymentAllocations" WHERE "On" <= {1} {{scope}}
                             GROUP BY {{ItemColumns}}) p
                    ON {{ItemJoin}}) o
            WHERE o."Qepik" > 0
            GROUP BY {{group}}
            """;
        object[] args = m is null ? [threshold, asOf] : [threshold, asOf, m.Value];
        return await db.Database.SqlQueryRaw<OpenSumRow>(sql, args).ToListAsync(ct);
    }

    // ---------------------------------------------------------------- the quarterly report (Decree of 4 April 2002 para. 2)

    private static int DaysFor(ParameterTimeline timeline, int year, int quarter) => (int)(timeline.On(TaxReporting.QuarterEnd(year, quarter))?.Value ?? 20m);

    private static QuarterState StateOf(DateOnly today, DateOnly end, DateOnly due, DateOnly? sentOn) =>
        sentOn is { } s ? (s <= due ? QuarterState.Sent : QuarterState.SentLate)
        : today <= end ? QuarterState.InProgress
        : today > due ? QuarterState.Overdue : QuarterState.Due;

    public static void CheckQuarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new InputError("quarter", new Text("Rüb 1-dən 4-dək olmalıdır", "The quarter is 1 to 4"), StatusCodes.Status400BadRequest);
        if (year is < 2000 or > 2100) throw new InputError("year", new Text("İl 2000-2100 aralığında olmalıdır", "The year is between 2000 and 2100"), StatusCodes.Status400BadRequest);
    }

    /// <summary>The quarters of a year with their due days and whether each report was sent in time.</summary>
    public static async Task<IReadOnlyList<QuarterStatus>> QuartersAsync(AppDb db, int m, int year, DateOnly today, string lang, CancellationToken ct = default)
    {
        CheckQuarter(year, 1);
        var timeline = await LegalParameters.TimelineAsync(db, TaxParameters.QuarterlyReportDays, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, year, year + 1, ct);
        var sent = await db.Set<TaxReportSubmission>().AsNoTracking().Where(s => s.MunicipalityId == m && s.Year == year)
            .Select(s => new { s.Quarter, s.Revision, s.SentOn, s.Reference }).ToListAsync(ct);
        return Enumerable.Range(1, 4).Select(q =>
        {
            var due = TaxReporting.QuarterlyReportDue(calendar, year, q, DaysFor(timeline, year, q));
            var first = sent.Where(s => s.Quarter == q).OrderBy(s => s.Revision).FirstOrDefault();
            var latest = sent.Where(s => s.Quarter == q).OrderByDescending(s => s.Revision).FirstOrDefault();
            var end = TaxReporting.QuarterEnd(year, q);
            return new QuarterStatus(year, q, TaxReporting.QuarterStart(year, q), end, due.Due, due.Explain(lang), StateOf(today, end, due.Due, first?.SentOn),
                first?.SentOn, latest?.Reference, sent.Count(s => s.Quarter == q));
        }).ToList();
    }

    public static async Task<QuarterlyReport> QuarterlyAsync(AppDb db, int m, int year, int quarter, DateOnly today, string lang, CancellationToken ct = default)
    {
        CheckQuarter(year, quarter);
        var start = TaxReporting.QuarterStart(year, quarter);
        var end = TaxReporting.QuarterEnd(year, quarter);
        var timeline = await LegalParameters.TimelineAsync(db, TaxParameters.QuarterlyReportDays, ct);
        var days = DaysFor(timeline, year, quarter);
        var calendar = await WorkingCalendars.LoadAsync(db, year - 1, year + 1, ct);
        var due = TaxReporting.QuarterlyReportDue(calendar, year, quarter, days);
        var collection = await CollectionAsync(db, m, start, end, ReportPeriod.Quarter, lang, ct);
        // A quarter still running reports its arrears as of today (provisional).
        var asOf = end < today ? end : today;
        var byTax = await ArrearsSumsAsync(db, m, asOf, calendar, byTax: true, ct);
        var all = await ArrearsSumsAsync(db, m, asOf, calendar, byTax: false, ct);
        var taxes = collection.Taxes.Select(t => t.Tax).Concat(byTax.Select(r => (LocalTax)r.Tax)).Distinct().Order().ToList();
        var rows = taxes.Select(t =>
        {
            var c = collection.Taxes.FirstOrDefault(x => x.Tax == t);
            var a = byTax.FirstOrDefault(x => x.Tax == (int)t);
            return new QuarterlyRow(t, TaxName(t, lang), LocalTaxes.RevenueClass(t).ToString(), c?.Charged ?? Money.Zero, c?.Collected ?? Money.Zero,
                Money.FromQepik(a?.Qepik ?? 0), (int)(a?.Taxpayers ?? 0));
        }).ToList();
        var sent = await db.Set<TaxReportSubmission>().AsNoTracking().Where(s => s.MunicipalityId == m && s.Year == year && s.Quarter == quarter)
            .OrderBy(s => s.Revision).Select(s => new { s.SentOn, s.Reference }).ToListAsync(ct);
        return new QuarterlyReport(m, collection.Municipality, year, quarter, start, end, asOf, end >= today, due.Due, due.Explain(lang), days,
            StateOf(today, end, due.Due, sent.FirstOrDefault()?.SentOn), sent.FirstOrDefault()?.SentOn, sent.LastOrDefault()?.Reference, sent.Count, rows,
            Sum(rows, r => r.Assessed), Sum(rows, r => r.Collected), collection.Received, Sum(rows, r => r.Arrears), (int)(all.FirstOrDefault()?.Taxpayers ?? 0),
            QuarterlyCitation, DateTime.UtcNow);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>
    /// The figures as they were sent (the latest revision), as the JSON frozen then (Money has no setter to read it back
    /// into, and a frozen record is served as it was); null when the quarter's report was not recorded as sent.
    /// </summary>
    public static async Task<string?> AsSentAsync(AppDb db, int m, int year, int quarter, CancellationToken ct = default)
    {
        CheckQuarter(year, quarter);
        return await db.Set<TaxReportSubmission>().AsNoTracking().Where(s => s.MunicipalityId == m && s.Year == year && s.Quarter == quarter)
            .OrderByDescending(s => s.Revision).Select(s => s.Content).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Records that the quarter's report was sent to the Ministry of Finance, freezing its figures. Only after the quarter
    /// has ended, never in the future; a second record is refused unless it is a corrected report.
    /// </summary>
    public static async Task<QuarterStatus> RecordSentAsync(AppDb db, TaxActor actor, QuarterlySent body, DateOnly today, string lang, CancellationToken ct = default)
    {
        if (!actor.ReadsRegister)
            throw new NotPermitted(new Text("Hesabatın göndərilməsini bələdiyyənin vergi xidməti, mühasibi və ya sədri qeyd edir",
                "The municipality's tax service, accountant or chairman records that the report was sent"));
        CheckQuarter(body.Year, body.Quarter);
        var m = actor.MunicipalityId;
        var end = TaxReporting.QuarterEnd(body.Year, body.Quarter);
        var sentOn = body.SentOn ?? today;
        if (today <= end || sentOn <= end)
            throw new InputError(today <= end ? "quarter" : "sentOn", new Text($"Rüblük hesabat rüb bitdikdən sonra ({Fmt.Date(end)}) göndərilir",
                $"The quarterly report is sent after the quarter ends ({Fmt.Date(end)})"));
        if (sentOn > today) throw new InputError("sentOn", new Text("Göndərilmə tarixi gələcəkdə ola bilməz", "The day it was sent cannot be in the future"));
        if (body.Reference?.Length > 100) throw new InputError("reference", new Text("Nömrə ən çox 100 simvoldur", "The reference has at most 100 characters"));
        if (body.Note?.Length > 500) throw new InputError("note", new Text("Qeyd ən çox 500 simvoldur", "The note has at most 500 characters"));
        var existing = await db.Set<TaxReportSubmission>().Where(s => s.MunicipalityId == m && s.Year == body.Year && s.Quarter == body.Quarter)
            .OrderByDescending(s => s.Revision).Select(s => new { s.Revision, s.SentOn }).FirstOrDefaultAsync(ct);
        if (existing is not null && !body.Corrects)
            throw new InputError("quarter", new Text($"Bu rübün hesabatı artıq {Fmt.Date(existing.SentOn)} tarixində göndərilib; düzəliş edilmiş hesabat üçün «corrects» seçin",
                $"This quarter's report was already sent on {Fmt.Date(existing.SentOn)}; choose 'corrects' for a corrected report"), StatusCodes.Status409Conflict);
        if (existing is not null && sentOn < existing.SentOn)
            throw new InputError("sentOn", new Text("Düzəliş əvvəlki hesabatdan tez göndərilə bilməz", "A correction cannot be sent before the report it corrects"));
        var report = await QuarterlyAsync(db, m, body.Year, body.Quarter, today, "az", ct);
        db.Add(new TaxReportSubmission
        {
            MunicipalityId = m, Year = body.Year, Quarter = body.Quarter, Revision = (existing?.Revision ?? 0) + 1, SentOn = sentOn, DueOn = report.DueOn,
            Reference = string.IsNullOrWhiteSpace(body.Reference) ? null : body.Reference.Trim(), Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            Content = System.Text.Json.JsonSerializer.Serialize(report, Json), RecordedAt = DateTime.UtcNow, RecordedBy = actor.Name,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people recording the same revision at once: the unique index keeps one.
            throw new InputError("quarter", new Text("Bu rübün hesabatı eyni vaxtda qeyd edildi; səhifəni yeniləyin", "The report was recorded at the same time by someone else; reload"),
                StatusCodes.Status409Conflict);
        }
        return (await QuartersAsync(db, m, body.Year, today, lang, ct)).Single(q => q.Quarter == body.Quarter);
    }

    // ---------------------------------------------------------------- national

    /// <summary>National oversight, analysts and administrators; municipal users are refused even for their own municipality.</summary>
    public static void RequireNational(TenantContext tenant)
    {
        if (!tenant.Roles.Any(r => r.MunicipalityId is null && r.Role is Platform.Identity.Role.OversightOfficer or Platform.Identity.Role.NationalAnalyst
                or Platform.Identity.Role.Administrator))
            throw new NotPermitted(new Text("Milli hesabat nəzarət orqanı, analitiklər və inzibatçı üçündür",
                "The national report is for the oversight body, analysts and administrators"));
    }

    public static async Task<(NationalCollectionReport Report, List<NationalRow> All)> NationalAsync(AppDb db, int year, string? q, int? regionId, int? page,
        int? pageSize, DateOnly today, CancellationToken ct = default)
    {
        CheckQuarter(year, 1);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var asOf = to < today ? to : today;
        var charged = await db.TaxCharges.AsNoTracking().Where(c => c.DueOn >= from && c.DueOn <= to)
            .GroupBy(c => c.MunicipalityId).Select(g => new { Id = g.Key, Qepik = g.Sum(c => c.AmountQepik) }).ToDictionaryAsync(x => x.Id, x => x.Qepik, ct);
        var collected = await db.PaymentAllocations.AsNoTracking().Where(a => a.On >= from && a.On <= to)
            .GroupBy(a => a.MunicipalityId).Select(g => new { Id = g.Key, Qepik = g.Sum(a => a.AmountQepik) }).ToDictionaryAsync(x => x.Id, x => x.Qepik, ct);
        var voluntary = await db.Payments.AsNoTracking().Where(p => p.ProjectId != null && p.Status == PaymentStatus.Posted && p.PaidOn >= from && p.PaidOn <= to)
            .GroupBy(p => p.MunicipalityId).Select(g => new { Id = g.Key, Qepik = g.Sum(p => p.AmountQepik) }).ToDictionaryAsync(x => x.Id, x => x.Qepik, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, year - 1, year + 1, ct);
        var arrears = (await ArrearsSumsAsync(db, null, asOf, calendar, byTax: false, ct)).ToDictionary(r => r.MunicipalityId);
        var withData = charged.Keys.Concat(collected.Keys).Concat(voluntary.Keys).Concat(arrears.Keys).ToHashSet();

        var municipalities = db.Municipalities.AsNoTracking().Where(x => x.Status == Registry.MunicipalityStatus.Active || withData.Contains(x.Id));
        if (regionId is { } r) municipalities = municipalities.Where(x => x.RegionId == r);
        var key = Registry.RegisterSearch.NameKey(q); // the name as displayed ("X bələdiyyəsi") finds X
        if (key.Length > 0) municipalities = municipalities.Where(x => EF.Functions.Like(x.SearchKey, "%" + Like(key) + "%", "\\"));
        var list = await municipalities.OrderBy(x => x.Region!.SortOrder).ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Select(x => new { x.Id, x.Name, Region = x.Region!.Name }).ToListAsync(ct);
        var rows = list.Select(x => new NationalRow(x.Id, x.Name, x.Region, Money.FromQepik(charged.GetValueOrDefault(x.Id)),
            Money.FromQepik(collected.GetValueOrDefault(x.Id) + voluntary.GetValueOrDefault(x.Id)), Money.FromQepik(arrears.GetValueOrDefault(x.Id)?.Qepik ?? 0),
            (int)(arrears.GetValueOrDefault(x.Id)?.Taxpayers ?? 0))).ToList();
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var report = new NationalCollectionReport(year, asOf, rows.Count, Sum(rows, x => x.Charged), Sum(rows, x => x.Collected), Sum(rows, x => x.Arrears),
            rows.Sum(x => x.TaxpayersInArrears), new PageOf<NationalRow>(rows.Count, p, size, rows.Skip(skip).Take(size).ToList()));
        return (report, rows);
    }
}
