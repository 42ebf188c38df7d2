using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Platform.Identity;

public sealed record LoginRequest(string UserName, string Password, string? TwoFactorCode);
public sealed record RoleView(Role Role, int? MunicipalityId);
public sealed record MeView(string UserName, string FullName, IReadOnlyList<RoleView> Roles);

/// <summary>Logging in and out through the API; sets the same cookie as the login page.</summary>
public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/auth").WithTags("Accounts");

        g.MapPost("/login", async (LoginRequest body, SignInManager<AppUser> signIn, AppDb db) =>
        {
            var outcome = await SignIn.PasswordAsync(signIn, body.UserName, body.Password, body.TwoFactorCode);
            if (outcome != SignInOutcome.Succeeded) return SignIn.Problem(outcome);
            var user = await signIn.UserManager.FindByNameAsync(body.UserName);
            return Results.Ok(await MeAsync(db, user!));
        }).AllowAnonymous().WithSummary("Log in with user name and password (and a TOTP code when two-factor is on)");

        g.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).AllowAnonymous().WithSummary("Log out");

        g.MapGet("/me", async (HttpContext http, UserManager<AppUser> users, AppDb db) =>
            await users.GetUserAsync(http.User) is { } user ? Results.Ok(await MeAsync(db, user)) : Results.Unauthorized())
            .AllowAnonymous().WithSummary("Who is logged in, with their scoped roles");
    }

    private static async Task<MeView> MeAsync(AppDb db, AppUser user)
    {
        var roles = await db.RoleAssignments.IgnoreQueryFilters().Where(r => r.UserId == user.Id)
            .OrderBy(r => r.Role).Select(r => new RoleView(r.Role, r.MunicipalityId)).ToListAsync();
        return new MeView(user.UserName!, user.FullName, roles);
    }
}

public enum SignInOutcome { Succeeded, Failed, LockedOut, Disabled, TwoFactorRequired, TwoFactorFailed }

/// <summary>The one sign-in procedure, used by the API and the login pages.</summary>
public static class SignIn
{
    /// <summary>
    /// One-shot sign-in for API clients: password, then the TOTP code in the same request when
    /// two-factor is on. Failed passwords and failed codes both count towards the lockout.
    /// (The login pages use Identity's two-step cookie flow instead: /Account/LoginWith2fa.)
    /// </summary>
    public static async Task<SignInOutcome> PasswordAsync(SignInManager<AppUser> signIn, string? userName, string? password, string? twoFactorCode)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return SignInOutcome.Failed;
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null) return SignInOutcome.Failed;
        if (user.Disabled) return SignInOutcome.Disabled;
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut) return SignInOutcome.LockedOut;
        if (!check.Succeeded) return SignInOutcome.Failed;
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(twoFactorCode)) return SignInOutcome.TwoFactorRequired;
            var code = twoFactorCode.Replace(" ", "").Replace("-", "");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.TwoFactorFailed;
            }
            await users.ResetAccessFailedCountAsync(user);
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
            return SignInOutcome.Succeeded;
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
        return SignInOutcome.Succeeded;
    }

    public static Text Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => new("Çoxlu uğursuz cəhddən sonra hesab müvəqqəti bloklanıb. 15 dəqiqədən sonra yenidən cəhd edin.", "The account is locked after too many failed attempts. Try again in 15 minutes."),
        SignInOutcome.Disabled => new("Hesab deaktiv edilib.", "The account is disabled."),
        SignInOutcome.TwoFactorRequired => new("Autentifikator tətbiqindəki kodu daxil edin.", "Enter the code from your authenticator app."),
        SignInOutcome.TwoFactorFailed => new("Kod yanlışdır.", "The code is wrong."),
        _ => new("İstifadəçi adı və ya parol yanlışdır.", "Wrong user name or password."),
    };

    public static IResult Problem(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => Problems.Field("userName", Message(outcome), status: StatusCodes.Status423Locked),
        SignInOutcome.Disabled => Problems.Field("userName", Message(outcome), status: StatusCodes.Status403Forbidden),
        SignInOutcome.TwoFactorRequired or SignInOutcome.TwoFactorFailed => Results.Problem(statusCode: 401, title: Message(outcome),
            extensions: new Dictionary<string, object?>
            {
                ["field"] = "twoFactorCode", ["twoFactorRequired"] = true,
                ["errors"] = new Dictionary<string, string[]> { ["twoFactorCode"] = [Message(outcome)] },
            }),
        _ => Problems.Field("password", Message(outcome), status: StatusCodes.Status401Unauthorized),
    };
}
