using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Platform.Identity;

public sealed record RoleGrant(Role Role, int? MunicipalityId);
public sealed record NewUser(string UserName, string FullName, string Password, string? PersonalId, IReadOnlyList<RoleGrant> Roles);
public sealed record UserChange(string FullName, bool Disabled, IReadOnlyList<RoleGrant> Roles, string ConcurrencyStamp);
public sealed record UserView(Guid Id, string UserName, string FullName, string? PersonalId, bool Disabled, bool TwoFactorEnabled,
    bool LockedOut, IReadOnlyList<RoleView> Roles, string ConcurrencyStamp);

/// <summary>
/// The rules for managing accounts, shared by the API and the pages. A municipal administrator manages
/// only municipal roles of their own municipality; a platform administrator manages everything.
/// </summary>
public static class UserAdministration
{
    public static List<FieldError> CheckGrants(TenantContext actor, IReadOnlyList<RoleGrant> grants, int? onlyMunicipality)
    {
        var errors = new List<FieldError>();
        foreach (var g in grants ?? [])
        {
            if (!Enum.IsDefined(g.Role))
                errors.Add(new("roles", new("Naməlum rol", "Unknown role")));
            else if (Roles.IsMunicipal(g.Role) && g.MunicipalityId is null)
                errors.Add(new("roles", new($"«{AccountTexts.RoleName(g.Role).Az}» rolu bir bələdiyyəyə bağlı olmalıdır", $"The role '{AccountTexts.RoleName(g.Role).En}' must be scoped to a municipality")));
            else if (!Roles.IsMunicipal(g.Role) && g.MunicipalityId is not null)
                errors.Add(new("roles", new($"«{AccountTexts.RoleName(g.Role).Az}» milli roldur", $"The role '{AccountTexts.RoleName(g.Role).En}' is national")));
            else if (onlyMunicipality is not null && g.MunicipalityId != onlyMunicipality)
                errors.Add(new("roles", new("Burada yalnız bu bələdiyyənin rolları verilə bilər", "Only roles of this municipality can be granted here")));
            else if (!actor.IsAdministrator && (g.MunicipalityId is null || !actor.Administers(g.MunicipalityId.Value)))
                errors.Add(new("roles", new("Bu rolu vermək səlahiyyətiniz yoxdur", "You may not grant this role")));
        }
        return errors;
    }

    public static async Task<(AppUser? User, List<FieldError> Errors)> CreateAsync(AppDb db, UserManager<AppUser> users, TenantContext actor, NewUser n, int? onlyMunicipality)
    {
        var errors = CheckGrants(actor, n.Roles, onlyMunicipality);
        if (string.IsNullOrWhiteSpace(n.UserName)) errors.Add(new("userName", new("İstifadəçi adı tələb olunur", "User name is required")));
        if (string.IsNullOrWhiteSpace(n.FullName)) errors.Add(new("fullName", new("Ad və soyad tələb olunur", "Full name is required")));
        string? fin = null;
        if (!string.IsNullOrWhiteSpace(n.PersonalId))
        {
            if (PersonalId.TryParse(n.PersonalId, out var parsed, out var finError)) fin = parsed.Value;
            else errors.Add(new("personalId", new("FİN 7 latın hərfi və ya rəqəmdən ibarət olmalıdır", finError ?? "Invalid FIN")));
        }
        if (n.Roles is null || n.Roles.Count == 0) errors.Add(new("roles", new("Ən azı bir rol seçin", "Choose at least one role")));
        if (errors.Count > 0) return (null, errors);
        if (await users.FindByNameAsync(n.UserName.Trim()) is not null)
            return (null, [new("userName", new("Bu istifadəçi adı artıq mövcuddur", "This user name is taken"))]);

        await using var tx = await db.Database.BeginTransactionAsync();
        var user = new AppUser { UserName = n.UserName.Trim(), FullName = n.FullName.Trim(), PersonalId = fin, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, n.Password ?? "");
        if (!result.Succeeded) return (null, Identity(result));
        foreach (var g in n.Roles!.Distinct())
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = g.Role, MunicipalityId = g.MunicipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = actor.UserName });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (user, []);
    }

    /// <summary>Replaces the user's roles inside the actor's scope (one municipality, or all for an administrator).</summary>
    public static async Task<List<FieldError>> UpdateAsync(AppDb db, UserManager<AppUser> users, TenantContext actor, AppUser user, UserChange c, int? onlyMunicipality)
    {
        if (c.ConcurrencyStamp != user.ConcurrencyStamp) throw new DbUpdateConcurrencyException("stale user");
        var errors = CheckGrants(actor, c.Roles, onlyMunicipality);
        if (string.IsNullOrWhiteSpace(c.FullName)) errors.Add(new("fullName", new("Ad və soyad tələb olunur", "Full name is required")));
        if (errors.Count > 0) return errors;
        await using var tx = await db.Database.BeginTransactionAsync();
        user.FullName = c.FullName.Trim();
        user.Disabled = c.Disabled;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return Identity(result);
        var existing = await db.RoleAssignments.Where(r => r.UserId == user.Id && (onlyMunicipality == null || r.MunicipalityId == onlyMunicipality)).ToListAsync();
        db.RoleAssignments.RemoveRange(existing.Where(r => !c.Roles.Contains(new RoleGrant(r.Role, r.MunicipalityId))));
        foreach (var g in c.Roles.Distinct().Where(g => !existing.Any(r => r.Role == g.Role && r.MunicipalityId == g.MunicipalityId)))
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = g.Role, MunicipalityId = g.MunicipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = actor.UserName });
        await db.SaveChangesAsync();
        await users.UpdateSecurityStampAsync(user); // role changes take effect at the next sign-in check
        await tx.CommitAsync();
        return [];
    }

    /// <summary>Users holding any role in the municipality (or all users when null), searched and paged.</summary>
    public static async Task<Paged<UserView>> PageAsync(AppDb db, int? municipalityId, string? q, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Max(1, pageSize);
        var query = db.Users.AsNoTracking();
        if (municipalityId is not null) query = query.Where(u => db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == municipalityId));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = "%" + q.Trim().ToUpperInvariant() + "%";
            query = query.Where(u => EF.Functions.Like(u.NormalizedUserName!, like) || EF.Functions.Like(u.FullName.ToUpper(), like));
        }
        var total = await query.CountAsync(ct);
        var list = await query.OrderBy(u => u.UserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => ids.Contains(r.UserId)).ToListAsync(ct);
        return new Paged<UserView>(list.Select(u => View(u, roles.Where(r => r.UserId == u.Id))).ToList(), total, page, pageSize);
    }

    public static UserView View(AppUser u, IEnumerable<RoleAssignment> roles) =>
        new(u.Id, u.UserName!, u.FullName, u.PersonalId, u.Disabled, u.TwoFactorEnabled, u.LockoutEnd > DateTimeOffset.UtcNow,
            roles.OrderBy(r => r.Role).Select(r => new RoleView(r.Role, r.MunicipalityId)).ToList(), u.ConcurrencyStamp ?? "");

    private static List<FieldError> Identity(IdentityResult r) =>
        r.Errors.Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "user",
            new Text(e.Description, e.Description))).ToList();
}
