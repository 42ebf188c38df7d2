using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenBams.Platform.Data;

#nullable disable

namespace OpenBams.Data.Migrations;

/// <summary>
/// Local taxes and payments (LTP, LML 17-19, SL 30.2, 43, TAX-REG): taxpayers, land plots (shared with the lands module),
/// buildings, vehicles and their holders, council-set rates and reliefs, assessment runs, payment notices with their lines,
/// the account (charges, payments, allocations), statement imports, debt certificates, local payment returns, voluntary
/// projects, and the tax service's audits, acts and complaints.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261203000001_Taxes")]
public sealed class TaxesTables : Migration
{
    private static readonly string[] Tables =
    [
        "AssessmentLines", "AssessmentRuns", "AuditActs", "Buildings", "DebtCertificates", "LandPlots", "LocalPaymentReturns", "ObjectHoldings", "PaymentAllocations", "PaymentImportIssues", "PaymentImports", "PaymentNotices", "Payments", "ProjectSpendings", "TaxAudits", "TaxCharges", "TaxComplaints", "Taxpayers", "TaxRates", "TaxReliefs", "TaxSettings", "Vehicles", "VoluntaryProjects",
    ];

    protected override void Up(MigrationBuilder b)
    {
        b.CreateTable(
            name: "AssessmentLines",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                NoticeId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                Tax = table.Column<int>(nullable: false),
                ObjectKind = table.Column<int>(nullable: false),
                ObjectId = table.Column<int>(nullable: false),
                ObjectLabel = table.Column<string>(nullable: false, maxLength: 300),
                RateClass = table.Column<string>(nullable: true, maxLength: 50),
                BaseValue = table.Column<decimal>(nullable: false, precision: 18, scale: 4),
                Unit = table.Column<int>(nullable: false),
                Rate = table.Column<decimal>(nullable: false, precision: 18, scale: 6),
                Decision = table.Column<string>(nullable: true, maxLength: 30),
                Weight = table.Column<decimal>(nullable: false, precision: 18, scale: 10),
                WeightText = table.Column<string>(nullable: false, maxLength: 30),
                WeightNote = table.Column<string>(nullable: true, maxLength: 200),
                Months = table.Column<int>(nullable: false),
                GrossQepik = table.Column<long>(nullable: false),
                ReliefQepik = table.Column<long>(nullable: false),
                NetQepik = table.Column<long>(nullable: false),
                ReliefNote = table.Column<string>(nullable: true, maxLength: 300),
                Citation = table.Column<string>(nullable: false, maxLength: 30),
                Outcome = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssessmentLines", x => x.Id);
            });

        b.CreateTable(
            name: "AssessmentRuns",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: true),
                Year = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                RequestedBy = table.Column<string>(nullable: false, maxLength: 256),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                MunicipalitiesTotal = table.Column<int>(nullable: false),
                MunicipalitiesDone = table.Column<int>(nullable: false),
                CursorTaxpayerId = table.Column<int>(nullable: true),
                TaxpayersTotal = table.Column<long>(nullable: false),
                TaxpayersDone = table.Column<long>(nullable: false),
                NoticesCreated = table.Column<int>(nullable: false),
                NoticesRevised = table.Column<int>(nullable: false),
                NoticesUnchanged = table.Column<int>(nullable: false),
                LinesWritten = table.Column<long>(nullable: false),
                LeaseUntil = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(nullable: true, maxLength: 2000),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssessmentRuns", x => x.Id);
            });

        b.CreateTable(
            name: "AuditActs",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                AuditId = table.Column<int>(nullable: true),
                TaxpayerId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                DrawnOn = table.Column<DateOnly>(nullable: false),
                Place = table.Column<string>(nullable: false, maxLength: 300),
                DrawnBy = table.Column<string>(nullable: false, maxLength: 1000),
                PayerInfo = table.Column<string>(nullable: false, maxLength: 1000),
                Tax = table.Column<int>(nullable: false),
                Circumstances = table.Column<string>(nullable: false),
                Articles = table.Column<string>(nullable: false, maxLength: 500),
                Proposal = table.Column<string>(nullable: false),
                AmountQepik = table.Column<long>(nullable: false),
                DeliveredOn = table.Column<DateOnly>(nullable: true),
                DeliveryMethod = table.Column<int>(nullable: true),
                ObstructedByPayer = table.Column<bool>(nullable: false),
                RegisteredLetterSentOn = table.Column<DateOnly>(nullable: true),
                ObjectionDueOn = table.Column<DateOnly>(nullable: true),
                DecisionDueOn = table.Column<DateOnly>(nullable: true),
                ObjectionReceivedOn = table.Column<DateOnly>(nullable: true),
                ObjectionText = table.Column<string>(nullable: true),
                HearingNoticeOn = table.Column<DateOnly>(nullable: true),
                HearingOn = table.Column<DateOnly>(nullable: true),
                HeardInAbsentia = table.Column<bool>(nullable: true),
                AbsenceReason = table.Column<string>(nullable: true, maxLength: 500),
                AbsenceReasonAccepted = table.Column<bool>(nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                Decision = table.Column<int>(nullable: true),
                DecisionReference = table.Column<string>(nullable: true, maxLength: 200),
                DemandSentOn = table.Column<DateOnly>(nullable: true),
                DemandDeliveredOn = table.Column<DateOnly>(nullable: true),
                PaidVoluntarilyOn = table.Column<DateOnly>(nullable: true),
                ReferralCancelledOn = table.Column<DateOnly>(nullable: true),
                CourtFiledOn = table.Column<DateOnly>(nullable: true),
                JudgementFinalOn = table.Column<DateOnly>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditActs", x => x.Id);
            });

        b.CreateTable(
            name: "Buildings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                PlotId = table.Column<int>(nullable: true),
                Address = table.Column<string>(nullable: false, maxLength: 300),
                Description = table.Column<string>(nullable: true, maxLength: 300),
                AreaSqm = table.Column<decimal>(nullable: false, precision: 18, scale: 2),
                Value = table.Column<decimal>(nullable: false, precision: 18, scale: 2),
                ValuationSource = table.Column<int>(nullable: false),
                ValuedOn = table.Column<DateOnly>(nullable: true),
                Appraiser = table.Column<string>(nullable: true, maxLength: 200),
                AppraisalReport = table.Column<string>(nullable: true, maxLength: 200),
                RetiredOn = table.Column<DateOnly>(nullable: true),
                SearchKey = table.Column<string>(nullable: false, maxLength: 400),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Buildings", x => x.Id);
            });

        b.CreateTable(
            name: "DebtCertificates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                RequestedOn = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Channel = table.Column<int>(nullable: false),
                RequestedBy = table.Column<string>(nullable: false, maxLength: 256),
                Purpose = table.Column<string>(nullable: true, maxLength: 300),
                Status = table.Column<int>(nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: true),
                IssuedBy = table.Column<string>(nullable: true, maxLength: 256),
                Year = table.Column<int>(nullable: true),
                Number = table.Column<int>(nullable: true),
                VerificationCode = table.Column<string>(nullable: true, maxLength: 32),
                AsOf = table.Column<DateOnly>(nullable: true),
                PrincipalQepik = table.Column<long>(nullable: true),
                InterestQepik = table.Column<long>(nullable: true),
                CreditQepik = table.Column<long>(nullable: true),
                Content = table.Column<string>(nullable: true),
                RefusalReason = table.Column<string>(nullable: true, maxLength: 500),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DebtCertificates", x => x.Id);
            });

        b.CreateTable(
            name: "LandPlots",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                CadastralNumber = table.Column<string>(nullable: true, maxLength: 50),
                Address = table.Column<string>(nullable: false, maxLength: 300),
                AreaSqm = table.Column<decimal>(nullable: false, precision: 18, scale: 2),
                Category = table.Column<int>(nullable: false),
                Purpose = table.Column<string>(nullable: true, maxLength: 200),
                ScorePoints = table.Column<decimal>(nullable: true, precision: 9, scale: 2),
                SettlementGroup = table.Column<string>(nullable: true, maxLength: 20),
                Exemption = table.Column<int>(nullable: false),
                ApportionByBuildingArea = table.Column<bool>(nullable: false),
                RetiredOn = table.Column<DateOnly>(nullable: true),
                SearchKey = table.Column<string>(nullable: false, maxLength: 400),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LandPlots", x => x.Id);
            });

        b.CreateTable(
            name: "LocalPaymentReturns",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                Tax = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                Site = table.Column<string>(nullable: false, maxLength: 300),
                PlotId = table.Column<int>(nullable: true),
                Quantity = table.Column<decimal>(nullable: false, precision: 18, scale: 2),
                Months = table.Column<int>(nullable: false),
                RateClass = table.Column<string>(nullable: false, maxLength: 50),
                Rate = table.Column<decimal>(nullable: false, precision: 18, scale: 6),
                Decision = table.Column<string>(nullable: true, maxLength: 30),
                AmountQepik = table.Column<long>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                FiledOn = table.Column<DateOnly>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
                Note = table.Column<string>(nullable: true, maxLength: 500),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LocalPaymentReturns", x => x.Id);
            });

        b.CreateTable(
            name: "ObjectHoldings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                ObjectKind = table.Column<int>(nullable: false),
                ObjectId = table.Column<int>(nullable: false),
                Right = table.Column<int>(nullable: false),
                ShareNumerator = table.Column<int>(nullable: false),
                ShareDenominator = table.Column<int>(nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
                TitleDocument = table.Column<string>(nullable: true, maxLength: 200),
                TitleReceivedOn = table.Column<DateOnly>(nullable: true),
                RegisteredOn = table.Column<DateOnly>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ObjectHoldings", x => x.Id);
            });

        b.CreateTable(
            name: "PaymentAllocations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                PaymentId = table.Column<long>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                Tax = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Period = table.Column<int>(nullable: false),
                Instalment = table.Column<int>(nullable: false),
                AmountQepik = table.Column<long>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentAllocations", x => x.Id);
            });

        b.CreateTable(
            name: "PaymentImportIssues",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                ImportId = table.Column<int>(nullable: false),
                MunicipalityId = table.Column<int>(nullable: true),
                Line = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Field = table.Column<string>(nullable: false, maxLength: 50),
                Message = table.Column<string>(nullable: false, maxLength: 500),
                Rule = table.Column<string>(nullable: true, maxLength: 30),
                Raw = table.Column<string>(nullable: true, maxLength: 1000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentImportIssues", x => x.Id);
            });

        b.CreateTable(
            name: "PaymentImports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: true),
                FileName = table.Column<string>(nullable: false, maxLength: 260),
                FileHash = table.Column<string>(nullable: false, maxLength: 64),
                StoredPath = table.Column<string>(nullable: false, maxLength: 500),
                Status = table.Column<int>(nullable: false),
                ApplyValidLines = table.Column<bool>(nullable: false),
                DryRun = table.Column<bool>(nullable: false),
                Lines = table.Column<int>(nullable: false),
                LinesRead = table.Column<int>(nullable: false),
                ValidLines = table.Column<int>(nullable: false),
                ErrorLines = table.Column<int>(nullable: false),
                DuplicateLines = table.Column<int>(nullable: false),
                AppliedLines = table.Column<int>(nullable: false),
                AppliedQepik = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false, maxLength: 256),
                FinishedAt = table.Column<DateTime>(nullable: true),
                LeaseUntil = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(nullable: true, maxLength: 2000),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentImports", x => x.Id);
            });

        b.CreateTable(
            name: "PaymentNotices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                IsCurrent = table.Column<bool>(nullable: false),
                Reference = table.Column<string>(nullable: false, maxLength: 18),
                LandQepik = table.Column<long>(nullable: false),
                PropertyQepik = table.Column<long>(nullable: false),
                TotalQepik = table.Column<long>(nullable: false),
                FirstQepik = table.Column<long>(nullable: false),
                SecondQepik = table.Column<long>(nullable: false),
                FirstDueOn = table.Column<DateOnly>(nullable: false),
                SecondDueOn = table.Column<DateOnly>(nullable: false),
                ChangeQepik = table.Column<long>(nullable: false),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                RunId = table.Column<int>(nullable: false),
                Fingerprint = table.Column<string>(nullable: false, maxLength: 16),
                VerificationCode = table.Column<string>(nullable: false, maxLength: 32),
                DeliveredOn = table.Column<DateOnly>(nullable: true),
                DeliveryMethod = table.Column<int>(nullable: true),
                DeliveredBy = table.Column<string>(nullable: true, maxLength: 256),
                SupersededById = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaymentNotices", x => x.Id);
            });

        b.CreateTable(
            name: "Payments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: true),
                ProjectId = table.Column<int>(nullable: true),
                AmountQepik = table.Column<long>(nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                Channel = table.Column<int>(nullable: false),
                Reference = table.Column<string>(nullable: true, maxLength: 40),
                PayerName = table.Column<string>(nullable: true, maxLength: 300),
                Bank = table.Column<string>(nullable: true, maxLength: 100),
                ExternalId = table.Column<string>(nullable: false, maxLength: 200),
                ImportId = table.Column<int>(nullable: true),
                Status = table.Column<int>(nullable: false),
                ReversedAt = table.Column<DateTime>(nullable: true),
                ReversedBy = table.Column<string>(nullable: true, maxLength: 256),
                ReversalReason = table.Column<string>(nullable: true, maxLength: 500),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Payments", x => x.Id);
            });

        b.CreateTable(
            name: "ProjectSpendings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                ProjectId = table.Column<int>(nullable: false),
                AmountQepik = table.Column<long>(nullable: false),
                SpentOn = table.Column<DateOnly>(nullable: false),
                Purpose = table.Column<string>(nullable: false, maxLength: 500),
                Document = table.Column<string>(nullable: false, maxLength: 200),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectSpendings", x => x.Id);
            });

        b.CreateTable(
            name: "TaxAudits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                Taxes = table.Column<string>(nullable: false, maxLength: 300),
                PeriodFrom = table.Column<DateOnly>(nullable: false),
                PeriodTo = table.Column<DateOnly>(nullable: false),
                StartOn = table.Column<DateOnly>(nullable: false),
                EndOn = table.Column<DateOnly>(nullable: true),
                StateAuthority = table.Column<string>(nullable: true, maxLength: 300),
                StateAuditStart = table.Column<DateOnly>(nullable: true),
                StateAuditEnd = table.Column<DateOnly>(nullable: true),
                ParticipationDecision = table.Column<string>(nullable: true, maxLength: 200),
                Purpose = table.Column<string>(nullable: true, maxLength: 1000),
                Officials = table.Column<string>(nullable: false, maxLength: 1000),
                Findings = table.Column<string>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxAudits", x => x.Id);
            });

        b.CreateTable(
            name: "TaxCharges",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                Tax = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Period = table.Column<int>(nullable: false),
                Instalment = table.Column<int>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                AmountQepik = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                NoticeId = table.Column<int>(nullable: true),
                SourceId = table.Column<long>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(nullable: true, maxLength: 300),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxCharges", x => x.Id);
            });

        b.CreateTable(
            name: "TaxComplaints",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                TaxpayerId = table.Column<int>(nullable: false),
                ActId = table.Column<int>(nullable: true),
                AgainstDecisionOrChairman = table.Column<bool>(nullable: false),
                AddressedTo = table.Column<int>(nullable: false),
                Subject = table.Column<string>(nullable: false),
                LearnedOn = table.Column<DateOnly>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                FileBy = table.Column<DateOnly>(nullable: false),
                Late = table.Column<bool>(nullable: false),
                RestoredBy = table.Column<string>(nullable: true, maxLength: 256),
                RestorationReason = table.Column<string>(nullable: true, maxLength: 500),
                ReviewDueOn = table.Column<DateOnly>(nullable: false),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                Outcome = table.Column<string>(nullable: true),
                ReplyDueOn = table.Column<DateOnly>(nullable: true),
                RepliedOn = table.Column<DateOnly>(nullable: true),
                AlsoInCourt = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxComplaints", x => x.Id);
            });

        b.CreateTable(
            name: "Taxpayers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                PersonalId = table.Column<string>(nullable: true, maxLength: 7),
                TaxId = table.Column<string>(nullable: true, maxLength: 10),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                Address = table.Column<string>(nullable: true, maxLength: 300),
                Phone = table.Column<string>(nullable: true, maxLength: 30),
                Email = table.Column<string>(nullable: true, maxLength: 256),
                IsResident = table.Column<bool>(nullable: false),
                MunicipallyOwned = table.Column<bool>(nullable: false),
                Relief102_2 = table.Column<bool>(nullable: false),
                ReliefPlotId = table.Column<int>(nullable: true),
                Categories = table.Column<string>(nullable: true, maxLength: 300),
                RegisteredOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(nullable: true, maxLength: 1000),
                SearchKey = table.Column<string>(nullable: false, maxLength: 400),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Taxpayers", x => x.Id);
            });

        b.CreateTable(
            name: "TaxRates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                RateClass = table.Column<string>(nullable: false, maxLength: 50),
                Rate = table.Column<decimal>(nullable: false, precision: 18, scale: 6),
                Abolished = table.Column<bool>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                DecisionId = table.Column<int>(nullable: false),
                DecisionCode = table.Column<string>(nullable: false, maxLength: 30),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxRates", x => x.Id);
            });

        b.CreateTable(
            name: "TaxReliefs",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Tax = table.Column<int>(nullable: false),
                Category = table.Column<string>(nullable: false, maxLength: 50),
                CategoryName = table.Column<string>(nullable: false, maxLength: 200),
                Kind = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(nullable: false, precision: 18, scale: 6),
                RateClass = table.Column<string>(nullable: true, maxLength: 50),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                DecisionId = table.Column<int>(nullable: false),
                DecisionCode = table.Column<string>(nullable: false, maxLength: 30),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(nullable: true, maxLength: 256),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxReliefs", x => x.Id);
            });

        b.CreateTable(
            name: "TaxSettings",
            columns: table => new
            {
                MunicipalityId = table.Column<int>(nullable: false),
                SettlementGroup = table.Column<string>(nullable: false, maxLength: 20),
                RevaluationCycleYears = table.Column<int>(nullable: false),
                LastMassValuationOn = table.Column<DateOnly>(nullable: true),
                IssueCertificatesAutomatically = table.Column<bool>(nullable: false),
                ParkingDueDay = table.Column<int>(nullable: false),
                ComplaintSuspendsPayment = table.Column<bool>(nullable: false),
                CollectionMode = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaxSettings", x => x.MunicipalityId);
            });

        b.CreateTable(
            name: "Vehicles",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                RegistrationNumber = table.Column<string>(nullable: false, maxLength: 30),
                Description = table.Column<string>(nullable: true, maxLength: 300),
                EngineCc = table.Column<int>(nullable: false),
                RetiredOn = table.Column<DateOnly>(nullable: true),
                SearchKey = table.Column<string>(nullable: false, maxLength: 400),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Vehicles", x => x.Id);
            });

        b.CreateTable(
            name: "VoluntaryProjects",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MunicipalityId = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                Purpose = table.Column<string>(nullable: false, maxLength: 1000),
                PollReference = table.Column<string>(nullable: false, maxLength: 200),
                PollHeldOn = table.Column<DateOnly>(nullable: false),
                DecisionId = table.Column<int>(nullable: true),
                TargetQepik = table.Column<long>(nullable: false),
                OpenedOn = table.Column<DateOnly>(nullable: false),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoluntaryProjects", x => x.Id);
            });

        b.CreateIndex("IX_AssessmentLines_NoticeId", "AssessmentLines", "NoticeId");
        b.CreateIndex("IX_AssessmentRuns_MunicipalityId_Year", "AssessmentRuns", new[] {"MunicipalityId", "Year"});
        b.CreateIndex("IX_AssessmentRuns_Status", "AssessmentRuns", "Status");
        b.CreateIndex("IX_AuditActs_MunicipalityId_Year_Number", "AuditActs", new[] {"MunicipalityId", "Year", "Number"}, unique: true);
        b.CreateIndex("IX_Buildings_MunicipalityId_Id", "Buildings", new[] {"MunicipalityId", "Id"});
        b.CreateIndex("IX_Buildings_PlotId", "Buildings", "PlotId");
        b.CreateIndex("IX_DebtCertificates_MunicipalityId_Status_DueOn", "DebtCertificates", new[] {"MunicipalityId", "Status", "DueOn"});
        b.CreateIndex("IX_DebtCertificates_TaxpayerId", "DebtCertificates", "TaxpayerId");
        b.CreateIndex("IX_DebtCertificates_VerificationCode", "DebtCertificates", "VerificationCode", unique: true, filter: "\"VerificationCode\" IS NOT NULL");
        b.CreateIndex("IX_LandPlots_MunicipalityId_CadastralNumber", "LandPlots", new[] {"MunicipalityId", "CadastralNumber"}, unique: true, filter: "\"CadastralNumber\" IS NOT NULL");
        b.CreateIndex("IX_LandPlots_MunicipalityId_Id", "LandPlots", new[] {"MunicipalityId", "Id"});
        b.CreateIndex("IX_LandPlots_SharedByBuildingArea", "LandPlots", "MunicipalityId", filter: "\"ApportionByBuildingArea\"");
        b.CreateIndex("IX_LocalPaymentReturns_OnePerSiteAndMonth", "LocalPaymentReturns", new[] {"MunicipalityId", "TaxpayerId", "Tax", "Year", "Month", "Site"}, unique: true);
        b.CreateIndex("IX_ObjectHoldings_TaxpayerId", "ObjectHoldings", "TaxpayerId");
        b.CreateIndex("IX_ObjectHoldings_ObjectKind_ObjectId", "ObjectHoldings", new[] {"ObjectKind", "ObjectId"});
        b.CreateIndex("IX_PaymentAllocations_MunicipalityId_On", "PaymentAllocations", new[] {"MunicipalityId", "On"});
        b.CreateIndex("IX_PaymentAllocations_PaymentId", "PaymentAllocations", "PaymentId");
        b.CreateIndex("IX_PaymentAllocations_TaxpayerId", "PaymentAllocations", "TaxpayerId");
        b.CreateIndex("IX_PaymentImportIssues_ImportId_Line", "PaymentImportIssues", new[] {"ImportId", "Line"});
        b.CreateIndex("IX_PaymentImports_MunicipalityId_Id", "PaymentImports", new[] {"MunicipalityId", "Id"});
        b.CreateIndex("IX_PaymentImports_Status", "PaymentImports", "Status");
        b.CreateIndex("IX_PaymentNotices_MunicipalityId_Year_Number_Revision", "PaymentNotices", new[] {"MunicipalityId", "Year", "Number", "Revision"}, unique: true);
        b.CreateIndex("IX_PaymentNotices_TaxpayerId_Year", "PaymentNotices", new[] {"TaxpayerId", "Year"});
        b.CreateIndex("IX_Payments_ExternalId", "Payments", "ExternalId", unique: true);
        b.CreateIndex("IX_Payments_ImportId", "Payments", "ImportId");
        b.CreateIndex("IX_Payments_MunicipalityId_PaidOn", "Payments", new[] {"MunicipalityId", "PaidOn"});
        b.CreateIndex("IX_Payments_ProjectId", "Payments", "ProjectId");
        b.CreateIndex("IX_Payments_TaxpayerId", "Payments", "TaxpayerId");
        b.CreateIndex("IX_ProjectSpendings_ProjectId", "ProjectSpendings", "ProjectId");
        b.CreateIndex("IX_TaxAudits_MunicipalityId", "TaxAudits", "MunicipalityId");
        b.CreateIndex("IX_TaxCharges_MunicipalityId_DueOn", "TaxCharges", new[] {"MunicipalityId", "DueOn"});
        b.CreateIndex("IX_TaxCharges_TaxpayerId", "TaxCharges", "TaxpayerId");
        b.CreateIndex("IX_TaxComplaints_MunicipalityId", "TaxComplaints", "MunicipalityId");
        b.CreateIndex("IX_Taxpayers_MunicipalityId_Name", "Taxpayers", new[] {"MunicipalityId", "Name"});
        b.CreateIndex("IX_Taxpayers_MunicipalityId_PersonalId", "Taxpayers", new[] {"MunicipalityId", "PersonalId"}, unique: true, filter: "\"PersonalId\" IS NOT NULL");
        b.CreateIndex("IX_Taxpayers_MunicipalityId_TaxId", "Taxpayers", new[] {"MunicipalityId", "TaxId"}, unique: true, filter: "\"TaxId\" IS NOT NULL");
        b.CreateIndex("IX_Taxpayers_PersonalId", "Taxpayers", "PersonalId");
        b.CreateIndex("IX_TaxRates_MunicipalityId_RateClass_ValidFrom", "TaxRates", new[] {"MunicipalityId", "RateClass", "ValidFrom"}, unique: true);
        b.CreateIndex("IX_TaxReliefs_MunicipalityId_Tax", "TaxReliefs", new[] {"MunicipalityId", "Tax"});
        b.CreateIndex("IX_Vehicles_MunicipalityId_RegistrationNumber", "Vehicles", new[] {"MunicipalityId", "RegistrationNumber"});
        b.CreateIndex("IX_VoluntaryProjects_MunicipalityId", "VoluntaryProjects", "MunicipalityId");
    }

    protected override void Down(MigrationBuilder b)
    {
        foreach (var t in Enumerable.Reverse(Tables)) b.DropTable(t);
    }
}
