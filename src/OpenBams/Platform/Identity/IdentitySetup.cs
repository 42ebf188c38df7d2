using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Platform.Identity;

public static class IdentitySetup
{
    /// <summary>Policies used by pages and endpoints. Municipality scope is checked by <see cref="TenantGuard"/>.</summary>
    public const string Administrator = "Administrator";
    public const string Staff = "Staff";
    /// <summary>Platform administrators and the municipal administrators of at least one municipality.</summary>
    public const string UserAdministrator = "UserAdministrator";

    public static void AddOpenBamsIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddEntityFrameworkStores<AppDb>()
            .AddSignInManager<AppSignInManager>()   // also registers the SecurityStampValidator the cookie calls
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RoleClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        // A disabled account or a changed role ends existing sessions at the next check, at most a minute later.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "openbams";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                TenantContext.FromPrincipal(c.User).IsAdministrator))
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                TenantContext.FromPrincipal(c.User).Roles.Any(r => Roles.IsStaff(r.Role))))
            .AddPolicy(UserAdministrator, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                TenantContext.FromPrincipal(c.User).Roles.Any(r => r.Role is Role.Administrator or Role.MunicipalAdministrator)));
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the user's scoped role assignments into the cookie as "Role@municipalityId" claims.</summary>
public sealed class RoleClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDb db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("obams:name", user.FullName));
        var roles = await db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == user.Id).ToListAsync();
        foreach (var r in roles)
            identity.AddClaim(new Claim(TenantContext.RoleClaim, TenantContext.ClaimValue(r.Role, r.MunicipalityId)));
        return identity;
    }
}
