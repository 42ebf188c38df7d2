using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// Commission meetings keep their minutes, who presided (COMM 14, 17), a version and when the minutes became final
/// (COMM 20); separate opinions (COMM 19) and the chairs' signatures (COMM 20) get their own tables. Absences
/// (COMM 8) live in the meeting's tallies (JSON), so they need no column. Meetings recorded before this keep null
/// in the new columns: presiding not recorded, minutes not final.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261123000004_CommissionRules")]
public sealed class CommissionRules : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.AddColumn<string>(name: "Minutes", table: "CommissionMeetings", nullable: true);
        b.AddColumn<int>(name: "PresidedByMemberId", table: "CommissionMeetings", nullable: true);
        b.AddColumn<int>(name: "PresidingBasis", table: "CommissionMeetings", nullable: true);
        b.AddColumn<DateTime>(name: "MinutesFinalAt", table: "CommissionMeetings", nullable: true);
        // Existing rows start at version 0. The model has no column default, so PostgreSQL drops the one used to fill
        // them (SQLite cannot drop a default without rebuilding the table, and the default is harmless there).
        b.AddColumn<long>(name: "Version", table: "CommissionMeetings", nullable: false, defaultValue: 0L);
        if (b.IsPostgres())
            b.Sql("""ALTER TABLE "CommissionMeetings" ALTER COLUMN "Version" DROP DEFAULT;""");

        b.CreateTable(
            name: "CommissionDissents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                MeetingId = table.Column<int>(nullable: false),
                CommissionId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: false, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommissionDissents", x => x.Id);
            });
        b.CreateTable(
            name: "CommissionMeetingSignatures",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                MeetingId = table.Column<int>(nullable: false),
                CommissionId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                SignedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommissionMeetingSignatures", x => x.Id);
            });
        b.CreateIndex("IX_CommissionDissents_MeetingId_MemberId", "CommissionDissents", new[] { "MeetingId", "MemberId" }, unique: true);
        b.CreateIndex("IX_CommissionMeetingSignatures_MeetingId_CommissionId", "CommissionMeetingSignatures", new[] { "MeetingId", "CommissionId" }, unique: true);
    }

    protected override void Down(MigrationBuilder b)
    {
        b.DropTable("CommissionMeetingSignatures");
        b.DropTable("CommissionDissents");
        // EF's SQLite provider refuses DropColumn (it would rebuild the table from a model snapshot, and there is none);
        // SQLite itself drops an unindexed column since 3.35.
        foreach (var column in new[] { "Version", "MinutesFinalAt", "PresidingBasis", "PresidedByMemberId", "Minutes" })
            if (b.IsPostgres()) b.DropColumn(name: column, table: "CommissionMeetings");
            else b.Sql($"""ALTER TABLE "CommissionMeetings" DROP COLUMN "{column}";""");
    }
}
