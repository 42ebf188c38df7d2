using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// Budget execution: who cancelled an expenditure or an entered revenue, when and why (they stay visible and count for
/// nothing), and the watermark of the tax revenue posting, so a re-run rebuilds only the days newer payments touched.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000120_BudgetExecution")]
public sealed class BudgetExecution : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        foreach (var table in new[] { "Expenditures", "RevenueEntries" })
        {
            b.AddColumn<DateTime>(name: "CancelledAt", table: table, nullable: true);
            b.AddColumn<string>(name: "CancelledBy", table: table, nullable: true, maxLength: 256);
            b.AddColumn<string>(name: "CancellationReason", table: table, nullable: true, maxLength: 500);
        }
        b.CreateTable(
            name: "TaxRevenueWatermarks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                LastAllocationId = table.Column<long>(nullable: false),
                LastPaymentId = table.Column<long>(nullable: false),
                LastReversedAt = table.Column<DateTime>(nullable: true),
                RanAt = table.Column<DateTime>(nullable: true),
                DaysRebuilt = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TaxRevenueWatermarks", x => x.Id));
        // The one row, so concurrent first runs lock it instead of racing to insert it.
        b.Sql("INSERT INTO \"TaxRevenueWatermarks\" (\"Id\", \"LastAllocationId\", \"LastPaymentId\", \"DaysRebuilt\") VALUES (1, 0, 0, 0);");
    }

    protected override void Down(MigrationBuilder b)
    {
        b.DropTable(name: "TaxRevenueWatermarks");
        // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself drops an unindexed column since 3.35.
        foreach (var table in new[] { "Expenditures", "RevenueEntries" })
            foreach (var column in new[] { "CancelledAt", "CancelledBy", "CancellationReason" })
                if (b.IsPostgres()) b.DropColumn(name: column, table: table);
                else b.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
    }
}
