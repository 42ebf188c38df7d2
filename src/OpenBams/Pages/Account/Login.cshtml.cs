using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Text? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await signIn.UserManager.FindByNameAsync(UserName.Trim());
        if (user is null || string.IsNullOrEmpty(Password)) return Fail(SignInOutcome.Failed);
        if (user.Disabled) return Fail(SignInOutcome.Disabled);
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturn(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        return Fail(result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed);
    }

    private PageResult Fail(SignInOutcome outcome)
    {
        Error = Platform.Identity.SignIn.Message(outcome);
        Password = null;
        return Page();
    }

    public static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
