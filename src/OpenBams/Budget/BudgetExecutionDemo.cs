using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Budget;
using OpenBams.Platform.Data;

namespace OpenBams.Budget;

/// <summary>
/// The demo's budget execution: on the approved budget of the current year (the planning demo creates it), a commitment, its
/// part payment and a direct payment on each of the first expenditure lines, and some entered revenue (a grant, lease and
/// privatisation income). Recorded through the same commands as the API, so the demo never spends beyond a line. Does
/// nothing when there is no approved budget with expenditure lines, or when expenditures are already there.
/// </summary>
public static class BudgetExecutionDemo
{
    public static async Task<bool> LoadAsync(AppDb db, int municipalityId, DateOnly today, TimeProvider time, CancellationToken ct)
    {
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.MunicipalityId == municipalityId && b.Year == today.Year && b.Status == BudgetStatus.Approved, ct);
        if (budget is null || await db.Expenditures.AnyAsync(e => e.BudgetId == budget.Id, ct)) return false;
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.BudgetId == budget.Id && l.Side == BudgetSide.Expenditure).OrderBy(l => l.Code).Take(4).ToListAsync(ct);
        if (lines.Count == 0) return false;
        DateOnly On(int month, int day) => new DateOnly(today.Year, month, day) is var d && d <= today ? d : today;
        const string by = "demo";
        string[] suppliers = ["Abad Tikinti MMC", "İşıqlı Küçə MMC", "Yaşıl Bağ MMC", "Ofis Təchizat MMC"];
        string[] voen = ["1400123451", "1400234562", "1400345673", "1400456784"];
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var appropriation = l.PlannedQepik + l.AmendmentsQepik + l.ReallocatedInQepik - l.ReallocatedOutQepik;
            var commit = Money.FromQepik(appropriation * 40 / 100 / 100 * 100).Amount;
            if (commit <= 0) continue;
            var c = await Expenditures.RecordAsync(db, municipalityId, new NewExpenditure(l.Id, ExpenditureKind.Commitment, null, commit, On(2, 10 + i), suppliers[i], voen[i], false,
                $"{l.Name}: illik müqavilə", $"Müqavilə {i + 1}/{today.Year}", null, $"{i + 1}/{today.Year}"), by, time, ct);
            await Expenditures.RecordAsync(db, municipalityId, new NewExpenditure(l.Id, ExpenditureKind.PaymentOfCommitment, c.Id, decimal.Round(commit / 2, 2), On(4, 15), null, null, false,
                null, $"Təhvil-təslim aktı {i + 1}", null, null), by, time, ct);
            var direct = Money.FromQepik(appropriation * 10 / 100 / 100 * 100).Amount;
            if (direct > 0)
                await Expenditures.RecordAsync(db, municipalityId, new NewExpenditure(l.Id, ExpenditureKind.DirectPayment, null, direct, On(6, 20), "Ofis Təchizat MMC", "1400456784", false,
                    $"{l.Name}: təchizat", $"Faktura {100 + i}", null, null), by, time, ct);
        }
        foreach (var (cls, amount, month, payer, doc) in new[]
                 {
                     ("R-7.1.9", 5_000m, 3, "Yerli İnkişaf Fondu", "Köçürmə 17"),
                     ("R-7.1.8b", 1_200m, 5, "Bazar icarəçisi", "İcarə müqaviləsi 4"),
                     ("R-7.1.8a", 8_000m, 7, "Hərracın qalibi", "Özəlləşdirmə aktı 2"),
                 })
            await Revenues.RecordAsync(db, municipalityId, new NewRevenue(cls, amount, On(month, 12), payer, doc, null, null), by, time, ct);
        return true;
    }
}
