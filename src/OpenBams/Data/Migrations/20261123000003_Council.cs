using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>The council: members, offices, sessions, votes, decisions, protocols, commissions, charter (SL 14-28, 48).</summary>
[DbContext(typeof(AppDb))]
[Migration("20261123000003_Council")]
public sealed class CouncilTables : Migration
{
    private static readonly string[] Tables =
    [
        "CouncilSettings", "CouncilMembers", "CouncilOffices", "CouncilSessions", "SessionAttendance", "SessionInvitees",
        "AgendaItems", "Speeches", "CouncilVotes", "Ballots", "CouncilDecisions", "Protocols", "ProtocolRemarks",
        "Notifications", "VoterReports", "MemberInquiries", "MandateCases", "Commissions", "CommissionMemberships",
        "CommissionMeetings", "CitizensMeetings", "CharterVersions",
    ];

    protected override void Up(MigrationBuilder b)
    {
        b.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                SessionId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(nullable: false, maxLength: 500),
                Area = table.Column<int>(nullable: false),
                Rule = table.Column<int>(nullable: false),
                Rapporteur = table.Column<string>(nullable: true, maxLength: 200),
                Summary = table.Column<string>(nullable: true),
                DraftText = table.Column<string>(nullable: true),
                CandidateMemberId = table.Column<int>(nullable: true),
                CandidatePost = table.Column<int>(nullable: true),
                RemovalGround = table.Column<string>(nullable: true, maxLength: 20),
                RevokesDecisionId = table.Column<int>(nullable: true),
                MandateCaseId = table.Column<int>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
            });
        b.CreateTable(
            name: "Ballots",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                VoteId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Choice = table.Column<int>(nullable: true),
                CastAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Ballots", x => x.Id);
            });
        b.CreateTable(
            name: "CharterVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Sections = table.Column<string>(nullable: false),
                AdoptedOn = table.Column<DateOnly>(nullable: false),
                AdoptedByDecisionId = table.Column<int>(nullable: true),
                AdoptedByCitizensMeetingId = table.Column<int>(nullable: true),
                RegistrationNumber = table.Column<string>(nullable: true, maxLength: 50),
                RegisteredOn = table.Column<DateOnly>(nullable: true),
                RefusalReason = table.Column<string>(nullable: true, maxLength: 1000),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CharterVersions", x => x.Id);
            });
        b.CreateTable(
            name: "CitizensMeetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Subject = table.Column<string>(nullable: false, maxLength: 500),
                AboutMergerOrSeparation = table.Column<bool>(nullable: false),
                ResidentVoters = table.Column<int>(nullable: false),
                Participants = table.Column<int>(nullable: false),
                Quorate = table.Column<bool>(nullable: false),
                Decisions = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CitizensMeetings", x => x.Id);
            });
        b.CreateTable(
            name: "CommissionMeetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                NotifiedOn = table.Column<DateOnly>(nullable: false),
                Subject = table.Column<string>(nullable: false, maxLength: 500),
                DecisionText = table.Column<string>(nullable: true),
                Adopted = table.Column<bool>(nullable: false),
                Tallies = table.Column<string>(nullable: false),
                IsReportToCouncil = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommissionMeetings", x => x.Id);
            });
        b.CreateTable(
            name: "CommissionMemberships",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                CommissionId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommissionMemberships", x => x.Id);
            });
        b.CreateTable(
            name: "Commissions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                Kind = table.Column<int>(nullable: false),
                EstablishedOn = table.Column<DateOnly>(nullable: false),
                EstablishedByDecisionId = table.Column<int>(nullable: true),
                EndsOn = table.Column<DateOnly>(nullable: true),
                ChairMemberId = table.Column<int>(nullable: true),
                DeputyChairMemberId = table.Column<int>(nullable: true),
                AbolishedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Commissions", x => x.Id);
            });
        b.CreateTable(
            name: "CouncilDecisions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                AdoptedOn = table.Column<DateOnly>(nullable: false),
                SessionId = table.Column<int>(nullable: false),
                AgendaItemId = table.Column<int>(nullable: false),
                VoteId = table.Column<int>(nullable: false),
                Area = table.Column<int>(nullable: false),
                Title = table.Column<string>(nullable: false, maxLength: 500),
                Text = table.Column<string>(nullable: false),
                Rule = table.Column<int>(nullable: false),
                Members = table.Column<int>(nullable: false),
                Present = table.Column<int>(nullable: false),
                For = table.Column<int>(nullable: false),
                Against = table.Column<int>(nullable: false),
                Abstain = table.Column<int>(nullable: false),
                Required = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                SignedAt = table.Column<DateTime>(nullable: true),
                SignedBy = table.Column<string>(nullable: true, maxLength: 256),
                PublishedAt = table.Column<DateTime>(nullable: true),
                RevokesDecisionId = table.Column<int>(nullable: true),
                RevokedByDecisionId = table.Column<int>(nullable: true),
                OversightDueOn = table.Column<DateOnly>(nullable: false),
                SentToOversightAt = table.Column<DateTime>(nullable: true),
                SentBy = table.Column<string>(nullable: true, maxLength: 256),
                OversightReceiptNumber = table.Column<string>(nullable: true, maxLength: 100),
                OversightReceivedAt = table.Column<DateTime>(nullable: true),
                OversightReceivedBy = table.Column<string>(nullable: true, maxLength: 256),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilDecisions", x => x.Id);
            });
        b.CreateTable(
            name: "CouncilMembers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                FullName = table.Column<string>(nullable: false, maxLength: 200),
                PersonalId = table.Column<string>(nullable: true, maxLength: 7),
                UserId = table.Column<Guid>(nullable: true),
                Email = table.Column<string>(nullable: true, maxLength: 256),
                Phone = table.Column<string>(nullable: true, maxLength: 30),
                Constituency = table.Column<string>(nullable: true, maxLength: 100),
                ElectedOn = table.Column<DateOnly>(nullable: false),
                MandateConfirmedOn = table.Column<DateOnly>(nullable: false),
                MandateConfirmedBy = table.Column<string>(nullable: false, maxLength: 200),
                TermEndsOn = table.Column<DateOnly>(nullable: false),
                PermanentBasis = table.Column<bool>(nullable: false),
                PermanentRequestedOn = table.Column<DateOnly>(nullable: true),
                EmployerNotifiedOn = table.Column<DateOnly>(nullable: true),
                EmployerReleasedOn = table.Column<DateOnly>(nullable: true),
                WasMunicipalServant = table.Column<bool>(nullable: false),
                ServiceLeftOn = table.Column<DateOnly>(nullable: true),
                Status = table.Column<int>(nullable: false),
                MandateEndedOn = table.Column<DateOnly>(nullable: true),
                MandateEndGround = table.Column<int>(nullable: true),
                MandateEndDecisionId = table.Column<int>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilMembers", x => x.Id);
            });
        b.CreateTable(
            name: "CouncilOffices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Post = table.Column<int>(nullable: false),
                ElectedOn = table.Column<DateOnly>(nullable: false),
                ElectionDecisionId = table.Column<int>(nullable: true),
                EndedOn = table.Column<DateOnly>(nullable: true),
                EndGround = table.Column<string>(nullable: true, maxLength: 20),
                EndDecisionId = table.Column<int>(nullable: true),
                HandoverDueOn = table.Column<DateOnly>(nullable: true),
                HandoverCompletedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilOffices", x => x.Id);
            });
        b.CreateTable(
            name: "CouncilSessions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Initiative = table.Column<int>(nullable: false),
                IsFirstSession = table.Column<bool>(nullable: false),
                ScheduledOn = table.Column<DateOnly>(nullable: false),
                StartsAt = table.Column<TimeOnly>(nullable: false),
                Place = table.Column<string>(nullable: false, maxLength: 300),
                CalledOn = table.Column<DateOnly>(nullable: false),
                CalledBy = table.Column<string>(nullable: false, maxLength: 256),
                ShortNoticeReason = table.Column<string>(nullable: true, maxLength: 1000),
                InitiativeSupport = table.Column<int>(nullable: true),
                ChairmanRefused = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                Members = table.Column<int>(nullable: false),
                ChairMemberId = table.Column<int>(nullable: true),
                SecretaryMemberId = table.Column<int>(nullable: true),
                AgendaApproved = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilSessions", x => x.Id);
            });
        b.CreateTable(
            name: "CouncilSettings",
            columns: table => new
            {
                MunicipalityId = table.Column<int>(nullable: false),
                SimpleMajorityBase = table.Column<int>(nullable: false),
                EnforceNotice = table.Column<bool>(nullable: false),
                ResidentVoters = table.Column<int>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilSettings", x => x.MunicipalityId);
            });
        b.CreateTable(
            name: "CouncilVotes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                SessionId = table.Column<int>(nullable: false),
                AgendaItemId = table.Column<int>(nullable: true),
                Ballot = table.Column<int>(nullable: false),
                Rule = table.Column<int>(nullable: false),
                Base = table.Column<int>(nullable: false),
                Members = table.Column<int>(nullable: false),
                Present = table.Column<int>(nullable: false),
                For = table.Column<int>(nullable: false),
                Against = table.Column<int>(nullable: false),
                Abstain = table.Column<int>(nullable: false),
                Required = table.Column<int>(nullable: true),
                Adopted = table.Column<bool>(nullable: true),
                Status = table.Column<int>(nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilVotes", x => x.Id);
            });
        b.CreateTable(
            name: "MandateCases",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Ground = table.Column<int>(nullable: false),
                RaisedOn = table.Column<DateOnly>(nullable: false),
                RaisedBy = table.Column<string>(nullable: false, maxLength: 256),
                Detail = table.Column<string>(nullable: true, maxLength: 2000),
                CourtDecisionReference = table.Column<string>(nullable: true, maxLength: 200),
                CourtDecisionInForceOn = table.Column<DateOnly>(nullable: true),
                DecisionId = table.Column<int>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MandateCases", x => x.Id);
            });
        b.CreateTable(
            name: "MemberInquiries",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Addressee = table.Column<string>(nullable: false, maxLength: 300),
                Subject = table.Column<string>(nullable: false, maxLength: 500),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                NeedsVerification = table.Column<bool>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                AnsweredOn = table.Column<DateOnly>(nullable: true),
                Answer = table.Column<string>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberInquiries", x => x.Id);
            });
        b.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                MemberId = table.Column<int>(nullable: true),
                Channel = table.Column<int>(nullable: false),
                Address = table.Column<string>(nullable: true, maxLength: 256),
                Subject = table.Column<string>(nullable: false, maxLength: 300),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                ReadAt = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(nullable: true, maxLength: 1000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
            });
        b.CreateTable(
            name: "ProtocolRemarks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                ProtocolId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProtocolRemarks", x => x.Id);
            });
        b.CreateTable(
            name: "Protocols",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                SessionId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Content = table.Column<string>(nullable: false),
                Status = table.Column<int>(nullable: false),
                DraftedAt = table.Column<DateTime>(nullable: false),
                ChairSignedAt = table.Column<DateTime>(nullable: true),
                ChairSignedBy = table.Column<string>(nullable: true, maxLength: 256),
                SecretarySignedAt = table.Column<DateTime>(nullable: true),
                SecretarySignedBy = table.Column<string>(nullable: true, maxLength: 256),
                CorrectsProtocolId = table.Column<int>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Protocols", x => x.Id);
            });
        b.CreateTable(
            name: "SessionAttendance",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                SessionId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: true),
                Note = table.Column<string>(nullable: true, maxLength: 500),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SessionAttendance", x => x.Id);
            });
        b.CreateTable(
            name: "SessionInvitees",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                SessionId = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Capacity = table.Column<string>(nullable: true, maxLength: 200),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SessionInvitees", x => x.Id);
            });
        b.CreateTable(
            name: "Speeches",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                AgendaItemId = table.Column<int>(nullable: false),
                Speaker = table.Column<string>(nullable: false, maxLength: 200),
                Summary = table.Column<string>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Speeches", x => x.Id);
            });
        b.CreateTable(
            name: "VoterReports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Place = table.Column<string>(nullable: false, maxLength: 300),
                Summary = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoterReports", x => x.Id);
            });
        b.CreateIndex("IX_AgendaItems_SessionId_Number", "AgendaItems", new[] {"SessionId", "Number"}, unique: true);
        b.CreateIndex("IX_Ballots_VoteId_MemberId", "Ballots", new[] {"VoteId", "MemberId"}, unique: true);
        b.CreateIndex("IX_CharterVersions_MunicipalityId", "CharterVersions", "MunicipalityId");
        b.CreateIndex("IX_CitizensMeetings_MunicipalityId", "CitizensMeetings", "MunicipalityId");
        b.CreateIndex("IX_CommissionMeetings_MunicipalityId", "CommissionMeetings", "MunicipalityId");
        b.CreateIndex("IX_CommissionMemberships_CommissionId_MemberId", "CommissionMemberships", new[] {"CommissionId", "MemberId"}, unique: true);
        b.CreateIndex("IX_Commissions_MunicipalityId", "Commissions", "MunicipalityId");
        b.CreateIndex("IX_CouncilDecisions_MunicipalityId_Year_Number", "CouncilDecisions", new[] {"MunicipalityId", "Year", "Number"}, unique: true);
        b.CreateIndex("IX_CouncilDecisions_OversightReceivedAt_OversightDueOn", "CouncilDecisions", new[] {"OversightReceivedAt", "OversightDueOn"});
        b.CreateIndex("IX_CouncilDecisions_SessionId", "CouncilDecisions", "SessionId");
        b.CreateIndex("IX_CouncilDecisions_AdoptedOn_Number", "CouncilDecisions", new[] {"AdoptedOn", "Number"}, filter: "\"PublishedAt\" IS NOT NULL");
        b.CreateIndex("IX_CouncilMembers_MunicipalityId_Status", "CouncilMembers", new[] {"MunicipalityId", "Status"});
        b.CreateIndex("IX_CouncilMembers_UserId", "CouncilMembers", "UserId");
        b.CreateIndex("IX_CouncilOffices_MunicipalityId_Post", "CouncilOffices", new[] {"MunicipalityId", "Post"});
        b.CreateIndex("IX_CouncilSessions_MunicipalityId_ScheduledOn", "CouncilSessions", new[] {"MunicipalityId", "ScheduledOn"});
        b.CreateIndex("IX_CouncilVotes_SessionId_AgendaItemId", "CouncilVotes", new[] {"SessionId", "AgendaItemId"});
        b.CreateIndex("IX_MandateCases_MemberId_Ground_Status", "MandateCases", new[] {"MemberId", "Ground", "Status"});
        b.CreateIndex("IX_MemberInquiries_MemberId", "MemberInquiries", "MemberId");
        b.CreateIndex("IX_Notifications_UserId_ReadAt", "Notifications", new[] {"UserId", "ReadAt"});
        b.CreateIndex("IX_ProtocolRemarks_ProtocolId", "ProtocolRemarks", "ProtocolId");
        b.CreateIndex("IX_Protocols_MunicipalityId_Year_Number", "Protocols", new[] {"MunicipalityId", "Year", "Number"}, unique: true);
        b.CreateIndex("IX_Protocols_SessionId", "Protocols", "SessionId");
        b.CreateIndex("IX_SessionAttendance_MemberId", "SessionAttendance", "MemberId");
        b.CreateIndex("IX_SessionAttendance_SessionId_MemberId", "SessionAttendance", new[] {"SessionId", "MemberId"}, unique: true);
        b.CreateIndex("IX_SessionInvitees_SessionId", "SessionInvitees", "SessionId");
        b.CreateIndex("IX_Speeches_AgendaItemId", "Speeches", "AgendaItemId");
        b.CreateIndex("IX_VoterReports_MemberId", "VoterReports", "MemberId");
    }

    protected override void Down(MigrationBuilder b)
    {
        foreach (var t in Enumerable.Reverse(Tables)) b.DropTable(t);
    }
}
