using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// Corrections of local-payment returns (LTP 9, 11): a return carries its revision and the correction that replaced it, and
/// the one-return-per-site-and-month index now allows one row per revision. Debt certificates (SL 30.2) get a unique index
/// on their number per municipality and year, so concurrent issues cannot share a number. Existing returns are revision 0.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000070_TaxCorrections")]
public sealed class TaxCorrections : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.AddColumn<int>(name: "Revision", table: "LocalPaymentReturns", nullable: false, defaultValue: 0);
        // The model has no column default, so PostgreSQL drops the one used to fill the existing rows.
        if (b.IsPostgres())
            b.Sql("""ALTER TABLE "LocalPaymentReturns" ALTER COLUMN "Revision" DROP DEFAULT;""");
        b.AddColumn<int>(name: "SupersededById", table: "LocalPaymentReturns", nullable: true);
        b.DropIndex("IX_LocalPaymentReturns_OnePerSiteAndMonth", "LocalPaymentReturns");
        b.CreateIndex("IX_LocalPaymentReturns_OnePerSiteAndMonth", "LocalPaymentReturns",
            new[] { "MunicipalityId", "TaxpayerId", "Tax", "Year", "Month", "Site", "Revision" }, unique: true);
        b.CreateIndex("IX_DebtCertificates_MunicipalityId_Year_Number", "DebtCertificates", new[] { "MunicipalityId", "Year", "Number" }, unique: true,
            filter: "\"Number\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder b)
    {
        b.DropIndex("IX_DebtCertificates_MunicipalityId_Year_Number", "DebtCertificates");
        b.DropIndex("IX_LocalPaymentReturns_OnePerSiteAndMonth", "LocalPaymentReturns");
        // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite drops an unindexed column itself (3.35+).
        foreach (var column in new[] { "Revision", "SupersededById" })
            if (b.IsPostgres()) b.DropColumn(name: column, table: "LocalPaymentReturns");
            else b.Sql($"""ALTER TABLE "LocalPaymentReturns" DROP COLUMN "{column}";""");
        b.CreateIndex("IX_LocalPaymentReturns_OnePerSiteAndMonth", "LocalPaymentReturns",
            new[] { "MunicipalityId", "TaxpayerId", "Tax", "Year", "Month", "Site" }, unique: true);
    }
}
