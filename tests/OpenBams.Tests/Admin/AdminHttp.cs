using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OpenBams.Tests.Admin;

/// <summary>Driving the administration pages as a browser without JavaScript does: GET the page, POST its form.</summary>
internal static class AdminHttp
{
    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)r.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>
    /// Reads the page at <paramref name="pageUrl"/> (which sets the antiforgery cookie), takes the token of its forms and
    /// posts <paramref name="fields"/> to <paramref name="postUrl"/> (the page itself by default), not following redirects.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(m.Success, $"{pageUrl} has no form with an antiforgery token");
        var all = fields.Append(new("__RequestVerificationToken", m.Groups[1].Value)).ToList();
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(all));
    }

    public static KeyValuePair<string, string> F(string name, object? value) => new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage r) =>
        new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());

    /// <summary>A page that refuses: 401/403, or a redirect to the login or access-denied page.</summary>
    public static bool Refused(this HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString is { } l
            && (l.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || l.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)));

    public static string Redirected(this HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)r.StatusCode}");
        return r.Headers.Location!.OriginalString;
    }
}
