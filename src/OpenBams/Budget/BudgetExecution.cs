using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Budget;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Budget;

public sealed record LineExecution(
    int LineId, string Code, string Name, ExpenditureArea Area, string AreaCode, LineFunding Funding, string? Purpose,
    decimal Planned, decimal Amendments, decimal ReallocatedIn, decimal ReallocatedOut, decimal Appropriation,
    decimal Committed, decimal Paid, decimal OpenCommitments, decimal Available);

public sealed record RevenueExecution(RevenueClass Class, string Code, string Name, bool PostedFromTaxes, decimal Planned, decimal Entered, decimal Tax, decimal Actual);

public sealed record MonthExecution(int Month, decimal Committed, decimal Paid, decimal Revenue);

/// <summary>FL 8.6 figures (<see cref="DeficitFigures"/>) as plain numbers.</summary>
public sealed record BalanceView(decimal Expenditure, decimal OwnRevenue, decimal Deficit, decimal Dotation, decimal OtherStateFunds, decimal OpeningFreeBalance,
    decimal Uncovered, decimal DeficitAfterDotation, bool DotationCoversDeficit, decimal? DeficitLimit, bool ExceedsLimit);

public sealed record ExecutionSummary(
    int BudgetId, int MunicipalityId, int Year, BudgetStatus Status,
    decimal Appropriation, decimal Committed, decimal Paid, decimal Available, decimal PlannedRevenue, decimal ActualRevenue,
    IReadOnlyList<LineExecution> Lines, IReadOnlyList<RevenueExecution> Revenue, IReadOnlyList<MonthExecution> Months,
    BalanceView Planned, BalanceView Actual);

/// <summary>
/// The execution of one budget, computed in one place for the pages, the reports, the annual execution report (FL 11.3) and the
/// public portal: per expenditure line the appropriation in force (planned + amendments + reallocated in − out), committed,
/// paid and available (FL 13.1); per revenue class planned against actual (entered revenue + tax revenue posted from the taxes
/// module); per month; and the deficit and dotation figures of FL 8.6 for the plan and for the actuals.
/// </summary>
public static class BudgetExecution
{
    /// <summary>
    /// The summary of budget <paramref name="budgetId"/>, read through <paramref name="db"/> (its tenant decides what it may see:
    /// a staff user sees their municipality's budgets, a system-scoped context every one). Throws <see cref="NotFound"/> otherwise.
    /// </summary>
    public static async Task<ExecutionSummary> SummaryAsync(AppDb db, int budgetId, CancellationToken ct)
    {
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId, ct) ?? throw new NotFound("Budget");
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == budgetId).OrderBy(l => l.Code).ToListAsync(ct);
        var spent = await db.Expenditures.Where(e => e.BudgetId == budgetId && e.Status == ExpenditureStatus.Active)
            .GroupBy(e => new { e.LineId, e.Kind, e.On.Month }).Select(g => new { g.Key.LineId, g.Key.Kind, g.Key.Month, Sum = g.Sum(e => e.AmountQepik) }).ToListAsync(ct);
        var (start, end) = (BudgetYear.Start(budget.Year), BudgetYear.End(budget.Year));
        var entered = await db.RevenueEntries.Where(r => r.MunicipalityId == budget.MunicipalityId && r.Year == budget.Year && !r.Cancelled)
            .GroupBy(r => new { r.RevenueClass, r.ReceivedOn.Month }).Select(g => new { g.Key.RevenueClass, g.Key.Month, Sum = g.Sum(r => r.AmountQepik) }).ToListAsync(ct);
        var tax = await db.TaxRevenueDays.Where(t => t.MunicipalityId == budget.MunicipalityId && t.On >= start && t.On <= end)
            .GroupBy(t => new { t.RevenueClass, t.On.Month }).Select(g => new { g.Key.RevenueClass, g.Key.Month, Sum = g.Sum(t => t.AmountQepik) }).ToListAsync(ct);

        static decimal M(long q) => Money.FromQepik(q).Amount;
        static bool Commits(ExpenditureKind k) => k is ExpenditureKind.Commitment or ExpenditureKind.DirectPayment;
        static bool Pays(ExpenditureKind k) => k is ExpenditureKind.PaymentOfCommitment or ExpenditureKind.DirectPayment;

        var lineViews = new List<LineExecution>();
        foreach (var l in lines.Where(l => l.Side == BudgetSide.Expenditure))
        {
            var k = Expenditures.ToKernel(l, budget, spent.Where(s => s.LineId == l.Id && Commits(s.Kind)).Sum(s => s.Sum),
                spent.Where(s => s.LineId == l.Id && Pays(s.Kind)).Sum(s => s.Sum));
            var area = l.Area ?? ExpenditureArea.Other;
            lineViews.Add(new(l.Id, l.Code, l.Name, area, BudgetClassification.Info(area).Code, l.Funding, l.Purpose, M(l.PlannedQepik), M(l.AmendmentsQepik),
                M(l.ReallocatedInQepik), M(l.ReallocatedOutQepik), k.Appropriation.Amount, k.Committed.Amount, k.Paid.Amount, k.OpenCommitments.Amount, k.Available.Amount));
        }

        var planned = lines.Where(l => l.Side == BudgetSide.Revenue && l.RevenueClass is not null)
            .GroupBy(l => l.RevenueClass!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.PlannedQepik + l.AmendmentsQepik + l.ReallocatedInQepik - l.ReallocatedOutQepik));
        var classes = planned.Keys.Concat(entered.Select(e => e.RevenueClass)).Concat(tax.Select(t => t.RevenueClass)).Distinct()
            .OrderBy(c => BudgetClassification.Revenue.ToList().FindIndex(r => r.Class == c)).ToList();
        var revenue = classes.Select(c =>
        {
            var info = BudgetClassification.Info(c);
            var e = entered.Where(x => x.RevenueClass == c).Sum(x => x.Sum);
            var t = tax.Where(x => x.RevenueClass == c).Sum(x => x.Sum);
            return new RevenueExecution(c, info.Code, BudgetClassification.Name(c, Text.Lang), Revenues.PostedFromTaxes.Contains(c), M(planned.GetValueOrDefault(c)), M(e), M(t), M(e + t));
        }).ToList();

        var months = Enumerable.Range(1, 12).Select(m => new MonthExecution(m,
            M(spent.Where(s => s.Month == m && Commits(s.Kind)).Sum(s => s.Sum)),
            M(spent.Where(s => s.Month == m && Pays(s.Kind)).Sum(s => s.Sum)),
            M(entered.Where(x => x.Month == m).Sum(x => x.Sum) + tax.Where(x => x.Month == m).Sum(x => x.Sum)))).ToList();

        var appropriation = lineViews.Sum(l => l.Appropriation);
        var paid = lineViews.Sum(l => l.Paid);
        var opening = Money.FromQepik(budget.OpeningBalanceQepik);
        var limit = budget.DeficitLimitQepik is { } q ? Money.FromQepik(q) : (Money?)null;
        var plannedBalance = BudgetBalance.Compute(Money.Manat(appropriation), revenue.Select(r => new RevenueAmount(r.Class, Money.Manat(r.Planned))), opening);
        var actualBalance = BudgetBalance.Compute(Money.Manat(paid), revenue.Select(r => new RevenueAmount(r.Class, Money.Manat(r.Actual))), opening);
        return new(budget.Id, budget.MunicipalityId, budget.Year, budget.Status, appropriation, lineViews.Sum(l => l.Committed), paid, lineViews.Sum(l => l.Available),
            revenue.Sum(r => r.Planned), revenue.Sum(r => r.Actual), lineViews, revenue, months, View(plannedBalance, limit), View(actualBalance, limit));
    }

    /// <summary>The summary of a municipality's budget for a year, or null when it has none.</summary>
    public static async Task<ExecutionSummary?> SummaryForYearAsync(AppDb db, int municipalityId, int year, CancellationToken ct)
    {
        var id = await db.Budgets.Where(b => b.MunicipalityId == municipalityId && b.Year == year).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        return id is { } i ? await SummaryAsync(db, i, ct) : null;
    }

    private static BalanceView View(DeficitFigures f, Money? limit) =>
        new(f.Expenditure.Amount, f.OwnRevenue.Amount, f.Deficit.Amount, f.Dotation.Amount, f.OtherStateFunds.Amount, f.OpeningFreeBalance.Amount, f.Uncovered.Amount,
            f.DeficitAfterDotation.Amount, f.DotationCoversDeficit, limit?.Amount, limit is { } l && BudgetBalance.ExceedsLimit(f.Uncovered, l));
}
