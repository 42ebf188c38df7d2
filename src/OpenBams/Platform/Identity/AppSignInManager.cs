using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpenBams.Platform.Identity;

/// <summary>
/// Identity's sign-in with the password checked first: to someone who does not know the password, a
/// disabled or locked-out account answers exactly like a wrong password. Disabled accounts cannot
/// finish a two-factor login, and their sessions fail the next security-stamp check.
/// </summary>
public sealed class AppSignInManager(UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <returns>Success; Failed for a wrong password whatever the account's state; then NotAllowed (disabled) or LockedOut.</returns>
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        if (!user.Disabled && !await UserManager.IsLockedOutAsync(user))
        {
            var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
            // Identity reports the failure that locks the account as "locked out"; it is still only a wrong password.
            return result.IsLockedOut ? SignInResult.Failed : result;
        }
        if (!await UserManager.CheckPasswordAsync(user, password))
        {
            // Guesses against a disabled account count too, so it cannot be brute-forced while disabled.
            if (lockoutOnFailure && !await UserManager.IsLockedOutAsync(user)) await UserManager.AccessFailedAsync(user);
            return SignInResult.Failed;
        }
        return user.Disabled ? SignInResult.NotAllowed : SignInResult.LockedOut;
    }

    /// <summary>Called after the password, e.g. by the two-factor step: a disabled account stops there.</summary>
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.Disabled && await base.CanSignInAsync(user);

    /// <summary>A session of a disabled account is refused even if its cookie was refreshed after the stamp changed.</summary>
    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        user is { Disabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>
    /// The account for a login name, or null. An unknown name costs the same password hashing as a known
    /// one, so the response time does not tell which names exist.
    /// </summary>
    public async Task<AppUser?> FindForLoginAsync(string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await UserManager.FindByNameAsync(userName.Trim());
        if (user is null) UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodyHash, password ?? "");
        return user;
    }

    private static readonly AppUser Nobody = new() { FullName = "" };
    private static readonly string NobodyHash = new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString());
}
