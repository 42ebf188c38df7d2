using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// The budget module (FL 4-13): budgets per municipality and year with their milestones, revenue and expenditure lines,
/// changes by decision (amendments, sequestration, reallocations), expenditures made through the system, entered revenue,
/// the daily tax revenue posted from the taxes module, and the annual audits.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000100_Budget")]
public sealed class Budget : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.CreateTable(
            name: "BudgetAudits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Auditor = table.Column<string>(nullable: false, maxLength: 300),
                EngagedOn = table.Column<DateOnly>(nullable: false),
                ReportedOn = table.Column<DateOnly>(nullable: true),
                Findings = table.Column<string>(nullable: true, maxLength: 4000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false, maxLength: 256),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BudgetAudits", x => x.Id);
            });

        b.CreateTable(
            name: "BudgetChangeLines",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                ChangeId = table.Column<int>(nullable: false),
                LineId = table.Column<int>(nullable: false),
                DeltaQepik = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BudgetChangeLines", x => x.Id);
            });

        b.CreateTable(
            name: "BudgetChanges",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                BudgetId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                DecisionId = table.Column<int>(nullable: true),
                Basis = table.Column<string>(nullable: true, maxLength: 300),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(nullable: false, maxLength: 2000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BudgetChanges", x => x.Id);
            });

        b.CreateTable(
            name: "BudgetLines",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                BudgetId = table.Column<int>(nullable: false),
                Side = table.Column<int>(nullable: false),
                Code = table.Column<string>(nullable: false, maxLength: 40),
                RevenueClass = table.Column<int>(nullable: true),
                Area = table.Column<int>(nullable: true),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                Funding = table.Column<int>(nullable: false),
                Purpose = table.Column<string>(nullable: true, maxLength: 300),
                ProjectId = table.Column<int>(nullable: true),
                Protected = table.Column<bool>(nullable: false),
                PlannedQepik = table.Column<long>(nullable: false),
                AmendmentsQepik = table.Column<long>(nullable: false),
                ReallocatedInQepik = table.Column<long>(nullable: false),
                ReallocatedOutQepik = table.Column<long>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BudgetLines", x => x.Id);
            });

        b.CreateTable(
            name: "Budgets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                DotationPlanned = table.Column<bool>(nullable: false),
                DraftingStartedOn = table.Column<DateOnly>(nullable: true),
                DotationCalculationsSentOn = table.Column<DateOnly>(nullable: true),
                SubmittedOn = table.Column<DateOnly>(nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                ApprovedOn = table.Column<DateOnly>(nullable: true),
                ApprovalDecisionId = table.Column<int>(nullable: true),
                ExecutionReportApprovedOn = table.Column<DateOnly>(nullable: true),
                ExecutionReportDecisionId = table.Column<int>(nullable: true),
                ExecutionReportPublishedOn = table.Column<DateOnly>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                OpeningBalanceQepik = table.Column<long>(nullable: false),
                DeficitLimitQepik = table.Column<long>(nullable: true),
                Note = table.Column<string>(nullable: true, maxLength: 2000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false, maxLength: 256),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Budgets", x => x.Id);
            });

        b.CreateTable(
            name: "Expenditures",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                BudgetId = table.Column<int>(nullable: false),
                LineId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                CommitmentId = table.Column<long>(nullable: true),
                AmountQepik = table.Column<long>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                Payee = table.Column<string>(nullable: false, maxLength: 300),
                PayeeTaxId = table.Column<string>(nullable: true, maxLength: 10),
                PayeeIsNaturalPerson = table.Column<bool>(nullable: false),
                Purpose = table.Column<string>(nullable: false, maxLength: 1000),
                Document = table.Column<string>(nullable: false, maxLength: 300),
                DecisionId = table.Column<int>(nullable: true),
                Contract = table.Column<string>(nullable: true, maxLength: 300),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false, maxLength: 256),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Expenditures", x => x.Id);
            });

        b.CreateTable(
            name: "RevenueEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                RevenueClass = table.Column<int>(nullable: false),
                AmountQepik = table.Column<long>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                Payer = table.Column<string>(nullable: false, maxLength: 300),
                Document = table.Column<string>(nullable: false, maxLength: 300),
                DecisionId = table.Column<int>(nullable: true),
                Note = table.Column<string>(nullable: true, maxLength: 1000),
                Cancelled = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false, maxLength: 256),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RevenueEntries", x => x.Id);
            });

        b.CreateTable(
            name: "TaxRevenueDays",
            columns: table => new
            {
                MunicipalityId = table.Column<int>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                RevenueClass = table.Column<int>(nullable: false),
                AmountQepik = table.Column<long>(nullable: false),
                Payments = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxRevenueDays", x => new { x.MunicipalityId, x.On, x.RevenueClass });
            });

        b.CreateIndex("IX_BudgetAudits_MunicipalityId_Year", "BudgetAudits", new[] {"MunicipalityId", "Year"});
        b.CreateIndex("IX_BudgetChangeLines_ChangeId", "BudgetChangeLines", "ChangeId");
        b.CreateIndex("IX_BudgetChangeLines_LineId", "BudgetChangeLines", "LineId");
        b.CreateIndex("IX_BudgetChanges_MunicipalityId_BudgetId", "BudgetChanges", new[] {"MunicipalityId", "BudgetId"});
        b.CreateIndex("IX_BudgetLines_BudgetId_Code", "BudgetLines", new[] {"BudgetId", "Code"}, unique: true);
        b.CreateIndex("IX_BudgetLines_MunicipalityId_BudgetId", "BudgetLines", new[] {"MunicipalityId", "BudgetId"});
        b.CreateIndex("IX_Budgets_MunicipalityId_Year", "Budgets", new[] {"MunicipalityId", "Year"}, unique: true);
        b.CreateIndex("IX_Budgets_Year_Status", "Budgets", new[] {"Year", "Status"});
        b.CreateIndex("IX_Expenditures_CommitmentId", "Expenditures", "CommitmentId", filter: "\"CommitmentId\" IS NOT NULL");
        b.CreateIndex("IX_Expenditures_LineId", "Expenditures", "LineId");
        b.CreateIndex("IX_Expenditures_MunicipalityId_BudgetId_On", "Expenditures", new[] {"MunicipalityId", "BudgetId", "On"});
        b.CreateIndex("IX_RevenueEntries_MunicipalityId_Year_ReceivedOn", "RevenueEntries", new[] {"MunicipalityId", "Year", "ReceivedOn"});
        b.CreateIndex("IX_TaxRevenueDays_On_RevenueClass", "TaxRevenueDays", new[] {"On", "RevenueClass"});
    }

    protected override void Down(MigrationBuilder b)
    {
        b.DropTable("BudgetAudits");
        b.DropTable("TaxRevenueDays");
        b.DropTable("RevenueEntries");
        b.DropTable("Expenditures");
        b.DropTable("BudgetChangeLines");
        b.DropTable("BudgetChanges");
        b.DropTable("BudgetLines");
        b.DropTable("Budgets");
    }
}
