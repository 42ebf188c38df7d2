using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(AppSignInManager signIn) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public Text? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.FindForLoginAsync(UserName, Password);
        if (user is null || string.IsNullOrEmpty(Password)) return Fail(SignInOutcome.Failed);
        var outcome = Platform.Identity.SignIn.Outcome(await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true));
        return outcome switch
        {
            SignInOutcome.Succeeded => LocalRedirect(SafeReturn(ReturnUrl)),
            SignInOutcome.TwoFactorRequired => RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl }),
            _ => Fail(outcome),
        };
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
