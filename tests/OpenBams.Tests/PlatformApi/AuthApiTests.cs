using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Tenancy;
using OpenBams.Testing;

namespace OpenBams.Tests.PlatformApi;

/// <summary>
/// Logging in through the API (POST /api/v1/auth/login): the session cookie, problem+json naming the field,
/// Identity lockout after 5 failures (15 minutes), disabled accounts, and TOTP two-factor in the same request.
/// Every test uses its own user, so the tests do not depend on each other.
/// </summary>
public abstract class AuthApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private async Task<(AppUser User, int MunicipalityId)> UserAsync(string name, int slot)
    {
        var m = (await App.MunicipalityIdsAsync(slot, 1)).Single();
        return (await App.CreateUserAsync(name, Role.TaxOfficer, m), m);
    }

    [Fact]
    public async Task The_right_password_logs_in_and_returns_the_users_scoped_roles()
    {
        var (_, m) = await UserAsync("auth-ok", 1);
        var r = await App.Client().PostLoginAsync("auth-ok", TestApp.Password);
        var me = await r.OkAsync<MeView>();
        Assert.Equal("auth-ok", me.UserName);
        Assert.Equal("Test auth-ok", me.FullName);
        Assert.Equal([new RoleView(Role.TaxOfficer, m)], me.Roles);
    }

    [Fact]
    public async Task A_wrong_password_is_401_problem_naming_password()
    {
        await UserAsync("auth-wrong", 2);
        var r = await App.Client().PostLoginAsync("auth-wrong", "not-the-password-1");
        await r.AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
        // An unknown user gets the same answer: the API does not tell which user names exist.
        var unknown = await App.Client().PostLoginAsync("auth-nobody", "not-the-password-1");
        await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_423()
    {
        await UserAsync("auth-lock", 3);
        var client = App.Client();
        for (var i = 0; i < 4; i++)
            await (await client.PostLoginAsync("auth-lock", "wrong-password-" + i)).AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
        // The 5th failure reaches Identity's MaxFailedAccessAttempts (5) and locks the account for 15 minutes.
        // To the guesser it is still only a wrong password; the lock shows once the right password is given.
        var fifth = await client.PostLoginAsync("auth-lock", "wrong-password-5");
        await fifth.AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
        var right = await client.PostLoginAsync("auth-lock", TestApp.Password);
        await right.AssertProblemAsync((HttpStatusCode)423, "userName");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        var end = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "auth-lock").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(end);
        Assert.InRange(end!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in_403()
    {
        await UserAsync("auth-disabled", 4);
        await App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "auth-disabled");
            u.Disabled = true;
            return await db.SaveChangesAsync();
        });
        var client = App.Client();
        var r = await client.PostLoginAsync("auth-disabled", TestApp.Password);
        await r.AssertProblemAsync(HttpStatusCode.Forbidden, "userName");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Me_is_401_anonymous_200_after_login_and_401_again_after_logout()
    {
        await UserAsync("auth-me", 5);
        var client = App.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        await (await client.PostLoginAsync("auth-me", TestApp.Password)).OkAsync<MeView>();
        var me = await (await client.GetAsync("/api/v1/auth/me")).OkAsync<MeView>();
        Assert.Equal("auth-me", me.UserName);
        Assert.Single(me.Roles);

        var logout = await client.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    /// <summary>Turns two-factor on the way the authenticator set-up does, and returns the base32 key.</summary>
    private async Task<string> EnableTwoFactorAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().Use(TenantContext.System);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return key;
    }

    [Fact]
    public async Task Two_factor_login_needs_the_TOTP_code_a_missing_or_wrong_code_is_401()
    {
        await UserAsync("auth-2fa", 6);
        var key = await EnableTwoFactorAsync("auth-2fa");
        var client = App.Client();

        var without = await client.PostLoginAsync("auth-2fa", TestApp.Password);
        var p = await without.AssertProblemAsync(HttpStatusCode.Unauthorized, "twoFactorCode");
        Assert.True(p.GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        var right = Totp.Code(key);
        var wrongCode = ((int.Parse(right) + 500_000) % 1_000_000).ToString("D6");
        var wrong = await client.PostLoginAsync("auth-2fa", TestApp.Password, wrongCode);
        var pw = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "twoFactorCode");
        Assert.True(pw.GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        // A wrong password with a right code is still a wrong password.
        await (await client.PostLoginAsync("auth-2fa", "wrong-password-1", Totp.Code(key))).AssertProblemAsync(HttpStatusCode.Unauthorized, "password");

        var ok = await client.PostLoginAsync("auth-2fa", TestApp.Password, Totp.Code(key));
        var me = await ok.OkAsync<MeView>();
        Assert.Equal("auth-2fa", me.UserName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_authenticator_key_never_appears_in_the_audit_log()
    {
        await UserAsync("auth-2fa-audit", 8);
        var key = await EnableTwoFactorAsync("auth-2fa-audit");
        var texts = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync());
        Assert.DoesNotContain(texts, t => t.Contains(key));
        var token = await App.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Entity.StartsWith("IdentityUserToken")).Select(a => a.After).ToListAsync());
        Assert.NotEmpty(token);
        Assert.All(token, t => Assert.Equal("***", JsonDocument.Parse(t!).RootElement.GetProperty("Value").GetString()));
    }

    [Fact]
    public async Task Two_factor_codes_are_accepted_with_spaces_and_wrong_codes_count_towards_the_lockout()
    {
        await UserAsync("auth-2fa-lock", 7);
        var key = await EnableTwoFactorAsync("auth-2fa-lock");
        var client = App.Client();
        var code = Totp.Code(key);
        var spaced = await client.PostLoginAsync("auth-2fa-lock", TestApp.Password, code[..3] + " " + code[3..]);
        await spaced.OkAsync<MeView>();

        var other = App.Client();
        var wrongCode = ((int.Parse(Totp.Code(key)) + 500_000) % 1_000_000).ToString("D6");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await other.PostLoginAsync("auth-2fa-lock", TestApp.Password, wrongCode);
        await last.AssertProblemAsync((HttpStatusCode)423, "userName");
        await (await other.PostLoginAsync("auth-2fa-lock", TestApp.Password, Totp.Code(key))).AssertProblemAsync((HttpStatusCode)423, "userName");
    }
}

public sealed class AuthApiTests_Sqlite(SqliteFixture f) : AuthApiTests(f), IClassFixture<SqliteFixture>;
public sealed class AuthApiTests_Postgres(PostgresFixture f) : AuthApiTests(f), IClassFixture<PostgresFixture>;
