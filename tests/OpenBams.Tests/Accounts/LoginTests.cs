using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Identity;
using OpenBams.Testing;
using OpenBams.Tests.Admin;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Accounts;

/// <summary>
/// Logging in checks the password first: without it, a disabled or locked-out account answers exactly like
/// a wrong password (same 401, same message); with it, the state is told clearly. Two-factor recovery codes
/// work at login, through the API and through the login pages.
/// </summary>
public abstract class LoginTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private async Task<AppUser> UserAsync(string name, int slot, bool disabled = false)
    {
        var m = (await App.MunicipalityIdsAsync(300 + slot, 1)).Single();
        var user = await App.CreateUserAsync(name, Role.TaxOfficer, m);
        if (disabled)
            await App.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == user.Id)).Disabled = true;
                return await db.SaveChangesAsync();
            });
        return user;
    }

    [Fact]
    public async Task A_disabled_account_answers_a_wrong_password_exactly_like_an_active_one_and_the_right_one_with_403()
    {
        await UserAsync("login-active", 0);
        await UserAsync("login-disabled", 1, disabled: true);
        var active = await (await App.Client().PostLoginAsync("login-active", "wrong-password-1")).ProblemShapeAsync();
        var disabled = await (await App.Client().PostLoginAsync("login-disabled", "wrong-password-1")).ProblemShapeAsync();
        Assert.StartsWith("401|Wrong user name or password.|password|", active);
        Assert.Equal(active, disabled);

        var client = App.Client();
        var right = await client.PostLoginAsync("login-disabled", TestApp.Password);
        var p = await right.AssertProblemAsync(HttpStatusCode.Forbidden, "userName");
        Assert.Contains("disabled", p.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Guesses_at_a_disabled_account_count_towards_the_lockout()
    {
        await UserAsync("login-disabled-guessed", 2, disabled: true);
        for (var i = 0; i < 5; i++)
            await (await App.Client().PostLoginAsync("login-disabled-guessed", "wrong-password-" + i)).AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
        var end = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "login-disabled-guessed").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(end > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_locked_account_answers_a_wrong_password_like_an_active_one_and_only_the_right_password_learns_of_the_lock()
    {
        await UserAsync("login-active-2", 3);
        await UserAsync("login-locked", 4);
        var guesser = App.Client();
        for (var i = 0; i < 5; i++)
            await (await guesser.PostLoginAsync("login-locked", "wrong-password-" + i)).AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "login-locked").Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);

        var active = await (await App.Client().PostLoginAsync("login-active-2", "wrong-password-9")).ProblemShapeAsync();
        var locked = await (await guesser.PostLoginAsync("login-locked", "wrong-password-9")).ProblemShapeAsync();
        Assert.Equal(active, locked);
        await (await guesser.PostLoginAsync("login-locked", TestApp.Password)).AssertProblemAsync((HttpStatusCode)423, "userName");
    }

    [Fact]
    public async Task The_login_page_shows_a_disabled_account_the_wrong_password_message_until_the_password_is_right()
    {
        await UserAsync("login-page-active", 5);
        await UserAsync("login-page-disabled", 6, disabled: true);
        async Task<string?> MessageAsync(string user, string password)
        {
            var r = await App.Client().PostFormAsync("/Account/Login?lang=en", [AdminHttp.F("UserName", user), AdminHttp.F("Password", password)]);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await r.HtmlAsync()).QuerySelector("#login-error")?.TextContent;
        }
        var wrong = await MessageAsync("login-page-active", "wrong-password-1");
        Assert.Equal("Wrong user name or password.", wrong);
        Assert.Equal(wrong, await MessageAsync("login-page-disabled", "wrong-password-1"));
        Assert.Contains("disabled", await MessageAsync("login-page-disabled", TestApp.Password));
    }

    [Fact]
    public async Task A_recovery_code_logs_in_once_through_the_API()
    {
        await UserAsync("login-recovery-api", 7);
        var (_, codes) = await App.EnableTwoFactorAsync("login-recovery-api");
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", codes[0]);

        var client = App.Client();
        await (await client.PostAsJsonAsync("/api/v1/auth/login?lang=en", new { userName = "login-recovery-api", password = TestApp.Password, recoveryCode = "XXXXX-XXXXX" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "recoveryCode");
        var ok = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "login-recovery-api", password = TestApp.Password, recoveryCode = codes[0] });
        Assert.Equal("login-recovery-api", (await ok.OkAsync<MeView>()).UserName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        // Each code works once; a code typed in lower case without its dash still works.
        await (await App.Client().PostAsJsonAsync("/api/v1/auth/login", new { userName = "login-recovery-api", password = TestApp.Password, recoveryCode = codes[0] }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "recoveryCode");
        var typed = codes[1].Replace("-", "").ToLowerInvariant();
        await (await App.Client().PostAsJsonAsync("/api/v1/auth/login", new { userName = "login-recovery-api", password = TestApp.Password, recoveryCode = typed })).OkAsync<MeView>();
        // A recovery code never replaces the password.
        await (await App.Client().PostAsJsonAsync("/api/v1/auth/login", new { userName = "login-recovery-api", password = "wrong-password-1", recoveryCode = codes[2] }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "password");
    }

    [Fact]
    public async Task A_recovery_code_logs_in_through_the_login_pages()
    {
        await UserAsync("login-recovery-page", 8);
        var (_, codes) = await App.EnableTwoFactorAsync("login-recovery-page");
        var client = App.Client();
        var login = await client.PostFormAsync("/Account/Login", [AdminHttp.F("UserName", "login-recovery-page"), AdminHttp.F("Password", TestApp.Password)]);
        Assert.StartsWith("/Account/LoginWith2fa", login.Redirected());

        var wrong = await client.PostFormAsync("/Account/LoginWith2fa?lang=en", [AdminHttp.F("Code", "XXXXX-XXXXX"), AdminHttp.F("UseRecoveryCode", "true")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("recovery code is wrong", (await wrong.HtmlAsync()).QuerySelector("p.error")?.TextContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        var done = await client.PostFormAsync("/Account/LoginWith2fa", [AdminHttp.F("Code", codes[0]), AdminHttp.F("UseRecoveryCode", "true")]);
        Assert.Equal("/", done.Redirected());
        Assert.Equal("login-recovery-page", (await (await client.GetAsync("/api/v1/auth/me")).OkAsync<MeView>()).UserName);
        Assert.Equal(9, await App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "login-recovery-page");
            var stored = await db.UserTokens.Where(t => t.UserId == u.Id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync();
            return stored!.Split(';').Length;
        }));
    }
}

public sealed class LoginTests_Sqlite(SqliteFixture f) : LoginTests(f), IClassFixture<SqliteFixture>;
public sealed class LoginTests_Postgres(PostgresFixture f) : LoginTests(f), IClassFixture<PostgresFixture>;
