using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// The tax service's procedure (TAX-REG 5-7) needs what the first taxes schema left out: who signed a participation decision
/// (5.2), the proof and parts of each step of an act (5.3-5.12), what a complaint is against and who decided it (6.2, 6.6),
/// and the council decisions recorded as the yearly discussion of the tax service (7.2). Existing complaints against a
/// decision or the chairman are read as against a municipal decision (the closer of the two; the old flag did not say).
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000050_TaxService")]
public sealed class TaxService : Migration
{
    private static readonly (string Table, string Column)[] Added =
    [
        ("TaxAudits", "ParticipationSignedBy"), ("TaxAudits", "ParticipationSignedOn"),
        ("AuditActs", "DeliveryProof"), ("AuditActs", "OriginalToChairmanOn"), ("AuditActs", "ObjectionParts"), ("AuditActs", "ObjectionLate"),
        ("AuditActs", "HearingPlace"), ("AuditActs", "HearingTime"), ("AuditActs", "DemandMethod"), ("AuditActs", "DemandProof"),
        ("AuditActs", "DemandObstructed"), ("AuditActs", "DemandLetterSentOn"), ("AuditActs", "DemandInterestQepik"), ("AuditActs", "DemandSanctionsQepik"),
        ("AuditActs", "CancellationReference"), ("AuditActs", "CourtRepresentation"), ("AuditActs", "CourtCase"), ("AuditActs", "Judgement"),
        ("AuditActs", "ClosedOn"), ("AuditActs", "ClosingNote"),
        ("TaxComplaints", "Against"), ("TaxComplaints", "RestoredOn"), ("TaxComplaints", "DecidedBy"), ("TaxComplaints", "DecisionReference"),
        ("TaxComplaints", "ReplyMethod"),
    ];

    protected override void Up(MigrationBuilder b)
    {
        b.AddColumn<string>(name: "ParticipationSignedBy", table: "TaxAudits", nullable: true, maxLength: 256);
        b.AddColumn<DateOnly>(name: "ParticipationSignedOn", table: "TaxAudits", nullable: true);

        b.AddColumn<string>(name: "DeliveryProof", table: "AuditActs", nullable: true, maxLength: 300);
        b.AddColumn<DateOnly>(name: "OriginalToChairmanOn", table: "AuditActs", nullable: true);
        b.AddColumn<string>(name: "ObjectionParts", table: "AuditActs", nullable: true, maxLength: 1000);
        b.AddColumn<bool>(name: "ObjectionLate", table: "AuditActs", nullable: false, defaultValue: false);
        b.AddColumn<string>(name: "HearingPlace", table: "AuditActs", nullable: true, maxLength: 300);
        b.AddColumn<TimeOnly>(name: "HearingTime", table: "AuditActs", nullable: true);
        b.AddColumn<int>(name: "DemandMethod", table: "AuditActs", nullable: true);
        b.AddColumn<string>(name: "DemandProof", table: "AuditActs", nullable: true, maxLength: 300);
        b.AddColumn<bool>(name: "DemandObstructed", table: "AuditActs", nullable: false, defaultValue: false);
        b.AddColumn<DateOnly>(name: "DemandLetterSentOn", table: "AuditActs", nullable: true);
        b.AddColumn<long>(name: "DemandInterestQepik", table: "AuditActs", nullable: true);
        b.AddColumn<long>(name: "DemandSanctionsQepik", table: "AuditActs", nullable: true);
        b.AddColumn<string>(name: "CancellationReference", table: "AuditActs", nullable: true, maxLength: 200);
        b.AddColumn<string>(name: "CourtRepresentation", table: "AuditActs", nullable: true, maxLength: 200);
        b.AddColumn<string>(name: "CourtCase", table: "AuditActs", nullable: true, maxLength: 200);
        b.AddColumn<string>(name: "Judgement", table: "AuditActs", nullable: true, maxLength: 2000);
        b.AddColumn<DateOnly>(name: "ClosedOn", table: "AuditActs", nullable: true);
        b.AddColumn<string>(name: "ClosingNote", table: "AuditActs", nullable: true, maxLength: 1000);

        b.AddColumn<int>(name: "Against", table: "TaxComplaints", nullable: false, defaultValue: 0);
        b.AddColumn<DateOnly>(name: "RestoredOn", table: "TaxComplaints", nullable: true);
        b.AddColumn<string>(name: "DecidedBy", table: "TaxComplaints", nullable: true, maxLength: 256);
        b.AddColumn<string>(name: "DecisionReference", table: "TaxComplaints", nullable: true, maxLength: 200);
        b.AddColumn<int>(name: "ReplyMethod", table: "TaxComplaints", nullable: true);
        b.Sql("""UPDATE "TaxComplaints" SET "Against" = 2 WHERE "AgainstDecisionOrChairman" = TRUE;""");

        // The model has no column defaults: PostgreSQL drops the ones used to fill existing rows (SQLite keeps them, harmless).
        if (b.IsPostgres())
            b.Sql("""
                ALTER TABLE "AuditActs" ALTER COLUMN "ObjectionLate" DROP DEFAULT;
                ALTER TABLE "AuditActs" ALTER COLUMN "DemandObstructed" DROP DEFAULT;
                ALTER TABLE "TaxComplaints" ALTER COLUMN "Against" DROP DEFAULT;
                """);

        b.CreateTable(
            name: "TaxServiceReviews",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                DecisionId = table.Column<int>(nullable: false),
                DecisionCode = table.Column<string>(nullable: false, maxLength: 20),
                Title = table.Column<string>(nullable: false, maxLength: 500),
                AdoptedOn = table.Column<DateOnly>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: false, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxServiceReviews", x => x.Id);
            });
        b.CreateIndex("IX_TaxServiceReviews_MunicipalityId_DecisionId", "TaxServiceReviews", new[] { "MunicipalityId", "DecisionId" }, unique: true);
    }

    protected override void Down(MigrationBuilder b)
    {
        b.DropTable("TaxServiceReviews");
        // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself drops an unindexed column since 3.35.
        foreach (var (table, column) in Added.Reverse())
            if (b.IsPostgres()) b.DropColumn(name: column, table: table);
            else b.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
    }
}
