using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// The first schema: identity, tenancy roles, audit log, legal parameters, calendar and the register.
/// Written from EF Core's own model differ (see docs/migrations.md); provider-neutral, so the same
/// migration runs on SQLite and PostgreSQL. SchemaTests prove it equals the model on both engines.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261123000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder b)
    {
        b.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FullName = table.Column<string>(nullable: false, maxLength: 200),
                PersonalId = table.Column<string>(nullable: true, maxLength: 7),
                PreferredLanguage = table.Column<string>(nullable: false, maxLength: 5),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Disabled = table.Column<bool>(nullable: false),
                UserName = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedUserName = table.Column<string>(nullable: true, maxLength: 256),
                Email = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedEmail = table.Column<string>(nullable: true, maxLength: 256),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        b.CreateTable(
            name: "AuditLog",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(nullable: true, maxLength: 256),
                MunicipalityId = table.Column<int>(nullable: true),
                Entity = table.Column<string>(nullable: false, maxLength: 100),
                EntityId = table.Column<string>(nullable: false, maxLength: 100),
                Action = table.Column<string>(nullable: false, maxLength: 20),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
                Reason = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditLog", x => x.Id);
            });

        b.CreateTable(
            name: "CalendarDays",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                NameAz = table.Column<string>(nullable: false, maxLength: 200),
                NameEn = table.Column<string>(nullable: false, maxLength: 200),
                FromSeeds = table.Column<bool>(nullable: false),
                Source = table.Column<string>(nullable: true, maxLength: 300),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarDays", x => x.Id);
            });

        b.CreateTable(
            name: "LegalParameters",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Key = table.Column<string>(nullable: false, maxLength: 50),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                Value = table.Column<decimal>(nullable: false, precision: 18, scale: 6),
                Citation = table.Column<string>(nullable: true, maxLength: 100),
                FromSeeds = table.Column<bool>(nullable: false),
                Note = table.Column<string>(nullable: true),
                SupersededById = table.Column<int>(nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LegalParameters", x => x.Id);
            });

        b.CreateTable(
            name: "NationalCounts",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Municipalities = table.Column<int>(nullable: false),
                Members = table.Column<int>(nullable: true),
                Source = table.Column<string>(nullable: false, maxLength: 300),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NationalCounts", x => x.Year);
            });

        b.CreateTable(
            name: "Regions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Name = table.Column<string>(nullable: false, maxLength: 100),
                NameAsPrinted = table.Column<string>(nullable: true, maxLength: 200),
                InNakhchivan = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Regions", x => x.Id);
            });

        b.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateTable(
            name: "RoleAssignments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                MunicipalityId = table.Column<int>(nullable: true),
                GrantedAt = table.Column<DateTime>(nullable: false),
                GrantedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                table.ForeignKey("FK_RoleAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateTable(
            name: "Districts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                RegionId = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 100),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Districts", x => x.Id);
                table.ForeignKey("FK_Districts_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateTable(
            name: "Municipalities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                NameAsPrinted = table.Column<string>(nullable: false, maxLength: 200),
                SearchKey = table.Column<string>(nullable: false, maxLength: 200),
                Kind = table.Column<int>(nullable: false),
                KindBasis = table.Column<string>(nullable: true, maxLength: 20),
                Status = table.Column<int>(nullable: false),
                RegionId = table.Column<int>(nullable: false),
                DistrictId = table.Column<int>(nullable: true),
                ListNumber = table.Column<int>(nullable: true),
                ListNumberPrinted = table.Column<string>(nullable: true, maxLength: 10),
                TerritoryText = table.Column<string>(nullable: true),
                Population = table.Column<int>(nullable: true),
                PopulationDate = table.Column<DateOnly>(nullable: true),
                PopulationSource = table.Column<string>(nullable: true, maxLength: 300),
                CouncilSizeOverride = table.Column<int>(nullable: true),
                CouncilSizeJustification = table.Column<string>(nullable: true, maxLength: 1000),
                RegisterCertificateNumber = table.Column<string>(nullable: true, maxLength: 50),
                RegisterCertificateDate = table.Column<DateOnly>(nullable: true),
                CharterRegistrationNumber = table.Column<string>(nullable: true, maxLength: 50),
                CharterRegisteredOn = table.Column<DateOnly>(nullable: true),
                EstablishedOn = table.Column<DateOnly>(nullable: true),
                EndedOn = table.Column<DateOnly>(nullable: true),
                Source = table.Column<string>(nullable: true, maxLength: 300),
                SourceLines = table.Column<string>(nullable: true, maxLength: 100),
                DataNotes = table.Column<string>(nullable: true),
                ImportKey = table.Column<string>(nullable: true, maxLength: 200),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Municipalities", x => x.Id);
                table.ForeignKey("FK_Municipalities_Districts_DistrictId", x => x.DistrictId, "Districts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Municipalities_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            });

        b.CreateTable(
            name: "MunicipalityEvents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                OtherMunicipalityId = table.Column<int>(nullable: true),
                OtherMunicipalityName = table.Column<string>(nullable: true, maxLength: 200),
                ActTitle = table.Column<string>(nullable: false, maxLength: 500),
                ActNumber = table.Column<string>(nullable: true, maxLength: 50),
                ActDate = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MunicipalityEvents", x => x.Id);
                table.ForeignKey("FK_MunicipalityEvents_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateTable(
            name: "TerritorialUnits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Kind = table.Column<int>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TerritorialUnits", x => x.Id);
                table.ForeignKey("FK_TerritorialUnits_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Cascade);
            });

        b.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        b.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        b.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        b.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        b.CreateIndex("IX_AuditLog_Entity_EntityId", "AuditLog", new[] {"Entity", "EntityId"});
        b.CreateIndex("IX_AuditLog_MunicipalityId_Id", "AuditLog", new[] {"MunicipalityId", "Id"});
        b.CreateIndex("IX_CalendarDays_Date", "CalendarDays", "Date", unique: true);
        b.CreateIndex("IX_Districts_RegionId_Name", "Districts", new[] {"RegionId", "Name"}, unique: true);
        b.CreateIndex("IX_LegalParameters_Key_ValidFrom", "LegalParameters", new[] {"Key", "ValidFrom"});
        b.CreateIndex("IX_Municipalities_DistrictId", "Municipalities", "DistrictId");
        b.CreateIndex("IX_Municipalities_ImportKey", "Municipalities", "ImportKey", unique: true);
        b.CreateIndex("IX_Municipalities_Kind", "Municipalities", "Kind");
        b.CreateIndex("IX_Municipalities_RegionId_DistrictId_ListNumber", "Municipalities", new[] {"RegionId", "DistrictId", "ListNumber"});
        b.CreateIndex("IX_Municipalities_SearchKey", "Municipalities", "SearchKey");
        b.CreateIndex("IX_MunicipalityEvents_MunicipalityId_On", "MunicipalityEvents", new[] {"MunicipalityId", "On"});
        b.CreateIndex("IX_Regions_Name", "Regions", "Name", unique: true);
        b.CreateIndex("IX_RoleAssignments_MunicipalityId", "RoleAssignments", "MunicipalityId");
        b.CreateIndex("IX_RoleAssignments_UserId_Role_MunicipalityId", "RoleAssignments", new[] {"UserId", "Role", "MunicipalityId"}, unique: true);
        b.CreateIndex("IX_TerritorialUnits_MunicipalityId", "TerritorialUnits", "MunicipalityId");
    }

    protected override void Down(MigrationBuilder b)
    {
        foreach (var table in new[]
                 {
                     "TerritorialUnits", "MunicipalityEvents", "Municipalities", "Districts", "Regions", "NationalCounts",
                     "RoleAssignments", "AspNetUserTokens", "AspNetUserLogins", "AspNetUserClaims", "AspNetUsers",
                     "AuditLog", "CalendarDays", "LegalParameters",
                 })
            b.DropTable(table);
    }
}
