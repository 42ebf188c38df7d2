using System.Security.Claims;
using OpenBams.Platform.Identity;

namespace OpenBams.Platform.Tenancy;

/// <summary>A record that belongs to one municipality. The data context filters and guards every such record.</summary>
public interface IMunicipalityOwned
{
    int MunicipalityId { get; }
}

/// <summary>A record that belongs to one municipality or, when null, to the nation.</summary>
public interface IMaybeMunicipalityOwned
{
    int? MunicipalityId { get; }
}

/// <summary>
/// Who is asking and which municipalities' records they may see. Built once per request from the
/// user's claims; the data context and the route guard both read it, so tenancy lives in one place.
/// </summary>
public sealed class TenantContext
{
    public static readonly TenantContext Anonymous = new(null, null, false, new HashSet<int>(), []);
    /// <summary>For start-up jobs and imports that act for the platform itself.</summary>
    public static readonly TenantContext System = new(null, "system", true, new HashSet<int>(), []);

    public TenantContext(Guid? userId, string? userName, bool seesAllMunicipalities,
        IReadOnlySet<int> municipalities, IReadOnlyList<(Role Role, int? MunicipalityId)> roles)
    {
        UserId = userId;
        UserName = userName;
        SeesAllMunicipalities = seesAllMunicipalities;
        Municipalities = municipalities;
        Roles = roles;
    }

    public Guid? UserId { get; }
    public string? UserName { get; }
    /// <summary>National roles (administrator, oversight, analysts) read every municipality.</summary>
    public bool SeesAllMunicipalities { get; }
    public IReadOnlySet<int> Municipalities { get; }
    public IReadOnlyList<(Role Role, int? MunicipalityId)> Roles { get; }
    public bool IsAuthenticated => UserId is not null;

    public bool CanSee(int municipalityId) => SeesAllMunicipalities || Municipalities.Contains(municipalityId);

    public bool Has(Role role, int? municipalityId = null) =>
        Roles.Any(r => r.Role == role && (r.MunicipalityId is null || r.MunicipalityId == municipalityId));

    public bool IsAdministrator => Roles.Any(r => r.Role == Role.Administrator);

    /// <summary>May manage staff accounts and read the audit log of this municipality.</summary>
    public bool Administers(int municipalityId) =>
        IsAdministrator || Roles.Any(r => r.Role == Role.MunicipalAdministrator && r.MunicipalityId == municipalityId);

    /// <summary>The municipalities whose MunicipalAdministrator this user is.</summary>
    public IReadOnlyList<int> AdministeredMunicipalities =>
        Roles.Where(r => r.Role == Role.MunicipalAdministrator && r.MunicipalityId is not null).Select(r => r.MunicipalityId!.Value).Distinct().ToList();

    public const string RoleClaim = "obams:role";

    public static TenantContext FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Anonymous;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var roles = new List<(Role, int?)>();
        foreach (var c in principal.FindAll(RoleClaim))
        {
            // "TaxOfficer@12" or "Administrator"
            var parts = c.Value.Split('@');
            if (!Enum.TryParse<Role>(parts[0], out var role)) continue;
            int? m = parts.Length > 1 && int.TryParse(parts[1], out var mid) ? mid : null;
            roles.Add((role, m));
        }
        // The payment portal's technical account is national but reads nothing through the routes of the municipalities:
        // its own endpoints (Taxes.PaymentPortal) widen its view for their request only.
        var national = roles.Any(r => r.Item2 is null && !Identity.Roles.IsMunicipal(r.Item1) && r.Item1 != Role.PaymentPortal);
        var municipalities = roles.Where(r => r.Item2 is not null).Select(r => r.Item2!.Value).ToHashSet();
        return new TenantContext(id is null ? null : Guid.Parse(id), principal.Identity?.Name, national, municipalities, roles);
    }

    public static string ClaimValue(Role role, int? municipalityId) =>
        municipalityId is null ? role.ToString() : $"{role}@{municipalityId}";
}

/// <summary>Scoped holder so the data context can read the tenant of the current request.</summary>
public sealed class TenantAccessor
{
    private readonly IHttpContextAccessor? _http;
    private TenantContext? _override;

    public TenantAccessor(IHttpContextAccessor? http = null) => _http = http;

    public TenantContext Current =>
        _override ?? (_http?.HttpContext is { } ctx ? ForRequest(ctx) : TenantContext.System);

    private static TenantContext ForRequest(HttpContext ctx)
    {
        // Cached per request; the principal does not change after authentication.
        if (ctx.Items[typeof(TenantContext)] is TenantContext cached && ReferenceEquals(ctx.Items["tenant-user"], ctx.User))
            return cached;
        var tenant = TenantContext.FromPrincipal(ctx.User);
        ctx.Items[typeof(TenantContext)] = tenant;
        ctx.Items["tenant-user"] = ctx.User;
        return tenant;
    }

    /// <summary>Run work as a given tenant (background jobs, seeding, tests).</summary>
    public void Use(TenantContext tenant) => _override = tenant;
}
