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
        if (http.GetRouteValue(RouteKey) is { } raw && http.GetEndpoint()?.Metadata.GetMetadata<PublicAcrossMunicipalitiesAttribute>() is null)
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

/// <summary>
/// Marks an endpoint or page whose {municipalityId} addresses records the law makes public to everyone (the budget portal:
/// seed 000, FL 10.1, LTP 12.3), so the route half of tenancy lets any reader through; the endpoint itself must read
/// only public data (its queries decide what that is).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicAcrossMunicipalitiesAttribute : Attribute;
