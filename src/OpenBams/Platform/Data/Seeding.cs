using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Parameters;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Platform.Data;

/// <summary>First-start work: migrate, load reference data, make sure an administrator exists, optionally load the demo.</summary>
public static class Seeding
{
    public const string DemoPassword = "Demo-2026-bams";

    public static async Task PrepareDatabaseAsync(IServiceProvider services, ILogger log, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync(ct);
        var result = await RegisterImport.RunAsync(db, RegisterImport.DataDirectory(), ct);
        if (result.MunicipalitiesAdded > 0)
            log.LogInformation("Loaded {Count} municipalities from the 2005 official list.", result.MunicipalitiesAdded);
        foreach (var u in result.Unmatched)
            log.LogWarning("2004 formation not matched to a register row: {Row}", u);
        await SeedParametersAsync(db, ct);
        await SeedHolidaysAsync(db, ct);
    }

    /// <summary>Default values of legal parameters (ŞMV, ...) where none is stored yet.</summary>
    public static async Task SeedParametersAsync(AppDb db, CancellationToken ct = default)
    {
        var keys = (await db.LegalParameters.Select(p => p.Key).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var def in LegalParameterKeys.All.Where(d => !keys.Contains(d.Key)))
            foreach (var v in def.Defaults)
                db.LegalParameters.Add(new LegalParameterRecord
                {
                    Key = def.Key, ValidFrom = v.ValidFrom, Value = v.Value, Citation = v.Citation?.ToString(),
                    FromSeeds = v.FromSeeds, Note = v.Note, RecordedAt = DateTime.UtcNow, RecordedBy = "system",
                });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Public holidays the project knows, for years not yet in the calendar (editable afterwards).</summary>
    public static async Task SeedHolidaysAsync(AppDb db, CancellationToken ct = default)
    {
        var taken = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var years = taken.Select(d => d.Year).ToHashSet();
        var thisYear = Clock.Today(TimeProvider.System).Year;
        var missing = Enumerable.Range(2024, Math.Max(thisYear + 1, 2027) - 2024 + 1).Where(y => !years.Contains(y)).ToList();
        // Two holidays can share a day (Novruz and Ramazan in 2026) and a carried-over rest day can fall
        // into the next year: one row per date, the names joined.
        var byDate = new SortedDictionary<DateOnly, CalendarDayRecord>();
        foreach (var e in missing.SelectMany(y => AzerbaijanHolidays.For(y)).Where(e => !taken.Contains(e.Date)))
        {
            if (byDate.TryGetValue(e.Date, out var existing))
            {
                if (!existing.NameAz.Contains(e.NameAz)) existing.NameAz += "; " + e.NameAz;
                if (!existing.NameEn.Contains(e.NameEn)) existing.NameEn += "; " + e.NameEn;
                if (e.Kind == CalendarDayKind.PublicHoliday) existing.Kind = e.Kind;
                continue;
            }
            byDate[e.Date] = new CalendarDayRecord
            {
                Date = e.Date, Kind = e.Kind, NameAz = e.NameAz, NameEn = e.NameEn, FromSeeds = e.FromSeeds, Source = e.Source,
            };
        }
        db.CalendarDays.AddRange(byDate.Values);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes sure somebody can log in and administer a fresh installation.</summary>
    public static async Task<string?> EnsureAdministratorAsync(IServiceProvider services, string? configuredPassword)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (await db.RoleAssignments.IgnoreQueryFilters().AnyAsync(r => r.Role == Role.Administrator)) return null;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var password = configuredPassword ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "7";
        var admin = new AppUser { UserName = "admin", FullName = "Administrator", CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(admin, password));
        db.RoleAssignments.Add(new RoleAssignment { UserId = admin.Id, Role = Role.Administrator, GrantedAt = DateTime.UtcNow, GrantedBy = "system" });
        await db.SaveChangesAsync();
        return password;
    }

    public sealed record DemoLogin(string UserName, string Role, string Municipality);

    /// <summary>
    /// A demo municipality with staff accounts and synthetic residents, so a new user can try everything.
    /// Idempotent: a second run finds the accounts and changes nothing.
    /// </summary>
    public static async Task<IReadOnlyList<DemoLogin>> LoadDemoAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var demo = await db.Municipalities.FirstAsync(m => m.ImportKey == $"{RegisterImport.Dataset}:Bakı şəhəri|Binəqədi rayonu|2|Biləcori", ct);
        var other = await db.Municipalities.FirstAsync(m => m.ImportKey == $"{RegisterImport.Dataset}:Şəki rayonu||1|Şəki", ct);
        if (demo.Population is null)
        {
            demo.Population = 23_000;
            demo.PopulationDate = new DateOnly(2026, 1, 1);
            demo.PopulationSource = "Demo: synthetic figure";
            demo.RegisterCertificateNumber = "DEMO-0001";
            demo.RegisterCertificateDate = new DateOnly(2020, 2, 14);
            demo.CharterRegistrationNumber = "DEMO-N-17";
            demo.CharterRegisteredOn = new DateOnly(2020, 3, 2);
            await db.SaveChangesAsync(ct);
        }
        var staff = new (string User, string Name, Role Role, Municipality M)[]
        {
            ("sedr", "Demo Sədr", Role.Chairman, demo),
            ("katib", "Demo Katib", Role.Secretary, demo),
            ("vergi", "Demo Vergi Müfəttişi", Role.TaxOfficer, demo),
            ("muhasib", "Demo Mühasib", Role.Accountant, demo),
            ("torpaq", "Demo Torpaq Mütəxəssisi", Role.LandOfficer, demo),
            ("uzv", "Demo Bələdiyyə Üzvü", Role.CouncilMember, demo),
            ("idareci", "Demo Bələdiyyə İdarəçisi", Role.MunicipalAdministrator, demo),
            ("seki-idareci", "Demo Şəki İdarəçisi", Role.MunicipalAdministrator, other),
            ("nazirlik", "Demo Nəzarət Əməkdaşı", Role.OversightOfficer, null!),
            ("analitik", "Demo Analitik", Role.NationalAnalyst, null!),
        };
        var logins = new List<DemoLogin>();
        foreach (var (user, name, role, m) in staff)
        {
            await EnsureUserAsync(db, users, user, name, null, role, m?.Id);
            logins.Add(new DemoLogin(user, role.ToString(), m?.Name ?? "—"));
        }
        // Synthetic residents with valid-looking FINs (7 Latin letters/digits); never real people.
        var rnd = new Random(2026);
        const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        string[] first = ["Əli", "Leyla", "Rəşad", "Aynur", "Elvin", "Günay", "Tural", "Nigar", "Orxan", "Səbinə"];
        string[] last = ["Məmmədov", "Əliyeva", "Hüseynov", "Quliyeva", "İsmayılov", "Həsənova", "Babayev", "Kərimova", "Rzayev", "Nəsirova"];
        var residents = new List<(string Name, string Fin)>();
        for (var i = 1; i <= 20; i++)
        {
            var fin = new string(Enumerable.Range(0, 7).Select(_ => chars[rnd.Next(chars.Length)]).ToArray());
            await EnsureUserAsync(db, users, $"sakin{i}", $"{first[i % 10]} {last[(i * 3) % 10]}", fin, Role.Resident, demo.Id);
            var resident = (await users.FindByNameAsync($"sakin{i}"))!;
            residents.Add((resident.FullName, resident.PersonalId!));
        }
        logins.Add(new DemoLogin("sakin1 … sakin20", Role.Resident.ToString(), demo.Name));
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = OpenBams.Platform.Clock.Today(time);
        var taxesLoaded = await Taxes.TaxesDemo.LoadAsync(db, demo, residents, today, ct);
        if (await Budget.BudgetDemo.LoadAsync(db, demo, today, ct) is not null)
            await Budget.BudgetExecutionDemo.LoadAsync(db, demo.Id, today, time, ct);
        // After the budget exists, so the tax payments post to its revenue classes.
        if (taxesLoaded) await Taxes.TaxesDemo.CollectAsync(services, demo.Id, today, time, ct);
        var seats = await Council.CouncilDemo.LoadAsync(db, users, demo, DemoPassword, today, ct);
        if (seats > 0) logins.Add(new DemoLogin($"uzv, uzv3 … uzv{seats}", "CouncilMember (session today)", demo.Name));
        return logins;
    }

    private static async Task EnsureUserAsync(AppDb db, UserManager<AppUser> users, string userName, string fullName, string? fin, Role role, int? municipalityId)
    {
        if (await users.FindByNameAsync(userName) is not null) return;
        var u = new AppUser { UserName = userName, FullName = fullName, PersonalId = fin, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(u, DemoPassword));
        db.RoleAssignments.Add(new RoleAssignment { UserId = u.Id, Role = role, MunicipalityId = municipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = "demo" });
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
