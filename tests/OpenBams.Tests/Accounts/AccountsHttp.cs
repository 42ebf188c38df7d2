using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Accounts;

/// <summary>Helpers for the account tests: extra role assignments, reading an account back, and the change bodies the API takes.</summary>
internal static class AccountsHttp
{
    /// <summary>Adds a role directly (not through the API under test).</summary>
    public static Task AddRoleAsync(this TestApp app, Guid userId, Role role, int? municipalityId) => app.WithDbAsync(db =>
    {
        db.RoleAssignments.Add(new RoleAssignment { UserId = userId, Role = role, MunicipalityId = municipalityId, GrantedAt = DateTime.UtcNow, GrantedBy = "test" });
        return db.SaveChangesAsync();
    });

    public static Task<AppUser> StoredUserAsync(this TestApp app, Guid userId) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));

    public static async Task<List<RoleGrant>> StoredRolesAsync(this TestApp app, Guid userId) =>
        (await app.WithDbAsync(db => db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == userId).ToListAsync()))
        .Select(r => new RoleGrant(r.Role, r.MunicipalityId)).OrderBy(r => r.Role).ThenBy(r => r.MunicipalityId).ToList();

    public static RoleGrant[] Grants(params (Role Role, int? MunicipalityId)[] roles) => roles.Select(r => new RoleGrant(r.Role, r.MunicipalityId)).ToArray();

    /// <summary>The body of a PUT on an account: what was read, with the given changes.</summary>
    public static object Change(UserView read, string? fullName = null, bool? disabled = null, RoleGrant[]? roles = null) => new
    {
        fullName = fullName ?? read.FullName,
        disabled = disabled ?? read.Disabled,
        roles = roles ?? read.Roles.Select(r => new RoleGrant(r.Role, r.MunicipalityId)).ToArray(),
        concurrencyStamp = read.ConcurrencyStamp,
    };

    public static async Task<UserView> ReadAsync(this HttpClient client, string url) => await (await client.GetAsync(url)).OkAsync<UserView>();

    /// <summary>403 problem+json: the refusal of a change to an account beyond the caller's municipalities.</summary>
    public static async Task AssertForbiddenAsync(this HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Forbidden, $"Expected 403, got {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The parts of a problem a client can see, without the per-request trace id.</summary>
    public static async Task<string> ProblemShapeAsync(this HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        var p = doc.RootElement;
        return $"{(int)r.StatusCode}|{p.GetProperty("title").GetString()}|{p.GetProperty("field").GetString()}|{p.GetProperty("errors").GetRawText()}|{p.GetProperty("type").GetString()}";
    }

    /// <summary>Turns two-factor on the way the authenticator set-up does, and returns the base32 key.</summary>
    public static async Task<(string Key, List<string> RecoveryCodes)> EnableTwoFactorAsync(this TestApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OpenBams.Platform.Tenancy.TenantAccessor>().Use(OpenBams.Platform.Tenancy.TenantContext.System);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return (key, codes);
    }
}
