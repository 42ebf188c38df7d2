using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// The reports of SL 52-2 on the budget's calendar: the day and number of the report to the Milli Məclis (52-2.1-2), and the
/// report to the voters with its approving decision, the day it was given and the day it went to the oversight body (52-2.3).
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000140_BudgetReports")]
public sealed class BudgetReports : Migration
{
    private static readonly string[] Columns =
        ["ReportToParliamentSentOn", "ReportToParliamentReference", "VoterReportDecisionId", "VoterReportApprovedOn", "VoterReportGivenOn", "VoterReportSentToOversightOn"];

    protected override void Up(MigrationBuilder b)
    {
        b.AddColumn<DateOnly>(name: "ReportToParliamentSentOn", table: "Budgets", nullable: true);
        b.AddColumn<string>(name: "ReportToParliamentReference", table: "Budgets", nullable: true, maxLength: 100);
        b.AddColumn<int>(name: "VoterReportDecisionId", table: "Budgets", nullable: true);
        b.AddColumn<DateOnly>(name: "VoterReportApprovedOn", table: "Budgets", nullable: true);
        b.AddColumn<DateOnly>(name: "VoterReportGivenOn", table: "Budgets", nullable: true);
        b.AddColumn<DateOnly>(name: "VoterReportSentToOversightOn", table: "Budgets", nullable: true);
    }

    protected override void Down(MigrationBuilder b)
    {
        // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself drops an unindexed column since 3.35.
        foreach (var column in Columns)
            if (b.IsPostgres()) b.DropColumn(name: column, table: "Budgets");
            else b.Sql($"""ALTER TABLE "Budgets" DROP COLUMN "{column}";""");
    }
}
