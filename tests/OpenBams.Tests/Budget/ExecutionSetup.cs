using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Testing;
using OpenBams.Tests.Taxes;

namespace OpenBams.Tests.Budget;

/// <summary>
/// A municipality with a budget for a test of its execution: the taxes scenario's accountant and tax officer, a budget of
/// 2026 written straight to the database (its planning is another module), one expenditure line and two revenue lines.
/// </summary>
public sealed record ExecutionScenario(TaxScenario S, int BudgetId, int LineId, string LineCode)
{
    public const int Year = 2026;
    public string Api => $"/api/v1/municipalities/{S.MunicipalityId}/budget";
    public HttpClient Accountant => S.Accountant;

    public static async Task<ExecutionScenario> CreateAsync(TestApp app, long appropriationQepik = 10_000, BudgetStatus status = BudgetStatus.Approved, TaxScenario? s = null)
    {
        s ??= await TaxScenario.CreateAsync(app);
        var code = "E-8.2.6/" + Guid.NewGuid().ToString("N")[..4];
        var (budgetId, lineId) = await app.WithDbAsync(async db =>
        {
            var b = new MunicipalBudget { MunicipalityId = s.MunicipalityId, Year = Year, Status = status, ApprovedOn = status == BudgetStatus.Approved ? new DateOnly(2025, 12, 20) : null,
                CreatedAt = DateTime.UtcNow, CreatedBy = "test" };
            db.Budgets.Add(b);
            await db.SaveChangesAsync();
            // 60.00 approved + 30.00 amendment + 20.00 in − 10.00 out = the appropriation asked for.
            var line = new BudgetLineRecord { MunicipalityId = s.MunicipalityId, BudgetId = b.Id, Side = BudgetSide.Expenditure, Code = code,
                Area = ExpenditureArea.StreetsYardsGardens, Name = "Küçə işıqlandırılması", PlannedQepik = appropriationQepik - 4_000, AmendmentsQepik = 3_000,
                ReallocatedInQepik = 2_000, ReallocatedOutQepik = 1_000 };
            db.BudgetLines.AddRange(line,
                new BudgetLineRecord { MunicipalityId = s.MunicipalityId, BudgetId = b.Id, Side = BudgetSide.Revenue, Code = "R-7.1.1", RevenueClass = RevenueClass.LandTax,
                    Name = "Torpaq vergisi", PlannedQepik = 5_000 },
                new BudgetLineRecord { MunicipalityId = s.MunicipalityId, BudgetId = b.Id, Side = BudgetSide.Revenue, Code = "R-7.1.9", RevenueClass = RevenueClass.GrantsAndAid,
                    Name = "Qrantlar", PlannedQepik = 2_000 });
            await db.SaveChangesAsync();
            return (b.Id, line.Id);
        });
        return new(s, budgetId, lineId, code);
    }

    public object Direct(decimal amount, string on = "2026-03-10", int? lineId = null) => new
    {
        lineId = lineId ?? LineId, kind = "DirectPayment", amount, on, payee = "İşıq MMC", payeeTaxId = "1234567890", purpose = "Lampalar", document = "Faktura 12",
    };

    public object Commitment(decimal amount, string on = "2026-03-10") => new
    {
        lineId = LineId, kind = "Commitment", amount, on, payee = "Tikinti MMC", purpose = "Səki təmiri", document = "Müqavilə 5", contract = "5/2026",
    };

    public object PaymentOf(long commitmentId, decimal amount, string on = "2026-04-10") => new
    {
        lineId = LineId, kind = "PaymentOfCommitment", commitmentId, amount, on, document = "Akt 7",
    };
}
