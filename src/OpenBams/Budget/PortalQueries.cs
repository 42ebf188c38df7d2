using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenBams.Law.Budget;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Budget;

/// <summary>One municipality's figures for a year on the national pages and in the comparison (qəpik).</summary>
public sealed record PortalMunicipalityRow(int MunicipalityId, string Name, int RegionId, string Region, MunicipalityKind Kind, int? Population,
    int? BudgetId, BudgetStatus? Status, long PlannedRevenueQepik, long PlannedExpenditureQepik, long RevenueQepik, long PaidQepik, long CommittedQepik)
{
    public bool HasBudget => BudgetId is not null;
    /// <summary>Per resident in qəpik; null where the registry has no population.</summary>
    public long? PerResident(long qepik) => Population is > 0 ? qepik / Population.Value : null;
}

/// <summary>A line of a revenue class or expenditure area: planned (current appropriation) against executed.</summary>
public sealed record PortalClassRow(BudgetSide Side, string Code, string NameAz, string NameEn, long PlannedQepik, long ExecutedQepik);

/// <summary>The country for one year: only municipalities whose budget is public count (Approved, Closed; published drafts plan, never execute).</summary>
public sealed record PortalNational(int Year, int Municipalities, int WithPublicBudget, long PlannedRevenueQepik, long PlannedExpenditureQepik,
    long RevenueQepik, long PaidQepik, long CommittedQepik, long[] RevenueByMonth, long[] PaidByMonth, IReadOnlyList<PortalClassRow> Classes,
    IReadOnlyList<PortalMunicipalityRow> Rows, DateTime ComputedAt);

public sealed record PortalLine(int Id, BudgetSide Side, string Code, string ClassCode, string ClassNameAz, string ClassNameEn, string Name, LineFunding Funding,
    long ApprovedQepik, long AmendmentsQepik, long ReallocatedInQepik, long ReallocatedOutQepik, long CurrentQepik, long CommittedQepik, long PaidQepik);

/// <summary>Tax collection and arrears of one tax, summed over every taxpayer: no person, no reference, no FIN.</summary>
public sealed record PortalTaxRow(LocalTax Tax, long ChargedQepik, long PaidQepik, long OutstandingQepik, long OverdueQepik);

public sealed record PortalDecision(int Id, int Number, int Year, string Title, DateOnly AdoptedOn);

public sealed record PortalMunicipality(int MunicipalityId, string Name, string Region, MunicipalityKind Kind, int? Population, int Year,
    int? BudgetId, BudgetStatus? Status, DateOnly? ApprovedOn, DateOnly? PublishedOn, PortalDecision? ApprovalDecision, IReadOnlyList<int> PublicYears,
    IReadOnlyList<PortalLine> Lines, IReadOnlyList<PortalClassRow> RevenueClasses, long[] RevenueByMonth, long[] PaidByMonth,
    IReadOnlyList<PortalTaxRow> Taxes, long TaxRevenueQepik, int TaxPayments, IReadOnlyList<PortalDecision> Decisions, DateTime ComputedAt)
{
    public bool HasBudget => BudgetId is not null;
    /// <summary>A published draft (FL 10.1) is shown for its plan; it has no execution yet.</summary>
    public bool IsDraft => Status is BudgetStatus.Published;
    public long PlannedRevenueQepik => Lines.Where(l => l.Side == BudgetSide.Revenue).Sum(l => l.CurrentQepik);
    public long PlannedExpenditureQepik => Lines.Where(l => l.Side == BudgetSide.Expenditure).Sum(l => l.CurrentQepik);
    public long RevenueQepik => RevenueClasses.Sum(c => c.ExecutedQepik);
    public long PaidQepik => Lines.Sum(l => l.PaidQepik);
    public long CommittedQepik => Lines.Sum(l => l.CommittedQepik);
}

/// <summary>An expenditure as the public sees it: a natural-person payee is "fiziki şəxs", without name, VÖEN, contract or document.</summary>
public sealed record PortalExpenditure(long Id, DateOnly On, string Payee, string? PayeeTaxId, bool PayeeIsNaturalPerson, long AmountQepik, ExpenditureKind Kind,
    ExpenditureStatus Status, string Purpose, string LineCode, string LineName, string? Document, string? Contract, int? DecisionId, string? Decision);

public sealed record PortalExpenditurePage(int Total, int Page, int PageSize, IReadOnlyList<PortalExpenditure> Items);

/// <summary>
/// The public portal's read side (issue 5; seed 000: every municipal revenue and expenditure public). It reads the public
/// data of every municipality whoever asks, so each query ignores the tenant filter and keeps to what is public: budgets that
/// are Approved or Closed, and drafts once Published (FL 10.1); drafting and submitted budgets never. National figures are a
/// handful of grouped queries, cached for a short time per year, because 1600 municipalities are read on every miss.
/// </summary>
public static class PortalQueries
{
    public const string NaturalPersonAz = "fiziki şəxs";
    public const string NaturalPersonEn = "natural person";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    public const int PageSize = 50;

    public static readonly BudgetStatus[] PublicStatuses = [BudgetStatus.Published, BudgetStatus.Approved, BudgetStatus.Closed];

    /// <summary>FL 10.1, 10.2, 11.2: the budgets anyone may see.</summary>
    public static IQueryable<MunicipalBudget> PublicBudgets(AppDb db, int year) =>
        db.Budgets.IgnoreQueryFilters().AsNoTracking().Where(b => b.Year == year && PublicStatuses.Contains(b.Status));

    /// <summary>Budgets with execution: a published draft has none yet.</summary>
    private static IQueryable<MunicipalBudget> ExecutingBudgets(AppDb db, int year) =>
        db.Budgets.IgnoreQueryFilters().Where(b => b.Year == year && (b.Status == BudgetStatus.Approved || b.Status == BudgetStatus.Closed));

    public static string Payee(bool naturalPerson, string payee, string lang) =>
        naturalPerson ? (lang == "en" ? NaturalPersonEn : NaturalPersonAz) : payee;

    public static Task<PortalNational> NationalAsync(AppDb db, IMemoryCache cache, int year, CancellationToken ct) =>
        cache.GetOrCreateAsync(("portal-national", year), e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            return ComputeNationalAsync(db, year, ct);
        })!;

    private static async Task<PortalNational> ComputeNationalAsync(AppDb db, int year, CancellationToken ct)
    {
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.Status == MunicipalityStatus.Active)
            .Select(m => new { m.Id, m.Name, m.RegionId, Region = m.Region!.Name, m.Kind, m.Population }).ToListAsync(ct);
        var budgets = await PublicBudgets(db, year).Select(b => new { b.Id, b.MunicipalityId, b.Status }).ToListAsync(ct);
        var publicIds = PublicBudgets(db, year).Select(b => b.Id);
        var executing = ExecutingBudgets(db, year);
        var lines = await db.BudgetLines.IgnoreQueryFilters().Where(l => publicIds.Contains(l.BudgetId))
            .GroupBy(l => new { l.BudgetId, l.Side })
            .Select(g => new { g.Key.BudgetId, g.Key.Side, Sum = g.Sum(l => l.PlannedQepik + l.AmendmentsQepik + l.ReallocatedInQepik - l.ReallocatedOutQepik) })
            .ToListAsync(ct);
        var byClass = await db.BudgetLines.IgnoreQueryFilters().Where(l => publicIds.Contains(l.BudgetId))
            .GroupBy(l => new { l.Side, l.RevenueClass, l.Area })
            .Select(g => new { g.Key.Side, g.Key.RevenueClass, g.Key.Area, Sum = g.Sum(l => l.PlannedQepik + l.AmendmentsQepik + l.ReallocatedInQepik - l.ReallocatedOutQepik) })
            .ToListAsync(ct);
        var spending = await db.Expenditures.IgnoreQueryFilters()
            .Where(x => x.Status == ExpenditureStatus.Active && executing.Any(b => b.Id == x.BudgetId))
            .GroupBy(x => new { x.MunicipalityId, Commitment = x.Kind == ExpenditureKind.Commitment })
            .Select(g => new { g.Key.MunicipalityId, g.Key.Commitment, Sum = g.Sum(x => x.AmountQepik) }).ToListAsync(ct);
        var paidByDay = await db.Expenditures.IgnoreQueryFilters()
            .Where(x => x.Status == ExpenditureStatus.Active && x.Kind != ExpenditureKind.Commitment && executing.Any(b => b.Id == x.BudgetId))
            .GroupBy(x => x.On).Select(g => new { On = g.Key, Sum = g.Sum(x => x.AmountQepik) }).ToListAsync(ct);
        var paidByArea = await (from x in db.Expenditures.IgnoreQueryFilters()
                                join l in db.BudgetLines.IgnoreQueryFilters() on x.LineId equals l.Id
                                where x.Status == ExpenditureStatus.Active && x.Kind != ExpenditureKind.Commitment && executing.Any(b => b.Id == x.BudgetId)
                                group x by l.Area into g
                                select new { Area = g.Key, Sum = g.Sum(x => x.AmountQepik) }).ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var executingMunicipalities = executing.Select(b => b.MunicipalityId);
        var taxDays = await db.TaxRevenueDays.IgnoreQueryFilters()
            .Where(t => t.On >= from && t.On <= to && executingMunicipalities.Contains(t.MunicipalityId))
            .GroupBy(t => new { t.On, t.RevenueClass }).Select(g => new { g.Key.On, g.Key.RevenueClass, Sum = g.Sum(t => t.AmountQepik) }).ToListAsync(ct);
        var taxByMunicipality = await db.TaxRevenueDays.IgnoreQueryFilters()
            .Where(t => t.On >= from && t.On <= to && executingMunicipalities.Contains(t.MunicipalityId))
            .GroupBy(t => t.MunicipalityId).Select(g => new { MunicipalityId = g.Key, Sum = g.Sum(t => t.AmountQepik) }).ToListAsync(ct);
        var entries = await db.RevenueEntries.IgnoreQueryFilters()
            .Where(r => r.Year == year && !r.Cancelled && executingMunicipalities.Contains(r.MunicipalityId))
            .GroupBy(r => new { r.MunicipalityId, r.RevenueClass, r.ReceivedOn.Month })
            .Select(g => new { g.Key.MunicipalityId, g.Key.RevenueClass, g.Key.Month, Sum = g.Sum(r => r.AmountQepik) }).ToListAsync(ct);

        var revenueByMonth = new long[12];
        var paidByMonth = new long[12];
        foreach (var d in taxDays) revenueByMonth[d.On.Month - 1] += d.Sum;
        foreach (var e in entries) revenueByMonth[e.Month - 1] += e.Sum;
        foreach (var d in paidByDay) paidByMonth[d.On.Month - 1] += d.Sum;

        var classes = new List<PortalClassRow>();
        foreach (var c in BudgetClassification.Revenue)
        {
            var planned = byClass.Where(x => x.Side == BudgetSide.Revenue && x.RevenueClass == c.Class).Sum(x => x.Sum);
            var executed = taxDays.Where(t => t.RevenueClass == c.Class).Sum(t => t.Sum) + entries.Where(e => e.RevenueClass == c.Class).Sum(e => e.Sum);
            if (planned != 0 || executed != 0) classes.Add(new PortalClassRow(BudgetSide.Revenue, c.Code, c.NameAz, c.NameEn, planned, executed));
        }
        foreach (var a in BudgetClassification.Expenditure)
        {
            var planned = byClass.Where(x => x.Side == BudgetSide.Expenditure && x.Area == a.Area).Sum(x => x.Sum);
            var executed = paidByArea.Where(x => x.Area == a.Area).Sum(x => x.Sum);
            if (planned != 0 || executed != 0) classes.Add(new PortalClassRow(BudgetSide.Expenditure, a.Code, a.NameAz, a.NameEn, planned, executed));
        }

        var budgetOf = budgets.ToDictionary(b => b.MunicipalityId);
        var lineSums = lines.ToDictionary(l => (l.BudgetId, l.Side), l => l.Sum);
        var spend = spending.ToDictionary(s => (s.MunicipalityId, s.Commitment), s => s.Sum);
        var tax = taxByMunicipality.ToDictionary(t => t.MunicipalityId, t => t.Sum);
        var entered = entries.GroupBy(e => e.MunicipalityId).ToDictionary(g => g.Key, g => g.Sum(e => e.Sum));
        var rows = municipalities.Select(m =>
        {
            var b = budgetOf.GetValueOrDefault(m.Id);
            long L(BudgetSide s) => b is null ? 0 : lineSums.GetValueOrDefault((b.Id, s));
            return new PortalMunicipalityRow(m.Id, m.Name, m.RegionId, m.Region, m.Kind, m.Population, b?.Id, b?.Status, L(BudgetSide.Revenue), L(BudgetSide.Expenditure),
                tax.GetValueOrDefault(m.Id) + entered.GetValueOrDefault(m.Id), spend.GetValueOrDefault((m.Id, false)), spend.GetValueOrDefault((m.Id, true)));
        }).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new PortalNational(year, rows.Count, rows.Count(r => r.HasBudget), rows.Sum(r => r.PlannedRevenueQepik), rows.Sum(r => r.PlannedExpenditureQepik),
            rows.Sum(r => r.RevenueQepik), rows.Sum(r => r.PaidQepik), rows.Sum(r => r.CommittedQepik), revenueByMonth, paidByMonth, classes, rows, DateTime.UtcNow);
    }

    /// <summary>
    /// One municipality and year; null when the municipality does not exist. Cached like the national figures, and keyed on
    /// the municipality's committed changes as well: what its staff just saved is on its page at the next request.
    /// </summary>
    public static Task<PortalMunicipality?> MunicipalityAsync(AppDb db, IMemoryCache cache, int municipalityId, int year, DateOnly today, CancellationToken ct) =>
        cache.GetOrCreateAsync(("portal-municipality", municipalityId, year, CommittedChanges.VersionOf(municipalityId)), e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            return ComputeMunicipalityAsync(db, municipalityId, year, today, ct);
        });

    /// <summary>The latest year with a public budget, else the current year.</summary>
    public static async Task<int> DefaultYearAsync(AppDb db, int municipalityId, int currentYear, CancellationToken ct) =>
        await db.Budgets.IgnoreQueryFilters().Where(b => b.MunicipalityId == municipalityId && PublicStatuses.Contains(b.Status) && b.Year <= currentYear + 1)
            .MaxAsync(b => (int?)b.Year, ct) ?? currentYear;

    private static async Task<PortalMunicipality?> ComputeMunicipalityAsync(AppDb db, int municipalityId, int year, DateOnly today, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().Where(x => x.Id == municipalityId)
            .Select(x => new { x.Id, x.Name, Region = x.Region!.Name, x.Kind, x.Population }).FirstOrDefaultAsync(ct);
        if (m is null) return null;
        var years = await db.Budgets.IgnoreQueryFilters().Where(b => b.MunicipalityId == municipalityId && PublicStatuses.Contains(b.Status))
            .OrderByDescending(b => b.Year).Select(b => b.Year).ToListAsync(ct);
        var budget = await PublicBudgets(db, year).Where(b => b.MunicipalityId == municipalityId)
            .Select(b => new { b.Id, b.Status, b.ApprovedOn, b.PublishedOn, b.ApprovalDecisionId }).FirstOrDefaultAsync(ct);
        var decisions = await db.CouncilDecisions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.MunicipalityId == municipalityId && d.PublishedAt != null && d.Area == Law.Council.DecisionArea.Budget)
            .OrderByDescending(d => d.AdoptedOn).Take(20)
            .Select(d => new PortalDecision(d.Id, d.Number, d.Year, d.Title, d.AdoptedOn)).ToListAsync(ct);
        var taxes = await TaxesAsync(db, municipalityId, year, today, ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var taxTotals = await db.TaxRevenueDays.IgnoreQueryFilters().Where(t => t.MunicipalityId == municipalityId && t.On >= from && t.On <= to)
            .GroupBy(t => 1).Select(g => new { Sum = g.Sum(t => t.AmountQepik), Payments = g.Sum(t => t.Payments) }).FirstOrDefaultAsync(ct);
        if (budget is null)
            return new PortalMunicipality(m.Id, m.Name, m.Region, m.Kind, m.Population, year, null, null, null, null, null, years, [], [], new long[12], new long[12],
                taxes, taxTotals?.Sum ?? 0, taxTotals?.Payments ?? 0, decisions, DateTime.UtcNow);

        var executes = budget.Status is BudgetStatus.Approved or BudgetStatus.Closed;
        var lineRows = await db.BudgetLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.BudgetId == budget.Id).OrderBy(l => l.Side).ThenBy(l => l.Code)
            .Select(l => new { l.Id, l.Side, l.Code, l.RevenueClass, l.Area, l.Name, l.Funding, l.PlannedQepik, l.AmendmentsQepik, l.ReallocatedInQepik, l.ReallocatedOutQepik })
            .ToListAsync(ct);
        var spent = !executes ? [] : await db.Expenditures.IgnoreQueryFilters().Where(x => x.BudgetId == budget.Id && x.Status == ExpenditureStatus.Active)
            .GroupBy(x => new { x.LineId, Commitment = x.Kind == ExpenditureKind.Commitment })
            .Select(g => new { g.Key.LineId, g.Key.Commitment, Sum = g.Sum(x => x.AmountQepik) }).ToListAsync(ct);
        var paidByDay = !executes ? [] : await db.Expenditures.IgnoreQueryFilters()
            .Where(x => x.BudgetId == budget.Id && x.Status == ExpenditureStatus.Active && x.Kind != ExpenditureKind.Commitment)
            .GroupBy(x => x.On).Select(g => new { On = g.Key, Sum = g.Sum(x => x.AmountQepik) }).ToListAsync(ct);
        var taxDays = !executes ? [] : await db.TaxRevenueDays.IgnoreQueryFilters().Where(t => t.MunicipalityId == municipalityId && t.On >= from && t.On <= to)
            .GroupBy(t => new { t.On, t.RevenueClass }).Select(g => new { g.Key.On, g.Key.RevenueClass, Sum = g.Sum(t => t.AmountQepik) }).ToListAsync(ct);
        var entries = !executes ? [] : await db.RevenueEntries.IgnoreQueryFilters().Where(r => r.MunicipalityId == municipalityId && r.Year == year && !r.Cancelled)
            .GroupBy(r => new { r.RevenueClass, r.ReceivedOn.Month }).Select(g => new { g.Key.RevenueClass, g.Key.Month, Sum = g.Sum(r => r.AmountQepik) }).ToListAsync(ct);

        var spend = spent.ToDictionary(s => (s.LineId, s.Commitment), s => s.Sum);
        var lines = lineRows.Select(l =>
        {
            var (code, az, en) = l.Side == BudgetSide.Revenue && l.RevenueClass is { } rc ? (BudgetClassification.Info(rc).Code, BudgetClassification.Info(rc).NameAz, BudgetClassification.Info(rc).NameEn)
                : l.Area is { } a ? (BudgetClassification.Info(a).Code, BudgetClassification.Info(a).NameAz, BudgetClassification.Info(a).NameEn) : ("", "", "");
            return new PortalLine(l.Id, l.Side, l.Code, code, az, en, l.Name, l.Funding, l.PlannedQepik, l.AmendmentsQepik, l.ReallocatedInQepik, l.ReallocatedOutQepik,
                l.PlannedQepik + l.AmendmentsQepik + l.ReallocatedInQepik - l.ReallocatedOutQepik, spend.GetValueOrDefault((l.Id, true)), spend.GetValueOrDefault((l.Id, false)));
        }).ToList();
        var revenueByMonth = new long[12];
        var paidByMonth = new long[12];
        foreach (var d in taxDays) revenueByMonth[d.On.Month - 1] += d.Sum;
        foreach (var e in entries) revenueByMonth[e.Month - 1] += e.Sum;
        foreach (var d in paidByDay) paidByMonth[d.On.Month - 1] += d.Sum;
        var classes = new List<PortalClassRow>();
        foreach (var c in BudgetClassification.Revenue)
        {
            var planned = lines.Where(l => l.Side == BudgetSide.Revenue && l.ClassCode == c.Code).Sum(l => l.CurrentQepik);
            var executed = taxDays.Where(t => t.RevenueClass == c.Class).Sum(t => t.Sum) + entries.Where(e => e.RevenueClass == c.Class).Sum(e => e.Sum);
            if (planned != 0 || executed != 0) classes.Add(new PortalClassRow(BudgetSide.Revenue, c.Code, c.NameAz, c.NameEn, planned, executed));
        }
        PortalDecision? approval = null;
        if (budget.ApprovalDecisionId is { } did)
            approval = await db.CouncilDecisions.IgnoreQueryFilters().AsNoTracking().Where(d => d.Id == did && d.PublishedAt != null)
                .Select(d => new PortalDecision(d.Id, d.Number, d.Year, d.Title, d.AdoptedOn)).FirstOrDefaultAsync(ct);
        return new PortalMunicipality(m.Id, m.Name, m.Region, m.Kind, m.Population, year, budget.Id, budget.Status, budget.ApprovedOn, budget.PublishedOn, approval, years,
            lines, classes, revenueByMonth, paidByMonth, taxes, taxTotals?.Sum ?? 0, taxTotals?.Payments ?? 0, decisions, DateTime.UtcNow);
    }

    /// <summary>
    /// Collection and arrears by tax, summed over the whole municipality (LTP 12.3 reporting, never a person's data): charged
    /// for the year, paid against it, outstanding, and the part of it already past due.
    /// </summary>
    private static async Task<List<PortalTaxRow>> TaxesAsync(AppDb db, int municipalityId, int year, DateOnly today, CancellationToken ct)
    {
        var charges = await db.TaxCharges.IgnoreQueryFilters().Where(c => c.MunicipalityId == municipalityId && c.Year == year)
            .GroupBy(c => new { c.Tax, c.Period, c.Instalment, Due = c.DueOn < today })
            .Select(g => new { g.Key.Tax, g.Key.Period, g.Key.Instalment, g.Key.Due, Sum = g.Sum(c => c.AmountQepik) }).ToListAsync(ct);
        var paid = await db.PaymentAllocations.IgnoreQueryFilters().Where(a => a.MunicipalityId == municipalityId && a.Year == year)
            .GroupBy(a => new { a.Tax, a.Period, a.Instalment })
            .Select(g => new { g.Key.Tax, g.Key.Period, g.Key.Instalment, Sum = g.Sum(a => a.AmountQepik) }).ToListAsync(ct);
        var paidOf = paid.ToDictionary(p => (p.Tax, p.Period, p.Instalment), p => p.Sum);
        var dueKeys = charges.Where(c => c.Due).Select(c => (c.Tax, c.Period, c.Instalment)).ToHashSet();
        return charges.Select(c => c.Tax).Concat(paid.Select(p => p.Tax)).Distinct().OrderBy(t => t).Select(t =>
        {
            var charged = charges.Where(c => c.Tax == t).Sum(c => c.Sum);
            var got = paid.Where(p => p.Tax == t).Sum(p => p.Sum);
            // Overdue: what is still open on instalments whose due day has passed.
            var overdue = charges.Where(c => c.Tax == t && c.Due).Sum(c => c.Sum)
                          - paid.Where(p => p.Tax == t && dueKeys.Contains((p.Tax, p.Period, p.Instalment))).Sum(p => p.Sum);
            return new PortalTaxRow(t, charged, got, Math.Max(0, charged - got), Math.Max(0, overdue));
        }).ToList();
    }

    /// <summary>The expenditures of a public budget, newest first, searched in payee (never a natural person's name), purpose and line.</summary>
    public static async Task<PortalExpenditurePage> ExpendituresAsync(AppDb db, int municipalityId, int year, string? q, int page, int pageSize, string lang, CancellationToken ct)
    {
        var query = Query(db, municipalityId, year, q);
        var total = await query.CountAsync(ct);
        page = Math.Max(1, page);
        var rows = await query.OrderByDescending(x => x.e.On).ThenByDescending(x => x.e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PortalExpenditurePage(total, page, pageSize, await ShapeAsync(db, rows, lang, ct));
    }

    /// <summary>Every expenditure of a public budget (the open-data CSV), oldest first.</summary>
    public static async Task<List<PortalExpenditure>> AllExpendituresAsync(AppDb db, int municipalityId, int year, string lang, CancellationToken ct)
    {
        var rows = await Query(db, municipalityId, year, null).OrderBy(x => x.e.On).ThenBy(x => x.e.Id).ToListAsync(ct);
        return await ShapeAsync(db, rows, lang, ct);
    }

    // Set by an object initializer, which EF can filter and order on after the projection (a constructor it cannot).
    private sealed class Row
    {
        public required Expenditure e { get; init; }
        public required string LineCode { get; init; }
        public required string LineName { get; init; }
    }

    private static IQueryable<Row> Query(AppDb db, int municipalityId, int year, string? q)
    {
        var budgets = ExecutingBudgets(db, year).Where(b => b.MunicipalityId == municipalityId).Select(b => b.Id);
        var query = from e in db.Expenditures.IgnoreQueryFilters().AsNoTracking()
                    join l in db.BudgetLines.IgnoreQueryFilters() on e.LineId equals l.Id
                    where e.MunicipalityId == municipalityId && budgets.Contains(e.BudgetId) && e.Status != ExpenditureStatus.Cancelled
                    select new Row { e = e, LineCode = l.Code, LineName = l.Name };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var s = q.Trim().ToLower();
            query = query.Where(x => (!x.e.PayeeIsNaturalPerson && x.e.Payee.ToLower().Contains(s)) || x.e.Purpose.ToLower().Contains(s)
                                     || x.LineCode.ToLower().Contains(s) || x.LineName.ToLower().Contains(s));
        }
        return query;
    }

    private static async Task<List<PortalExpenditure>> ShapeAsync(AppDb db, List<Row> rows, string lang, CancellationToken ct)
    {
        var ids = rows.Where(r => r.e.DecisionId != null).Select(r => r.e.DecisionId!.Value).Distinct().ToList();
        var decisions = ids.Count == 0 ? new Dictionary<int, string>() : await db.CouncilDecisions.IgnoreQueryFilters()
            .Where(d => ids.Contains(d.Id) && d.PublishedAt != null).ToDictionaryAsync(d => d.Id, d => $"№ {d.Number}/{d.Year}", ct);
        return rows.Select(r =>
        {
            var e = r.e;
            var person = e.PayeeIsNaturalPerson;
            var decision = e.DecisionId is { } d && decisions.TryGetValue(d, out var label) ? label : null;
            return new PortalExpenditure(e.Id, e.On, Payee(person, e.Payee, lang), person ? null : e.PayeeTaxId, person, e.AmountQepik, e.Kind, e.Status, e.Purpose,
                r.LineCode, r.LineName, person ? null : e.Document, person ? null : e.Contract, decision is null ? null : e.DecisionId, decision);
        }).ToList();
    }
}
