using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Account;

/// <summary>Second step of a staff login with two-factor: a TOTP code, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool UseRecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Text? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(Platform.Identity.SignIn.RecoveryCode(Code ?? ""))
            : await signIn.TwoFactorAuthenticatorSignInAsync((Code ?? "").Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
        var outcome = Platform.Identity.SignIn.Outcome(result);
        Error = Platform.Identity.SignIn.Message(outcome == SignInOutcome.Failed
            ? UseRecoveryCode ? SignInOutcome.RecoveryCodeFailed : SignInOutcome.TwoFactorFailed
            : outcome);
        return Page();
    }
}
