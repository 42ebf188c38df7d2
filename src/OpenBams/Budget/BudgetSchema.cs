using Microsoft.EntityFrameworkCore;

namespace OpenBams.Budget;

/// <summary>The tables of the budget module, configured in one place.</summary>
public static class BudgetSchema
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MunicipalBudget>(e =>
        {
            e.ToTable("Budgets");
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.ReportToParliamentReference).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            // FL 4.4: one budget per municipality and budget year.
            e.HasIndex(x => new { x.MunicipalityId, x.Year }).IsUnique();
            // The portal and the ministry read a year across all municipalities.
            e.HasIndex(x => new { x.Year, x.Status });
        });
        b.Entity<BudgetLineRecord>(e =>
        {
            e.ToTable("BudgetLines");
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Purpose).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.BudgetId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.MunicipalityId, x.BudgetId });
        });
        b.Entity<BudgetChange>(e =>
        {
            e.ToTable("BudgetChanges");
            e.Property(x => x.Basis).HasMaxLength(300);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.MunicipalityId, x.BudgetId });
        });
        b.Entity<BudgetChangeLine>(e =>
        {
            e.ToTable("BudgetChangeLines");
            e.HasIndex(x => x.ChangeId);
            e.HasIndex(x => x.LineId);
        });
        b.Entity<Expenditure>(e =>
        {
            e.ToTable("Expenditures");
            e.Property(x => x.Payee).HasMaxLength(300);
            e.Property(x => x.PayeeTaxId).HasMaxLength(10);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.Document).HasMaxLength(300);
            e.Property(x => x.Contract).HasMaxLength(300);
            e.Property(x => x.CancelledBy).HasMaxLength(256);
            e.Property(x => x.CancellationReason).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.BudgetId, x.On });
            e.HasIndex(x => x.LineId);
            e.HasIndex(x => x.CommitmentId).HasFilter("\"CommitmentId\" IS NOT NULL");
        });
        b.Entity<RevenueEntry>(e =>
        {
            e.ToTable("RevenueEntries");
            e.Property(x => x.Payer).HasMaxLength(300);
            e.Property(x => x.Document).HasMaxLength(300);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.CancelledBy).HasMaxLength(256);
            e.Property(x => x.CancellationReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.Year, x.ReceivedOn });
        });
        b.Entity<TaxRevenueDay>(e =>
        {
            e.ToTable("TaxRevenueDays");
            e.HasKey(x => new { x.MunicipalityId, x.On, x.RevenueClass });
            // The national portal sums a year across all municipalities.
            e.HasIndex(x => new { x.On, x.RevenueClass });
        });
        b.Entity<TaxRevenueWatermark>(e =>
        {
            e.ToTable("TaxRevenueWatermarks");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<BudgetAudit>(e =>
        {
            e.ToTable("BudgetAudits");
            e.Property(x => x.Auditor).HasMaxLength(300);
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.MunicipalityId, x.Year });
        });
    }
}
