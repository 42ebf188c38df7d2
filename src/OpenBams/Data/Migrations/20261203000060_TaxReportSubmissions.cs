using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// The record that a quarterly collection report went to the Ministry of Finance (Decree of 4 April 2002 para. 2): the
/// day, the outgoing number and the figures as sent. Sending happens outside the system, so it cannot be derived.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000060_TaxReportSubmissions")]
public sealed class TaxReportSubmissions : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.CreateTable(
            name: "TaxReportSubmissions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Quarter = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                SentOn = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(nullable: true, maxLength: 100),
                Note = table.Column<string>(nullable: true, maxLength: 500),
                Content = table.Column<string>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: false, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxReportSubmissions", x => x.Id);
            });
        b.CreateIndex("IX_TaxReportSubmissions_MunicipalityId_Year_Quarter_Revision", "TaxReportSubmissions",
            new[] { "MunicipalityId", "Year", "Quarter", "Revision" }, unique: true);
    }

    protected override void Down(MigrationBuilder b) => b.DropTable("TaxReportSubmissions");
}
