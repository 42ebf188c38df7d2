using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Search;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Platform.Identity;

public sealed record RoleGrant(Role Role, int? MunicipalityId);
public sealed record NewUser(string UserName, string FullName, string Password, string? PersonalId, IReadOnlyList<RoleGrant> Roles);
public sealed record UserChange(string FullName, bool Disabled, IReadOnlyList<RoleGrant> Roles, string ConcurrencyStamp);
/// <param name="Manageable">Whether the caller may change the whole account; if not, they may only remove its roles in their municipality.</param>
public sealed record UserView(Guid Id, string UserName, string FullName, string? PersonalId, bool Disabled, bool TwoFactorEnabled,
    bool LockedOut, IReadOnlyList<RoleView> Roles, string ConcurrencyStamp, bool Manageable);

/// <summary>
/// The rules for managing accounts, shared by the API and the pages. A municipal administrator manages
/// only municipal roles of their own municipality, and only accounts whose every role is in a municipality
/// they administer; a platform administrator manages everything.
/// </summary>
public static class UserAdministration
{
    /// <summary>
    /// Checks the roles to be held. <paramref name="held"/> are the assignments the account already has:
    /// they may stay even if their municipality has since been merged or dissolved; new ones may not.
    /// </summary>
    public static async Task<List<FieldError>> CheckGrantsAsync(AppDb db, TenantContext actor, IReadOnlyList<RoleGrant> grants, int? onlyMunicipality,
        IReadOnlyCollection<RoleAssignment> held)
    {
        var errors = new List<FieldError>();
        var ids = grants.Where(g => g.MunicipalityId is not null).Select(g => g.MunicipalityId!.Value).Distinct().ToList();
        var status = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Status);
        for (var i = 0; i < grants.Count; i++)
        {
            var g = grants[i];
            var (roleField, scopeField) = ($"roles[{i}].role", $"roles[{i}].municipalityId");
            var name = AccountTexts.RoleName(g.Role);
            if (!Enum.IsDefined(g.Role))
                errors.Add(new(roleField, new("Naməlum rol", "Unknown role")));
            else if (!Roles.IsMunicipal(g.Role) && !actor.IsAdministrator)
                errors.Add(new(roleField, new($"«{name.Az}» milli roldur; onu yalnız platforma inzibatçısı verə bilər", $"'{name.En}' is a national role; only a platform administrator grants it")));
            else if (Roles.IsMunicipal(g.Role) && g.MunicipalityId is null)
                errors.Add(new(scopeField, new($"«{name.Az}» rolu üçün bələdiyyə göstərilməlidir", $"The role '{name.En}' needs a municipality")));
            else if (!Roles.IsMunicipal(g.Role) && g.MunicipalityId is not null)
                errors.Add(new(scopeField, new($"«{name.Az}» milli roldur; bələdiyyə göstərilməməlidir", $"'{name.En}' is a national role; it takes no municipality")));
            else if (g.MunicipalityId is not int m)
                continue;
            else if (onlyMunicipality is not null && m != onlyMunicipality)
                errors.Add(new(scopeField, new("Burada yalnız bu bələdiyyənin rolları verilə bilər", "Only roles of this municipality can be granted here")));
            else if (!actor.Administers(m))
                errors.Add(new(scopeField, new($"№ {m} bələdiyyəsində rol vermək səlahiyyətiniz yoxdur", $"You may not grant roles in municipality № {m}")));
            else if (held.Any(r => r.Role == g.Role && r.MunicipalityId == m))
                continue;
            else if (!status.TryGetValue(m, out var s))
                errors.Add(new(scopeField, new($"№ {m} bələdiyyəsi reyestrdə yoxdur", $"There is no municipality № {m} in the register")));
            else if (s != MunicipalityStatus.Active)
                errors.Add(new(scopeField, new($"№ {m} bələdiyyəsi {RegistryTexts.StatusName(s).Az}; rollar yalnız fəaliyyətdə olan bələdiyyələrdə verilir",
                    $"Municipality № {m} has been {RegistryTexts.StatusName(s).En}; roles are granted only in active municipalities")));
        }
        return errors;
    }

    public static async Task<(AppUser? User, List<FieldError> Errors)> CreateAsync(AppDb db, UserManager<AppUser> users, TenantContext actor, NewUser n, int? onlyMunicipality)
    {
        var grants = (n.Roles ?? []).Distinct().ToList();
        var errors = await CheckGrantsAsync(db, actor, grants, onlyMunicipality, []);
        if (string.IsNullOrWhiteSpace(n.UserName)) errors.Add(new("userName", new("İstifadəçi adı tələb olunur", "User name is required")));
        if (string.IsNullOrWhiteSpace(n.FullName)) errors.Add(new("fullName", new("Ad və soyad tələb olunur", "Full name is required")));
        string? fin = null;
        if (!string.IsNullOrWhiteSpace(n.PersonalId))
        {
            if (PersonalId.TryParse(n.PersonalId, out var parsed, out var finError)) fin = parsed.Value;
            else errors.Add(new("personalId", new("FİN 7 latın hərfi və ya rəqəmdən ibarət olmalıdır", finError ?? "Invalid FIN")));
        }
        if (grants.Count == 0) errors.Add(new("roles", new("Ən azı bir rol seçin", "Choose at least one role")));
        if (errors.Count > 0) return (null, errors);
        if (await users.FindByNameAsync(n.UserName.Trim()) is not null)
            return (null, [new("userName", new("Bu istifadəçi adı artıq mövcuddur", "This user name is taken"))]);

        await using var tx = await db.Database.BeginTransactionAsync();
        var user = new AppUser { UserName = n.UserName.Trim(), FullName = n.FullName.Trim(), PersonalId = fin, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, n.Password ?? "");
        if (!result.Succeeded) return (null, Identity(result));
        foreach (var g in grants)
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = g.Role, MunicipalityId = g.MunicipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = actor.UserName });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (user, []);
    }

    /// <summary>
    /// Replaces the user's roles inside the scope (one municipality, or all for an administrator), and sets
    /// the name and the disabled flag. On an account that reaches beyond the actor's municipalities, only
    /// removing roles is allowed (<see cref="TenantViolation"/> otherwise).
    /// </summary>
    public static async Task<List<FieldError>> UpdateAsync(AppDb db, UserManager<AppUser> users, TenantContext actor, AppUser user, UserChange c, int? onlyMunicipality)
    {
        if (c.ConcurrencyStamp != user.ConcurrencyStamp) throw new DbUpdateConcurrencyException("stale user");
        var held = await db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == user.Id).ToListAsync();
        var inScope = held.Where(r => onlyMunicipality is null || r.MunicipalityId == onlyMunicipality).ToList();
        var wanted = (c.Roles ?? []).Distinct().ToList();
        var removed = inScope.Where(r => !wanted.Contains(new RoleGrant(r.Role, r.MunicipalityId))).ToList();
        var added = wanted.Where(g => !inScope.Any(r => r.Role == g.Role && r.MunicipalityId == g.MunicipalityId)).ToList();
        var fullName = c.FullName?.Trim() ?? "";
        // Decision (docs/decisions.md): the administrator of A may still take A's roles away from such an
        // account, so A keeps control over who acts in A; everything else is the platform administrator's.
        if ((fullName != user.FullName || c.Disabled != user.Disabled || added.Count > 0) && !await ManagesAsync(db, actor, user.Id))
            throw new TenantViolation(AccountTexts.BeyondYourMunicipalities);

        var errors = await CheckGrantsAsync(db, actor, wanted, onlyMunicipality, inScope);
        if (fullName.Length == 0) errors.Add(new("fullName", new("Ad və soyad tələb olunur", "Full name is required")));
        if (errors.Count == 0) errors.AddRange(await KeepAdministratorsAsync(db, actor, user, held, removed, c.Disabled));
        if (errors.Count > 0) return errors;

        await using var tx = await db.Database.BeginTransactionAsync();
        var endsSessions = c.Disabled != user.Disabled || removed.Count > 0 || added.Count > 0;
        user.FullName = fullName;
        user.Disabled = c.Disabled;
        // A new security stamp fails the user's existing sessions at their next check (IdentitySetup: one minute).
        var result = endsSessions ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded) return Identity(result);
        db.RoleAssignments.RemoveRange(removed);
        foreach (var g in added)
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = g.Role, MunicipalityId = g.MunicipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = actor.UserName });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return [];
    }

    public static async Task<List<FieldError>> ResetPasswordAsync(AppDb db, UserManager<AppUser> users, TenantContext actor, AppUser user, string? newPassword)
    {
        await EnsureManagesAsync(db, actor, user.Id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        return result.Errors.Select(e => new FieldError("newPassword", new(e.Description, e.Description))).ToList();
    }

    public static async Task UnlockAsync(AppDb db, UserManager<AppUser> users, TenantContext actor, AppUser user)
    {
        await EnsureManagesAsync(db, actor, user.Id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>
    /// A municipal administrator manages an account only if every role it holds is in a municipality they
    /// administer. Otherwise its password or state would let them act in another municipality, or with a
    /// national role, as that person.
    /// </summary>
    public static async Task<bool> ManagesAsync(AppDb db, TenantContext actor, Guid userId) =>
        (await BeyondAsync(db, actor, [userId])).Count == 0;

    private static async Task EnsureManagesAsync(AppDb db, TenantContext actor, Guid userId)
    {
        if (!await ManagesAsync(db, actor, userId)) throw new TenantViolation(AccountTexts.BeyondYourMunicipalities);
    }

    /// <summary>Those of the users holding a role outside the actor's administered municipalities (all roles, not only the visible ones).</summary>
    private static async Task<HashSet<Guid>> BeyondAsync(AppDb db, TenantContext actor, IReadOnlyCollection<Guid> userIds)
    {
        if (actor.IsAdministrator) return [];
        var mine = actor.AdministeredMunicipalities.ToList();
        var ids = userIds.ToList();
        return (await db.RoleAssignments.IgnoreQueryFilters()
            .Where(r => ids.Contains(r.UserId) && (r.MunicipalityId == null || !mine.Contains(r.MunicipalityId.Value)))
            .Select(r => r.UserId).Distinct().ToListAsync()).ToHashSet();
    }

    /// <summary>
    /// The platform keeps at least one active (not disabled) administrator; a municipal administrator
    /// cannot disable themselves or drop their own administrator role while nobody else administers the municipality.
    /// </summary>
    private static async Task<List<FieldError>> KeepAdministratorsAsync(AppDb db, TenantContext actor, AppUser user,
        List<RoleAssignment> held, List<RoleAssignment> removed, bool disable)
    {
        var errors = new List<FieldError>();
        if (user.Disabled) return errors; // a disabled account is nobody's active administrator
        var field = disable ? "disabled" : "roles";
        foreach (var r in held.Where(r => disable || removed.Contains(r)))
        {
            if (r.Role == Role.Administrator && !await AnotherActiveAsync(db, user.Id, Role.Administrator, null))
                errors.Add(new(field, new("Bu, sonuncu aktiv platforma inzibatçısıdır; əvvəlcə başqa inzibatçı təyin edin",
                    "This is the last active platform administrator; appoint another one first")));
            else if (r.Role == Role.MunicipalAdministrator && user.Id == actor.UserId && !await AnotherActiveAsync(db, user.Id, r.Role, r.MunicipalityId))
                errors.Add(new(field, new($"Siz № {r.MunicipalityId} bələdiyyəsinin sonuncu aktiv inzibatçısısınız; əvvəlcə başqa inzibatçı təyin edin",
                    $"You are the last active administrator of municipality № {r.MunicipalityId}; appoint another one first")));
        }
        return errors;
    }

    private static Task<bool> AnotherActiveAsync(AppDb db, Guid userId, Role role, int? municipalityId) =>
        db.Users.AnyAsync(u => u.Id != userId && !u.Disabled
            && db.RoleAssignments.IgnoreQueryFilters().Any(r => r.UserId == u.Id && r.Role == role && r.MunicipalityId == municipalityId));

    /// <summary>Users holding any role in the municipality (or all users when null), searched and paged.</summary>
    public static async Task<Paged<UserView>> PageAsync(AppDb db, int? municipalityId, string? q, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Max(1, pageSize);
        var query = db.Users.AsNoTracking();
        if (municipalityId is not null) query = query.Where(u => db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == municipalityId));
        query = query.OrderBy(u => u.UserName);
        int total;
        List<AppUser> list;
        if (string.IsNullOrWhiteSpace(q))
        {
            total = await query.CountAsync(ct);
            list = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        }
        else
        {
            // Neither SQLite's nor PostgreSQL's upper() knows Azerbaijani case (Ə/ə, İ/i, I/ı, …), and the users
            // table has no stored search key, so names are folded here with the register's SpellingFold.
            // Only ids and names are read for the whole list; the page's rows are read afterwards.
            var key = SpellingFold.Fold(q);
            var names = await query.Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(ct);
            var matching = names.Where(u => SpellingFold.Fold(u.FullName).Contains(key, StringComparison.Ordinal)
                                            || SpellingFold.Fold(u.UserName).Contains(key, StringComparison.Ordinal))
                .Select(u => u.Id).ToList();
            total = matching.Count;
            var ids = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
            list = rows.OrderBy(u => ids.IndexOf(u.Id)).ToList();
        }
        var pageIds = list.Select(u => u.Id).ToList();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => pageIds.Contains(r.UserId)).ToListAsync(ct);
        var beyond = await BeyondAsync(db, db.Tenant, pageIds);
        return new Paged<UserView>(list.Select(u => View(u, roles.Where(r => r.UserId == u.Id), !beyond.Contains(u.Id))).ToList(), total, page, pageSize);
    }

    /// <summary>One account as the actor sees it: the roles the tenant filter shows them, and whether they manage it.</summary>
    public static async Task<UserView> ViewAsync(AppDb db, AppUser u) =>
        View(u, await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == u.Id).ToListAsync(), await ManagesAsync(db, db.Tenant, u.Id));

    private static UserView View(AppUser u, IEnumerable<RoleAssignment> roles, bool manageable) =>
        new(u.Id, u.UserName!, u.FullName, u.PersonalId, u.Disabled, u.TwoFactorEnabled, u.LockoutEnd > DateTimeOffset.UtcNow,
            roles.OrderBy(r => r.Role).Select(r => new RoleView(r.Role, r.MunicipalityId)).ToList(), u.ConcurrencyStamp ?? "", manageable);

    private static List<FieldError> Identity(IdentityResult r) =>
        r.Errors.Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "user",
            new Text(e.Description, e.Description))).ToList();
}
