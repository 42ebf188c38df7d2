using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Account.Manage;

/// <summary>A user's own account: name, language, password. (Folder is authorised in OpenBamsApp.)</summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string FullName { get; set; } = "";
    [BindProperty] public string PreferredLanguage { get; set; } = "az";
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public bool TwoFactorEnabled { get; private set; }
    public List<string> Errors { get; } = [];
    public Text? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        (FullName, PreferredLanguage, TwoFactorEnabled) = (user.FullName, user.PreferredLanguage, user.TwoFactorEnabled);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrWhiteSpace(FullName)) Errors.Add(new Text("Ad və soyad tələb olunur", "Full name is required"));
        else
        {
            user.FullName = FullName.Trim();
            user.PreferredLanguage = PreferredLanguage == "en" ? "en" : "az";
            var r = await users.UpdateAsync(user);
            Errors.AddRange(r.Errors.Select(e => e.Description));
            if (r.Succeeded) { await signIn.RefreshSignInAsync(user); Message = T.Saved; }
        }
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var r = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        Errors.AddRange(r.Errors.Select(e => e.Description));
        if (r.Succeeded) { await signIn.RefreshSignInAsync(user); Message = ManageTexts.PasswordChanged; }
        (FullName, PreferredLanguage, TwoFactorEnabled) = (user.FullName, user.PreferredLanguage, user.TwoFactorEnabled);
        return Page();
    }
}
