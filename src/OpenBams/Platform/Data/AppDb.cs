using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Parameters;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Platform.Data;

/// <summary>A record edited with optimistic concurrency: clients send the Version they read.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>Thrown when a write would touch another municipality's record. Turned into 403 by the web layer.</summary>
public sealed class TenantViolation(string message) : Exception(message);

/// <summary>
/// The one data context. Tenancy is enforced here for every municipality-owned record: reads are
/// filtered by the current tenant, writes to another municipality's record are refused, and every
/// change is written to the append-only audit log in the same transaction.
/// </summary>
public sealed class AppDb(DbContextOptions<AppDb> options, TenantAccessor tenants)
    : IdentityUserContext<AppUser, Guid>(options)
{
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<LegalParameterRecord> LegalParameters => Set<LegalParameterRecord>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<TerritorialUnit> TerritorialUnits => Set<TerritorialUnit>();
    public DbSet<MunicipalityEvent> MunicipalityEvents => Set<MunicipalityEvent>();
    public DbSet<NationalCount> NationalCounts => Set<NationalCount>();
    public DbSet<Council.CouncilSettings> CouncilSettings => Set<Council.CouncilSettings>();
    public DbSet<Council.CouncilMember> CouncilMembers => Set<Council.CouncilMember>();
    public DbSet<Council.CouncilOffice> CouncilOffices => Set<Council.CouncilOffice>();
    public DbSet<Council.CouncilSession> CouncilSessions => Set<Council.CouncilSession>();
    public DbSet<Council.SessionAttendance> SessionAttendance => Set<Council.SessionAttendance>();
    public DbSet<Council.SessionInvitee> SessionInvitees => Set<Council.SessionInvitee>();
    public DbSet<Council.AgendaItem> AgendaItems => Set<Council.AgendaItem>();
    public DbSet<Council.Speech> Speeches => Set<Council.Speech>();
    public DbSet<Council.CouncilVote> CouncilVotes => Set<Council.CouncilVote>();
    public DbSet<Council.Ballot> Ballots => Set<Council.Ballot>();
    public DbSet<Council.CouncilDecision> CouncilDecisions => Set<Council.CouncilDecision>();
    public DbSet<Council.Protocol> Protocols => Set<Council.Protocol>();
    public DbSet<Council.ProtocolRemark> ProtocolRemarks => Set<Council.ProtocolRemark>();
    public DbSet<Council.Notification> Notifications => Set<Council.Notification>();
    public DbSet<Council.VoterReport> VoterReports => Set<Council.VoterReport>();
    public DbSet<Council.MemberInquiry> MemberInquiries => Set<Council.MemberInquiry>();
    public DbSet<Council.MandateCase> MandateCases => Set<Council.MandateCase>();
    public DbSet<Council.Commission> Commissions => Set<Council.Commission>();
    public DbSet<Council.CommissionMembership> CommissionMemberships => Set<Council.CommissionMembership>();
    public DbSet<Council.CommissionMeeting> CommissionMeetings => Set<Council.CommissionMeeting>();
    public DbSet<Council.CommissionDissent> CommissionDissents => Set<Council.CommissionDissent>();
    public DbSet<Council.CommissionMeetingSignature> CommissionMeetingSignatures => Set<Council.CommissionMeetingSignature>();
    public DbSet<Council.CitizensMeeting> CitizensMeetings => Set<Council.CitizensMeeting>();
    public DbSet<Council.CharterVersion> CharterVersions => Set<Council.CharterVersion>();
    public DbSet<Lands.LandPlot> LandPlots => Set<Lands.LandPlot>();
    public DbSet<Taxes.TaxSettings> TaxSettings => Set<Taxes.TaxSettings>();
    public DbSet<Taxes.Taxpayer> Taxpayers => Set<Taxes.Taxpayer>();
    public DbSet<Taxes.Building> Buildings => Set<Taxes.Building>();
    public DbSet<Taxes.Vehicle> Vehicles => Set<Taxes.Vehicle>();
    public DbSet<Taxes.ObjectHolding> ObjectHoldings => Set<Taxes.ObjectHolding>();
    public DbSet<Taxes.TaxRate> TaxRates => Set<Taxes.TaxRate>();
    public DbSet<Taxes.TaxRelief> TaxReliefs => Set<Taxes.TaxRelief>();
    public DbSet<Taxes.AssessmentRun> AssessmentRuns => Set<Taxes.AssessmentRun>();
    public DbSet<Taxes.PaymentNotice> PaymentNotices => Set<Taxes.PaymentNotice>();
    public DbSet<Taxes.AssessmentLine> AssessmentLines => Set<Taxes.AssessmentLine>();
    public DbSet<Taxes.TaxCharge> TaxCharges => Set<Taxes.TaxCharge>();
    public DbSet<Taxes.Payment> Payments => Set<Taxes.Payment>();
    public DbSet<Taxes.PaymentAllocation> PaymentAllocations => Set<Taxes.PaymentAllocation>();
    public DbSet<Taxes.PaymentImport> PaymentImports => Set<Taxes.PaymentImport>();
    public DbSet<Taxes.PaymentImportIssue> PaymentImportIssues => Set<Taxes.PaymentImportIssue>();
    public DbSet<Taxes.DebtCertificate> DebtCertificates => Set<Taxes.DebtCertificate>();
    public DbSet<Taxes.LocalPaymentReturn> LocalPaymentReturns => Set<Taxes.LocalPaymentReturn>();
    public DbSet<Taxes.VoluntaryProject> VoluntaryProjects => Set<Taxes.VoluntaryProject>();
    public DbSet<Taxes.ProjectSpending> ProjectSpendings => Set<Taxes.ProjectSpending>();
    public DbSet<Taxes.TaxAudit> TaxAudits => Set<Taxes.TaxAudit>();
    public DbSet<Taxes.AuditAct> AuditActs => Set<Taxes.AuditAct>();
    public DbSet<Taxes.TaxComplaint> TaxComplaints => Set<Taxes.TaxComplaint>();

    public DbSet<Budget.MunicipalBudget> Budgets => Set<Budget.MunicipalBudget>();
    public DbSet<Budget.BudgetLineRecord> BudgetLines => Set<Budget.BudgetLineRecord>();
    public DbSet<Budget.BudgetChange> BudgetChanges => Set<Budget.BudgetChange>();
    public DbSet<Budget.BudgetChangeLine> BudgetChangeLines => Set<Budget.BudgetChangeLine>();
    public DbSet<Budget.Expenditure> Expenditures => Set<Budget.Expenditure>();
    public DbSet<Budget.RevenueEntry> RevenueEntries => Set<Budget.RevenueEntry>();
    public DbSet<Budget.TaxRevenueDay> TaxRevenueDays => Set<Budget.TaxRevenueDay>();
    public DbSet<Budget.BudgetAudit> BudgetAudits => Set<Budget.BudgetAudit>();
    public DbSet<Budget.TaxRevenueWatermark> TaxRevenueWatermarks => Set<Budget.TaxRevenueWatermark>();

    public TenantContext Tenant => tenants.Current;

    /// <summary>Bulk system imports write one summary audit entry themselves instead of one per row.</summary>
    public bool SuppressAudit { get; set; }

    private readonly HashSet<int> uncommitted = [];

    /// <summary>For writes that bypass the change tracker (bulk SQL): the municipality whose records they change.</summary>
    public void MarkChanged(int municipalityId) => uncommitted.Add(municipalityId);

    internal void RaiseCommitted()
    {
        if (uncommitted.Count == 0) return;
        CommittedChanges.Raise(uncommitted);
        uncommitted.Clear();
    }

    internal void ForgetUncommitted() => uncommitted.Clear();

    // Read by the query filters; EF parameterises them per context instance.
    private bool TenantSeesAll => Tenant.SeesAllMunicipalities;
    private List<int> TenantMunicipalityList => Tenant.Municipalities.ToList();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.PersonalId).HasMaxLength(7);
            e.Property(u => u.PreferredLanguage).HasMaxLength(5);
            e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RoleAssignment>(e =>
        {
            e.ToTable("RoleAssignments");
            e.HasIndex(r => new { r.UserId, r.Role, r.MunicipalityId }).IsUnique();
            e.HasIndex(r => r.MunicipalityId);
            e.Property(r => r.GrantedBy).HasMaxLength(256);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditLog");
            e.Property(a => a.Entity).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.HasIndex(a => new { a.MunicipalityId, a.Id });
            e.HasIndex(a => new { a.Entity, a.EntityId });
        });
        b.Entity<LegalParameterRecord>(e =>
        {
            e.ToTable("LegalParameters");
            e.Property(p => p.Key).HasMaxLength(50);
            e.Property(p => p.Value).HasPrecision(18, 6);
            e.Property(p => p.Citation).HasMaxLength(100);
            e.Property(p => p.RecordedBy).HasMaxLength(256);
            e.HasIndex(p => new { p.Key, p.ValidFrom });
        });
        b.Entity<CalendarDayRecord>(e =>
        {
            e.ToTable("CalendarDays");
            e.HasIndex(d => d.Date).IsUnique();
            e.Property(d => d.NameAz).HasMaxLength(200);
            e.Property(d => d.NameEn).HasMaxLength(200);
            e.Property(d => d.Source).HasMaxLength(300);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        b.Entity<Region>(e =>
        {
            e.ToTable("Regions");
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.NameAsPrinted).HasMaxLength(200);
            e.HasIndex(r => r.Name).IsUnique();
            e.HasMany(r => r.Districts).WithOne(d => d.Region).HasForeignKey(d => d.RegionId);
        });
        b.Entity<District>(e =>
        {
            e.ToTable("Districts");
            e.Property(d => d.Name).HasMaxLength(100);
            e.HasIndex(d => new { d.RegionId, d.Name }).IsUnique();
        });
        b.Entity<Municipality>(e =>
        {
            e.ToTable("Municipalities");
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.NameAsPrinted).HasMaxLength(200);
            e.Property(m => m.SearchKey).HasMaxLength(200);
            e.Property(m => m.KindBasis).HasMaxLength(20);
            e.Property(m => m.ListNumberPrinted).HasMaxLength(10);
            e.Property(m => m.PopulationSource).HasMaxLength(300);
            e.Property(m => m.CouncilSizeJustification).HasMaxLength(1000);
            e.Property(m => m.RegisterCertificateNumber).HasMaxLength(50);
            e.Property(m => m.CharterRegistrationNumber).HasMaxLength(50);
            e.Property(m => m.Source).HasMaxLength(300);
            e.Property(m => m.SourceLines).HasMaxLength(100);
            e.Property(m => m.ImportKey).HasMaxLength(200);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => m.ImportKey).IsUnique();
            e.HasIndex(m => m.SearchKey);
            e.HasIndex(m => new { m.RegionId, m.DistrictId, m.ListNumber });
            e.HasIndex(m => m.Kind);
            e.HasOne(m => m.Region).WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.District).WithMany().HasForeignKey(m => m.DistrictId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.TerritorialUnits).WithOne().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.History).WithOne().HasForeignKey(h => h.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TerritorialUnit>(e =>
        {
            e.ToTable("TerritorialUnits");
            e.Property(t => t.Name).HasMaxLength(200);
        });
        b.Entity<MunicipalityEvent>(e =>
        {
            e.ToTable("MunicipalityEvents");
            e.Property(h => h.OtherMunicipalityName).HasMaxLength(200);
            e.Property(h => h.ActTitle).HasMaxLength(500);
            e.Property(h => h.ActNumber).HasMaxLength(50);
            e.Property(h => h.RecordedBy).HasMaxLength(256);
            e.HasIndex(h => new { h.MunicipalityId, h.On });
        });
        b.Entity<NationalCount>(e =>
        {
            e.ToTable("NationalCounts");
            e.HasKey(n => n.Year);
            e.Property(n => n.Year).ValueGeneratedNever();
            e.Property(n => n.Source).HasMaxLength(300);
        });

        Council.CouncilSchema.Configure(b);
        Taxes.TaxesSchema.Configure(b);
        Budget.BudgetSchema.Configure(b);

        ApplyTenantFilters(b);
    }

    /// <summary>Every municipality-owned entity gets the same read filter; new modules are covered automatically.</summary>
    private void ApplyTenantFilters(ModelBuilder b)
    {
        foreach (var type in b.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IMunicipalityOwned).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterOwned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(type).Invoke(this, [b]);
            else if (typeof(IMaybeMunicipalityOwned).IsAssignableFrom(type))
                GetType().GetMethod(nameof(FilterMaybeOwned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(type).Invoke(this, [b]);
        }
    }

    private void FilterOwned<T>(ModelBuilder b) where T : class, IMunicipalityOwned =>
        b.Entity<T>().HasQueryFilter(e => TenantSeesAll || TenantMunicipalityList.Contains(e.MunicipalityId));

    private void FilterMaybeOwned<T>(ModelBuilder b) where T : class, IMaybeMunicipalityOwned =>
        b.Entity<T>().HasQueryFilter(e => TenantSeesAll || (e.MunicipalityId != null && TenantMunicipalityList.Contains(e.MunicipalityId.Value)));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var tenant = Tenant;
        var pending = new List<(EntityEntry Entry, string Action, Dictionary<string, object?>? Before)>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is AuditEntry audited)
            {
                if (entry.State != EntityState.Added)
                    throw new InvalidOperationException("The audit log is append-only.");
                // A bulk write is audited by hand: its entry names the municipality it changed.
                if (audited.MunicipalityId is { } am) uncommitted.Add(am);
                continue;
            }
            GuardTenant(entry, tenant);
            if (MunicipalityOf(entry.Entity) is { } changed) uncommitted.Add(changed);
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned v)
                v.Version++;
            var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            pending.Add((entry, action, entry.State == EntityState.Added ? null : Snapshot(entry, original: true)));
        }
        if (pending.Count == 0 || SuppressAudit)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (Database.CurrentTransaction is null) RaiseCommitted();
            return saved;
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Deleted entries are detached by the save: note which ones have no "after".
            var deleted = pending.Select(p => p.Action == "delete").ToList();
            var deletedKeys = pending.Select(p => p.Action == "delete" ? KeyOf(p.Entry) : null).ToList();
            // Accept the changes so the second save below inserts only the audit entries; if anything
            // fails the transaction rolls back and the context must not be reused (one context per command).
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
            var now = DateTime.UtcNow;
            for (var i = 0; i < pending.Count; i++)
            {
                var (entry, action, before) = pending[i];
                var after = deleted[i] ? null : Snapshot(entry, original: false);
                if (action == "update" && before is not null && after is not null && SameValues(before, after)) continue;
                AuditLog.Add(new AuditEntry
                {
                    At = now,
                    UserId = tenant.UserId,
                    UserName = tenant.UserName ?? "system",
                    MunicipalityId = MunicipalityOf(entry.Entity),
                    Entity = entry.Metadata.ClrType.Name,
                    EntityId = deletedKeys[i] ?? KeyOf(entry),
                    Action = action,
                    Before = before is null ? null : JsonSerializer.Serialize(before),
                    After = after is null ? null : JsonSerializer.Serialize(after),
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private static void GuardTenant(EntityEntry entry, TenantContext tenant)
    {
        if (tenant.SeesAllMunicipalities && (tenant == TenantContext.System || tenant.IsAdministrator)) return;
        if (Council.OversightReceipts.IsReceiptOnly(entry, tenant)) return;
        int? owner = MunicipalityOf(entry.Entity);
        int? originalOwner = entry.State == EntityState.Added ? owner : OriginalMunicipalityOf(entry);
        foreach (var m in new[] { owner, originalOwner })
        {
            if (entry.Entity is IMunicipalityOwned or IMaybeMunicipalityOwned)
            {
                if (m is null)
                    throw new TenantViolation($"Only an administrator may change national {entry.Metadata.ClrType.Name} records.");
                if (!tenant.Municipalities.Contains(m.Value))
                    throw new TenantViolation($"{entry.Metadata.ClrType.Name} belongs to another municipality.");
            }
        }
    }

    private static int? MunicipalityOf(object entity) => entity switch
    {
        IMunicipalityOwned o => o.MunicipalityId,
        IMaybeMunicipalityOwned o => o.MunicipalityId,
        Municipality m => m.Id,
        TerritorialUnit t => t.MunicipalityId,
        MunicipalityEvent h => h.MunicipalityId,
        _ => null,
    };

    private static int? OriginalMunicipalityOf(EntityEntry entry)
    {
        var p = entry.Metadata.FindProperty("MunicipalityId");
        return p is null ? MunicipalityOf(entry.Entity) : entry.OriginalValues[p] as int?;
    }

    /// <summary>What the audit log must never show: password hashes, stamps, and the value of an
    /// Identity token (authenticator keys, recovery codes). Other "Value" properties (ŞMV) are data.</summary>
    private static bool IsSecret(EntityEntry entry, string property) =>
        property is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp"
        || (property == "Value" && entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>);

    private static Dictionary<string, object?> Snapshot(EntityEntry entry, bool original)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var d = new Dictionary<string, object?>();
        foreach (var p in entry.Metadata.GetProperties())
        {
            if (p.Name == "SearchKey") continue;
            var v = values[p];
            d[p.Name] = v is not null && IsSecret(entry, p.Name) ? "***" : v;
        }
        return d;
    }

    private static bool SameValues(Dictionary<string, object?> a, Dictionary<string, object?> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var o) && Equals(kv.Value, o) ||
                                          kv.Key == "Version");

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.CurrentValues[p]?.ToString()));
}
