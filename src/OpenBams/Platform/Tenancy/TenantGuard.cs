namespace OpenBams.Platform.Tenancy;

/// <summary>
/// The route half of tenancy, in one place: any endpoint or page whose route has a
/// {municipalityId} value is refused unless the user may see that municipality (reads) or
/// belongs to it (writes). The data context's query filters and write guard are the other half.
/// </summary>
public sealed class TenantGuard(RequestDelegate next)
{
    public const string RouteKey = "municipalityId";

    public async Task InvokeAsync(HttpContext http, TenantAccessor tenants)
    {
        if (http.GetRouteValue(RouteKey) is { } raw)
        {
            var tenant = tenants.Current;
            if (!int.TryParse(raw.ToString(), out var municipalityId))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
            var allowed = write
                ? tenant.IsAdministrator || tenant.Municipalities.Contains(municipalityId)
                : tenant.CanSee(municipalityId);
            if (!allowed)
            {
                if (!tenant.IsAuthenticated)
                {
                    if (http.Request.Path.StartsWithSegments("/api"))
                        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else
                        http.Response.Redirect("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
                    return;
                }
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (http.Request.Path.StartsWithSegments("/api"))
                    await Http.Problems.Forbidden("This record belongs to another municipality.").ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }
}
