using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using OpenBams.Platform.Data;
using OpenBams.Registry;

namespace OpenBams.Budget;

/// <summary>
/// What the public portal adds to the host: an in-memory cache for its computed aggregates, an output-cache policy for
/// anonymous responses (30 s, by every query value and the language), and HTTP caching — Cache-Control and a strong ETag
/// with 304 on If-None-Match — for every response under /Portal and /api/v1/portal, so browsers and proxies re-use pages.
/// </summary>
public static class Portal
{
    public const string CachePolicy = "portal";

    public static IServiceCollection AddPortal(this IServiceCollection s)
    {
        s.AddMemoryCache();
        s.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b.Expire(PortalQueries.CacheFor).SetVaryByQuery("*")
            .VaryByValue(http => new KeyValuePair<string, string>("lang+changes", $"{CultureInfo.CurrentUICulture.Name}|{ChangesOf(http)}"))));
        return s;
    }

    /// <summary>A municipality's pages and files are cached per version of its committed changes (the national ones expire only).</summary>
    private static long ChangesOf(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("municipalityId", out var v) && int.TryParse(v?.ToString(), CultureInfo.InvariantCulture, out var m)
            ? CommittedChanges.VersionOf(m) : 0;

    /// <summary>After authentication (the output cache serves anonymous requests only) and routing (it reads the endpoint's policy).</summary>
    public static void UsePortalCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseWhen(IsPortal, b => b.Use(HttpCachingAsync));
    }

    private static bool IsPortal(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && (http.Request.Path.StartsWithSegments("/Portal", StringComparison.OrdinalIgnoreCase)
                                                 || http.Request.Path.StartsWithSegments("/api/v1/portal", StringComparison.OrdinalIgnoreCase));

    private static async Task HttpCachingAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try { await next(http); }
        finally { http.Response.Body = original; }
        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"";
            http.Response.Headers.ETag = etag;
            // A logged-in user's page carries their name in the header: only their own browser may keep it.
            var shared = http.User.Identity?.IsAuthenticated != true && !http.Response.Headers.ContainsKey("Set-Cookie");
            // Staff who change the data revalidate every time (a 304 costs little) and see their change at once.
            http.Response.Headers.CacheControl = shared ? $"public, max-age={(int)PortalQueries.CacheFor.TotalSeconds}" : "private, no-cache";
            http.Response.Headers.Vary = "Cookie";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == etag || v == "*")))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.ContentLength = null;
                return;
            }
        }
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    public sealed record Group(string Name, int Municipalities, int WithBudget, long Population, long PlannedExpenditureQepik, long RevenueQepik, long PaidQepik)
    {
        /// <summary>Per resident over the municipalities with a budget and a known population.</summary>
        public long? PerResident(long qepik) => Population > 0 ? qepik / Population : null;
    }

    private static Group Sum(string name, IEnumerable<PortalMunicipalityRow> rows)
    {
        var list = rows.ToList();
        var counted = list.Where(r => r.HasBudget && r.Population is > 0).ToList();
        return new Group(name, list.Count, list.Count(r => r.HasBudget), counted.Sum(r => (long)r.Population!.Value),
            counted.Sum(r => r.PlannedExpenditureQepik), counted.Sum(r => r.RevenueQepik), counted.Sum(r => r.PaidQepik));
    }

    public static List<Group> ByRegion(IEnumerable<PortalMunicipalityRow> rows) =>
        rows.GroupBy(r => r.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum(g.Key, g)).ToList();

    public static List<Group> ByKind(IEnumerable<PortalMunicipalityRow> rows) =>
        rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => Sum(g.Key.ToString(), g)).ToList();

    public static IEnumerable<PortalMunicipalityRow> Filter(IEnumerable<PortalMunicipalityRow> rows, int? region, MunicipalityKind? kind) =>
        rows.Where(r => (region is null || r.RegionId == region) && (kind is null || r.Kind == kind));

    public static object Compared(PortalMunicipalityRow r) => new
    {
        r.MunicipalityId, r.Name, r.Region, r.Kind, r.Population, r.Status, r.PlannedRevenueQepik, r.PlannedExpenditureQepik, r.RevenueQepik, r.PaidQepik,
        r.CommittedQepik, PlannedExpenditurePerResidentQepik = r.PerResident(r.PlannedExpenditureQepik), RevenuePerResidentQepik = r.PerResident(r.RevenueQepik),
        PaidPerResidentQepik = r.PerResident(r.PaidQepik),
    };
}
