using Microsoft.EntityFrameworkCore;
using OpenBams.Lands;

namespace OpenBams.Taxes;

/// <summary>The tables of the taxes module (and the land plots it shares with the lands module), configured in one place.</summary>
public static class TaxesSchema
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LandPlot>(e =>
        {
            e.ToTable("LandPlots");
            e.Property(p => p.CadastralNumber).HasMaxLength(50);
            e.Property(p => p.Address).HasMaxLength(300);
            e.Property(p => p.Purpose).HasMaxLength(200);
            e.Property(p => p.AreaSqm).HasPrecision(18, 2);
            e.Property(p => p.ScorePoints).HasPrecision(9, 2);
            e.Property(p => p.SettlementGroup).HasMaxLength(20);
            e.Property(p => p.SearchKey).HasMaxLength(400);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.MunicipalityId, p.CadastralNumber }).IsUnique().HasFilter("\"CadastralNumber\" IS NOT NULL");
            e.HasIndex(p => new { p.MunicipalityId, p.Id });
            // LML 18.12: the few plots shared by building area, found per municipality by the assessment.
            e.HasIndex(p => p.MunicipalityId).HasFilter("\"ApportionByBuildingArea\"").HasDatabaseName("IX_LandPlots_SharedByBuildingArea");
        });
        b.Entity<TaxSettings>(e =>
        {
            e.ToTable("TaxSettings");
            e.HasKey(s => s.MunicipalityId);
            e.Property(s => s.MunicipalityId).ValueGeneratedNever();
            e.Property(s => s.SettlementGroup).HasMaxLength(20);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        b.Entity<Taxpayer>(e =>
        {
            e.ToTable("Taxpayers");
            e.Property(t => t.PersonalId).HasMaxLength(7);
            e.Property(t => t.TaxId).HasMaxLength(10);
            e.Property(t => t.Name).HasMaxLength(300);
            e.Property(t => t.Address).HasMaxLength(300);
            e.Property(t => t.Phone).HasMaxLength(30);
            e.Property(t => t.Email).HasMaxLength(256);
            e.Property(t => t.Categories).HasMaxLength(300);
            e.Property(t => t.Note).HasMaxLength(1000);
            e.Property(t => t.SearchKey).HasMaxLength(400);
            e.Property(t => t.Version).IsConcurrencyToken();
            // Duplicates prevented: one taxpayer per FIN and per VÖEN in a municipality.
            e.HasIndex(t => new { t.MunicipalityId, t.PersonalId }).IsUnique().HasFilter("\"PersonalId\" IS NOT NULL");
            e.HasIndex(t => new { t.MunicipalityId, t.TaxId }).IsUnique().HasFilter("\"TaxId\" IS NOT NULL");
            e.HasIndex(t => new { t.MunicipalityId, t.Name });
            // Self-service finds a resident's records by FIN.
            e.HasIndex(t => t.PersonalId);
        });
        b.Entity<Building>(e =>
        {
            e.ToTable("Buildings");
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Description).HasMaxLength(300);
            e.Property(x => x.AreaSqm).HasPrecision(18, 2);
            e.Property(x => x.Value).HasPrecision(18, 2);
            e.Property(x => x.Appraiser).HasMaxLength(200);
            e.Property(x => x.AppraisalReport).HasMaxLength(200);
            e.Property(x => x.SearchKey).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.Id });
            e.HasIndex(x => x.PlotId);
        });
        b.Entity<Vehicle>(e =>
        {
            e.ToTable("Vehicles");
            e.Property(x => x.RegistrationNumber).HasMaxLength(30);
            e.Property(x => x.Description).HasMaxLength(300);
            e.Property(x => x.SearchKey).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.RegistrationNumber });
        });
        b.Entity<ObjectHolding>(e =>
        {
            e.ToTable("ObjectHoldings");
            e.Property(x => x.TitleDocument).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.TaxpayerId);
            e.HasIndex(x => new { x.ObjectKind, x.ObjectId });
        });
        b.Entity<TaxRate>(e =>
        {
            e.ToTable("TaxRates");
            e.Property(x => x.RateClass).HasMaxLength(50);
            e.Property(x => x.Rate).HasPrecision(18, 6);
            e.Property(x => x.DecisionCode).HasMaxLength(30);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.MunicipalityId, x.RateClass, x.ValidFrom }).IsUnique();
        });
        b.Entity<TaxRelief>(e =>
        {
            e.ToTable("TaxReliefs");
            e.Property(x => x.Category).HasMaxLength(50);
            e.Property(x => x.CategoryName).HasMaxLength(200);
            e.Property(x => x.Value).HasPrecision(18, 6);
            e.Property(x => x.RateClass).HasMaxLength(50);
            e.Property(x => x.DecisionCode).HasMaxLength(30);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.MunicipalityId, x.Tax });
        });
        b.Entity<AssessmentRun>(e =>
        {
            e.ToTable("AssessmentRuns");
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Status);
            e.HasIndex(x => new { x.MunicipalityId, x.Year });
        });
        b.Entity<PaymentNotice>(e =>
        {
            e.ToTable("PaymentNotices");
            e.Property(x => x.Reference).HasMaxLength(18);
            e.Property(x => x.Fingerprint).HasMaxLength(16);
            e.Property(x => x.VerificationCode).HasMaxLength(32);
            e.Property(x => x.DeliveredBy).HasMaxLength(256);
            e.HasIndex(x => new { x.MunicipalityId, x.Year, x.Number, x.Revision }).IsUnique();
            // A reference names (year, municipality, number) and a verification code its id: both are found through keys,
            // so the 2 million notices of a year carry no index on either.
            e.HasIndex(x => new { x.TaxpayerId, x.Year });
        });
        b.Entity<AssessmentLine>(e =>
        {
            e.ToTable("AssessmentLines");
            e.Property(x => x.ObjectLabel).HasMaxLength(300);
            e.Property(x => x.RateClass).HasMaxLength(50);
            e.Property(x => x.BaseValue).HasPrecision(18, 4);
            e.Property(x => x.Rate).HasPrecision(18, 6);
            e.Property(x => x.Decision).HasMaxLength(30);
            e.Property(x => x.Weight).HasPrecision(18, 10);
            e.Property(x => x.WeightText).HasMaxLength(30);
            e.Property(x => x.WeightNote).HasMaxLength(200);
            e.Property(x => x.ReliefNote).HasMaxLength(300);
            e.Property(x => x.Citation).HasMaxLength(30);
            e.HasIndex(x => x.NoticeId);
        });
        b.Entity<TaxCharge>(e =>
        {
            e.ToTable("TaxCharges");
            e.Property(x => x.Note).HasMaxLength(300);
            e.HasIndex(x => x.TaxpayerId);
            e.HasIndex(x => new { x.MunicipalityId, x.DueOn });
        });
        b.Entity<Payment>(e =>
        {
            e.ToTable("Payments");
            e.Property(x => x.Reference).HasMaxLength(40);
            e.Property(x => x.PayerName).HasMaxLength(300);
            e.Property(x => x.Bank).HasMaxLength(100);
            e.Property(x => x.ExternalId).HasMaxLength(200);
            e.Property(x => x.ReversedBy).HasMaxLength(256);
            e.Property(x => x.ReversalReason).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Property(x => x.PayerId).HasMaxLength(10);
            e.Property(x => x.TransactionId).HasMaxLength(100);
            e.Property(x => x.ReceiptCode).HasMaxLength(32);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.HasIndex(x => x.ReceiptCode).IsUnique().HasFilter("\"ReceiptCode\" IS NOT NULL");
            e.HasIndex(x => x.TransactionId);
            e.HasIndex(x => x.ExternalId).IsUnique();
            e.HasIndex(x => x.TaxpayerId);
            e.HasIndex(x => new { x.MunicipalityId, x.PaidOn });
            e.HasIndex(x => x.ImportId);
            e.HasIndex(x => x.ProjectId);
        });
        b.Entity<PaymentAllocation>(e =>
        {
            e.ToTable("PaymentAllocations");
            e.HasIndex(x => x.TaxpayerId);
            e.HasIndex(x => x.PaymentId);
            e.HasIndex(x => new { x.MunicipalityId, x.On });
        });
        b.Entity<PaymentImport>(e =>
        {
            e.ToTable("PaymentImports");
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileHash).HasMaxLength(64);
            e.Property(x => x.StoredPath).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Status);
            e.HasIndex(x => new { x.MunicipalityId, x.Id });
        });
        b.Entity<PaymentImportIssue>(e =>
        {
            e.ToTable("PaymentImportIssues");
            e.Property(x => x.Field).HasMaxLength(50);
            e.Property(x => x.Message).HasMaxLength(500);
            e.Property(x => x.Rule).HasMaxLength(30);
            e.Property(x => x.Raw).HasMaxLength(1000);
            e.HasIndex(x => new { x.ImportId, x.Line });
        });
        b.Entity<DebtCertificate>(e =>
        {
            e.ToTable("DebtCertificates");
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.Purpose).HasMaxLength(300);
            e.Property(x => x.IssuedBy).HasMaxLength(256);
            e.Property(x => x.VerificationCode).HasMaxLength(32);
            e.Property(x => x.RefusalReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.Status, x.DueOn });
            e.HasIndex(x => x.TaxpayerId);
            e.HasIndex(x => x.VerificationCode).IsUnique().HasFilter("\"VerificationCode\" IS NOT NULL");
            // SL 30.2: one certificate per number and year in a municipality; two clerks issuing at once cannot share one.
            e.HasIndex(x => new { x.MunicipalityId, x.Year, x.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
        });
        b.Entity<LocalPaymentReturn>(e =>
        {
            e.ToTable("LocalPaymentReturns");
            e.Property(x => x.Site).HasMaxLength(300);
            e.Property(x => x.Quantity).HasPrecision(18, 2);
            e.Property(x => x.RateClass).HasMaxLength(50);
            e.Property(x => x.Rate).HasPrecision(18, 6);
            e.Property(x => x.Decision).HasMaxLength(30);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.TaxpayerId, x.Tax, x.Year, x.Month, x.Site, x.Revision }).IsUnique().HasDatabaseName("IX_LocalPaymentReturns_OnePerSiteAndMonth");
        });
        b.Entity<VoluntaryProject>(e =>
        {
            e.ToTable("VoluntaryProjects");
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.PollReference).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.MunicipalityId);
        });
        b.Entity<ProjectSpending>(e =>
        {
            e.ToTable("ProjectSpendings");
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.Document).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => x.ProjectId);
        });
        b.Entity<TaxAudit>(e =>
        {
            e.ToTable("TaxAudits");
            e.Property(x => x.Taxes).HasMaxLength(300);
            e.Property(x => x.StateAuthority).HasMaxLength(300);
            e.Property(x => x.ParticipationDecision).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.Officials).HasMaxLength(1000);
            e.Property(x => x.ParticipationSignedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.MunicipalityId);
        });
        b.Entity<AuditAct>(e =>
        {
            e.ToTable("AuditActs");
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.DrawnBy).HasMaxLength(1000);
            e.Property(x => x.PayerInfo).HasMaxLength(1000);
            e.Property(x => x.Articles).HasMaxLength(500);
            e.Property(x => x.AbsenceReason).HasMaxLength(500);
            e.Property(x => x.DecisionReference).HasMaxLength(200);
            e.Property(x => x.DeliveryProof).HasMaxLength(300);
            e.Property(x => x.ObjectionParts).HasMaxLength(1000);
            e.Property(x => x.HearingPlace).HasMaxLength(300);
            e.Property(x => x.DemandProof).HasMaxLength(300);
            e.Property(x => x.CancellationReference).HasMaxLength(200);
            e.Property(x => x.CourtRepresentation).HasMaxLength(200);
            e.Property(x => x.CourtCase).HasMaxLength(200);
            e.Property(x => x.Judgement).HasMaxLength(2000);
            e.Property(x => x.ClosingNote).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.Year, x.Number }).IsUnique();
        });
        b.Entity<TaxComplaint>(e =>
        {
            e.ToTable("TaxComplaints");
            e.Property(x => x.RestoredBy).HasMaxLength(256);
            e.Property(x => x.RestorationReason).HasMaxLength(500);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.DecisionReference).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.MunicipalityId);
        });
        b.Entity<TaxReportSubmission>(e =>
        {
            e.ToTable("TaxReportSubmissions");
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.MunicipalityId, x.Year, x.Quarter, x.Revision }).IsUnique();
        });
        b.Entity<TaxServiceReview>(e =>
        {
            e.ToTable("TaxServiceReviews");
            e.Property(x => x.DecisionCode).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.MunicipalityId, x.DecisionId }).IsUnique();
        });
    }
}
