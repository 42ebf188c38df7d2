using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Testing;

namespace OpenBams.Tests.Platform;

/// <summary>
/// One record of municipality B for every route parameter of the budget module: budgetId, lineId, changeId,
/// expenditureId, revenueId, budgetAuditId. The marker is written only into fields the public portal never shows (notes,
/// "created by"), because the portal rightly shows B's published budget and expenditure lines to anyone; staff routes
/// that leak B's records to A are caught by their status (they must refuse) and the marker in their notes.
/// </summary>
internal static class BudgetOfB
{
    public static async Task SeedAsync(TestApp app, int b, string marker, IDictionary<string, string> values)
    {
        await app.WithDbAsync(async db =>
        {
            var year = OpenBams.Testing.TestClock.StartDay.Year;
            var now = DateTime.UtcNow;
            var budget = db.Budgets.FirstOrDefault(x => x.MunicipalityId == b && x.Year == year);
            if (budget is null)
            {
                budget = new MunicipalBudget { MunicipalityId = b, Year = year, Status = BudgetStatus.Drafting, Note = marker, CreatedAt = now, CreatedBy = marker };
                db.Budgets.Add(budget);
                await db.SaveChangesAsync();
            }
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var revenue = new BudgetLineRecord { MunicipalityId = b, BudgetId = budget.Id, Side = BudgetSide.Revenue, Code = "R-" + suffix,
                RevenueClass = RevenueClass.LandTax, Name = "Land tax", PlannedQepik = 100_000 };
            var spending = new BudgetLineRecord { MunicipalityId = b, BudgetId = budget.Id, Side = BudgetSide.Expenditure, Code = "E-" + suffix,
                Area = ExpenditureArea.StreetsYardsGardens, Name = "Street lighting", PlannedQepik = 100_000 };
            db.AddRange(revenue, spending);
            await db.SaveChangesAsync();
            var change = new BudgetChange { MunicipalityId = b, BudgetId = budget.Id, Kind = BudgetChangeKind.Reallocation, Basis = "order 1",
                EffectiveOn = new DateOnly(year, 1, 10), Reason = marker, CreatedAt = now, CreatedBy = marker };
            var expenditure = new Expenditure { MunicipalityId = b, BudgetId = budget.Id, LineId = spending.Id, Kind = ExpenditureKind.DirectPayment, AmountQepik = 1000,
                On = new DateOnly(year, 1, 15), Payee = "Supplier LLC", Purpose = "Lamps", Document = "invoice 1", CreatedAt = now, CreatedBy = marker };
            var entry = new RevenueEntry { MunicipalityId = b, Year = year, RevenueClass = RevenueClass.GrantsAndAid, AmountQepik = 5000, ReceivedOn = new DateOnly(year, 1, 20),
                Payer = "Donor", Document = "transfer 1", Note = marker, CreatedAt = now, CreatedBy = marker };
            var audit = new BudgetAudit { MunicipalityId = b, Year = year, Auditor = "Audit LLC", EngagedOn = new DateOnly(year, 3, 1), Findings = marker,
                CreatedAt = now, CreatedBy = marker };
            db.AddRange(change, expenditure, entry, audit);
            await db.SaveChangesAsync();
            db.BudgetChangeLines.Add(new BudgetChangeLine { MunicipalityId = b, ChangeId = change.Id, LineId = spending.Id, DeltaQepik = 0 });
            await db.SaveChangesAsync();
            values["budgetId"] = budget.Id.ToString();
            values["lineId"] = spending.Id.ToString();
            values["changeId"] = change.Id.ToString();
            values["expenditureId"] = expenditure.Id.ToString();
            values["revenueId"] = entry.Id.ToString();
            values["budgetAuditId"] = audit.Id.ToString();
            return 0;
        });
    }
}
