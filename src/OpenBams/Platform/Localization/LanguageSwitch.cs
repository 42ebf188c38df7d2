using Microsoft.AspNetCore.Localization;

namespace OpenBams.Platform.Localization;

public static class LanguageSwitch
{
    /// <summary>GET /lang/{az|en}?returnUrl=… sets the language cookie and goes back: a plain link, no JavaScript.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/lang/{lang}", (string lang, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FromLang(lang);
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription().AllowAnonymous();
}
