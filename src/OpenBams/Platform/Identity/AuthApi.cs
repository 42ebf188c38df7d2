using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Platform.Identity;

/// <summary>With two-factor on, send either the authenticator's code or one of the recovery codes.</summary>
public sealed record LoginRequest(string UserName, string Password, string? TwoFactorCode, string? RecoveryCode = null);
public sealed record RoleView(Role Role, int? MunicipalityId);
public sealed record MeView(string UserName, string FullName, IReadOnlyList<RoleView> Roles);

/// <summary>Logging in and out through the API; sets the same cookie as the login page.</summary>
public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/auth").WithTags("Accounts");

        g.MapPost("/login", async (LoginRequest body, AppSignInManager signIn, AppDb db) =>
        {
            var (outcome, user) = await SignIn.PasswordAsync(signIn, body.UserName, body.Password, body.TwoFactorCode, body.RecoveryCode);
            return outcome == SignInOutcome.Succeeded ? Results.Ok(await MeAsync(db, user!)) : SignIn.Problem(outcome);
        }).AllowAnonymous().WithSummary("Log in with user name and password (and a TOTP code or a recovery code when two-factor is on)");

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

public enum SignInOutcome { Succeeded, Failed, LockedOut, Disabled, TwoFactorRequired, TwoFactorFailed, RecoveryCodeFailed }

/// <summary>The one sign-in procedure, used by the API and the login pages.</summary>
public static class SignIn
{
    /// <summary>
    /// One-shot sign-in for API clients: password, then the TOTP code or a recovery code in the same
    /// request when two-factor is on. Failed passwords and failed codes both count towards the lockout.
    /// (The login pages use Identity's two-step cookie flow instead: /Account/LoginWith2fa.)
    /// </summary>
    public static async Task<(SignInOutcome, AppUser?)> PasswordAsync(AppSignInManager signIn, string? userName, string? password,
        string? twoFactorCode, string? recoveryCode)
    {
        var user = await signIn.FindForLoginAsync(userName, password);
        if (user is null || string.IsNullOrEmpty(password)) return (SignInOutcome.Failed, null);
        var check = Outcome(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
        if (check != SignInOutcome.Succeeded) return (check, null);
        var users = signIn.UserManager;
        if (user.TwoFactorEnabled)
        {
            bool passed;
            if (!string.IsNullOrWhiteSpace(recoveryCode))
                passed = (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCode(recoveryCode))).Succeeded;
            else if (!string.IsNullOrWhiteSpace(twoFactorCode))
                passed = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, twoFactorCode.Replace(" ", "").Replace("-", ""));
            else
                return (SignInOutcome.TwoFactorRequired, null);
            if (!passed)
            {
                await users.AccessFailedAsync(user);
                return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut
                    : string.IsNullOrWhiteSpace(recoveryCode) ? SignInOutcome.TwoFactorFailed : SignInOutcome.RecoveryCodeFailed, null);
            }
            await users.ResetAccessFailedCountAsync(user);
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
            return (SignInOutcome.Succeeded, user);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
        return (SignInOutcome.Succeeded, user);
    }

    /// <summary>Identity's answer in our terms; NotAllowed comes only after a right password (see <see cref="AppSignInManager"/>).</summary>
    public static SignInOutcome Outcome(Microsoft.AspNetCore.Identity.SignInResult r) =>
        r.Succeeded ? SignInOutcome.Succeeded
        : r.IsLockedOut ? SignInOutcome.LockedOut
        : r.IsNotAllowed ? SignInOutcome.Disabled
        : r.RequiresTwoFactor ? SignInOutcome.TwoFactorRequired
        : SignInOutcome.Failed;

    /// <summary>
    /// Identity stores recovery codes as "XXXXX-XXXXX" and compares them exactly; people type them in
    /// lower case, with spaces or without the dash.
    /// </summary>
    public static string RecoveryCode(string typed)
    {
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return code.Length == 10 && !code.Contains('-') ? code[..5] + "-" + code[5..] : code;
    }

    public static Text Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => new("Çoxlu uğursuz cəhddən sonra hesab müvəqqəti bloklanıb. 15 dəqiqədən sonra yenidən cəhd edin.", "The account is locked after too many failed attempts. Try again in 15 minutes."),
        SignInOutcome.Disabled => new("Parol doğrudur, lakin hesab deaktiv edilib. Bələdiyyənizin inzibatçısına müraciət edin.", "The password is right, but the account is disabled. Ask your municipality's administrator."),
        SignInOutcome.TwoFactorRequired => new("Autentifikator tətbiqindəki kodu daxil edin.", "Enter the code from your authenticator app."),
        SignInOutcome.TwoFactorFailed => new("Kod yanlışdır.", "The code is wrong."),
        SignInOutcome.RecoveryCodeFailed => new("Bərpa kodu yanlışdır və ya artıq istifadə olunub.", "The recovery code is wrong or has been used already."),
        _ => new("İstifadəçi adı və ya parol yanlışdır.", "Wrong user name or password."),
    };

    public static IResult Problem(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => Problems.Field("userName", Message(outcome), status: StatusCodes.Status423Locked),
        SignInOutcome.Disabled => Problems.Field("userName", Message(outcome), status: StatusCodes.Status403Forbidden),
        SignInOutcome.TwoFactorRequired or SignInOutcome.TwoFactorFailed or SignInOutcome.RecoveryCodeFailed => Results.Problem(statusCode: 401, title: Message(outcome),
            extensions: new Dictionary<string, object?>
            {
                ["field"] = Field(outcome), ["twoFactorRequired"] = true,
                ["errors"] = new Dictionary<string, string[]> { [Field(outcome)] = [Message(outcome)] },
            }),
        _ => Problems.Field("password", Message(outcome), status: StatusCodes.Status401Unauthorized),
    };

    private static string Field(SignInOutcome outcome) => outcome == SignInOutcome.RecoveryCodeFailed ? "recoveryCode" : "twoFactorCode";
}
