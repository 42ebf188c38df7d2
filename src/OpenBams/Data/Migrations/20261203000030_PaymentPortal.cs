using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// Payments from the payment portal (HÖP) carry the payer's FIN/VÖEN, the portal's transaction id, the random code their
/// receipt is opened with and the hash of the request (an idempotency key reused with another body is refused). A statement
/// import keeps when its validation finished and the last line booked, so a crash resumes after it. Existing rows keep null
/// (no receipt, no transaction) and cursor 0.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000030_PaymentPortal")]
public sealed class PaymentPortal : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.AddColumn<string>(name: "PayerId", table: "Payments", nullable: true, maxLength: 10);
        b.AddColumn<string>(name: "TransactionId", table: "Payments", nullable: true, maxLength: 100);
        b.AddColumn<string>(name: "ReceiptCode", table: "Payments", nullable: true, maxLength: 32);
        b.AddColumn<string>(name: "RequestHash", table: "Payments", nullable: true, maxLength: 64);
        b.CreateIndex("IX_Payments_ReceiptCode", "Payments", "ReceiptCode", unique: true, filter: "\"ReceiptCode\" IS NOT NULL");
        b.CreateIndex("IX_Payments_TransactionId", "Payments", "TransactionId");

        b.AddColumn<DateTime>(name: "ValidatedAt", table: "PaymentImports", nullable: true);
        // Existing imports start at line 0. The model has no column default, so PostgreSQL drops the one used to fill them.
        b.AddColumn<int>(name: "CursorLine", table: "PaymentImports", nullable: false, defaultValue: 0);
        if (b.IsPostgres())
            b.Sql("""ALTER TABLE "PaymentImports" ALTER COLUMN "CursorLine" DROP DEFAULT;""");
    }

    protected override void Down(MigrationBuilder b)
    {
        b.DropIndex("IX_Payments_ReceiptCode", "Payments");
        b.DropIndex("IX_Payments_TransactionId", "Payments");
        // EF's SQLite provider refuses DropColumn (it would rebuild the table from a model snapshot, and there is none);
        // SQLite itself drops an unindexed column since 3.35 (the indexes are dropped above).
        foreach (var (table, column) in new[] { ("Payments", "PayerId"), ("Payments", "TransactionId"), ("Payments", "ReceiptCode"), ("Payments", "RequestHash"),
                     ("PaymentImports", "ValidatedAt"), ("PaymentImports", "CursorLine") })
            if (b.IsPostgres()) b.DropColumn(name: column, table: table);
            else b.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
    }
}
