using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Budget;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Budget;

/// <summary>
/// The demo's budget: this year's budget of the demo municipality, drafted from 1 February (FL 9.3), submitted on 10 October and published
/// on 15 October (FL 10.1), approved by last December's signed council decision (FL 10.2), with revenue lines by class and expenditure
/// lines by area, one of them for delegated state powers (FL 8.5). Expenditures are the execution side's demo.
/// </summary>
public static class BudgetDemo
{
    public static async Task<MunicipalBudget?> LoadAsync(AppDb db, Municipality demo, DateOnly today, CancellationToken ct)
    {
        var year = today.Year;
        if (await db.Budgets.AnyAsync(b => b.MunicipalityId == demo.Id && b.Year == year, ct)) return null;
        var decision = await CouncilDemo.PastDecisionAsync(db, demo, new DateOnly(year - 1, 12, 18), $"{year}-ci il üçün yerli büdcənin təsdiq edilməsi haqqında",
            $"{year}-ci il üçün yerli büdcə təsdiq edilsin (MMƏQ 10.2).", DecisionArea.Budget, MajorityRule.SimpleMajority, ct);
        var budget = new MunicipalBudget
        {
            MunicipalityId = demo.Id, Year = year, Status = BudgetStatus.Approved, DraftingStartedOn = BudgetCalendar.DraftingStarts(year),
            SubmittedOn = new DateOnly(year - 1, 10, 10), PublishedOn = new DateOnly(year - 1, 10, 15), ApprovedOn = decision.AdoptedOn, ApprovalDecisionId = decision.Id,
            DeficitLimitQepik = 5_000_00, Note = "Demo", CreatedAt = DateTime.UtcNow, CreatedBy = "demo",
        };
        db.Budgets.Add(budget);
        await db.SaveChangesAsync(ct);
        BudgetLineRecord Rev(RevenueClass c, long manat) => new()
        {
            MunicipalityId = demo.Id, BudgetId = budget.Id, Side = BudgetSide.Revenue, Code = BudgetClassification.Info(c).Code, RevenueClass = c,
            Name = BudgetClassification.Info(c).NameAz, Funding = BudgetClassification.Info(c).Funding, PlannedQepik = manat * 100,
            Purpose = c == RevenueClass.DelegatedPowersFunding ? "Hərbi uçot" : null,
        };
        BudgetLineRecord Exp(string code, ExpenditureArea a, string name, long manat, LineFunding f = LineFunding.General, string? purpose = null, bool prot = false) => new()
        {
            MunicipalityId = demo.Id, BudgetId = budget.Id, Side = BudgetSide.Expenditure, Code = code, Area = a, Name = name, Funding = f, Purpose = purpose,
            Protected = prot, PlannedQepik = manat * 100,
        };
        db.BudgetLines.AddRange(
            Rev(RevenueClass.LandTax, 60_000), Rev(RevenueClass.PropertyTax, 35_000), Rev(RevenueClass.Lease, 12_000), Rev(RevenueClass.Advertising, 8_000),
            Rev(RevenueClass.DelegatedPowersFunding, 5_000),
            Exp("E-8.2.1/01", ExpenditureArea.Administration, "Aparatın əmək haqqı", 48_000, prot: true),
            Exp("E-8.2.1/02", ExpenditureArea.Administration, "Kommunal xərclər və dəftərxana", 9_000),
            Exp("E-8.2.6/01", ExpenditureArea.StreetsYardsGardens, "Küçə işıqlandırılması", 22_000),
            Exp("E-8.2.6/02", ExpenditureArea.StreetsYardsGardens, "Həyətlərin və parkın abadlaşdırılması", 18_000),
            Exp("E-8.2.4/01", ExpenditureArea.Culture, "Mədəniyyət evinin saxlanması", 8_000),
            Exp("E-8.2.7/01", ExpenditureArea.SocialProtectionProgrammes, "Aztəminatlı ailələrə birdəfəlik yardım", 10_000),
            Exp("E-8.5/01", ExpenditureArea.Other, "Həvalə edilmiş səlahiyyət: hərbi uçot", 5_000, LineFunding.DelegatedStatePowers, "Hərbi uçot"));
        await db.SaveChangesAsync(ct);
        return budget;
    }
}
