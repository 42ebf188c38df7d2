namespace OpenBams.Budget;

/// <summary>
/// The budget module's API. A municipality's budget lives under /municipalities/{municipalityId}/budget (TenantGuard checks
/// the municipality, BudgetActor the role); the public portal and its open data under /portal, without login.
/// </summary>
public static class BudgetApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var m = api.MapGroup("/municipalities/{municipalityId:int}/budget").WithTags("Budget").RequireAuthorization();
        BudgetPlanningApi.Map(m);
        BudgetExecutionApi.Map(m);
        var portal = api.MapGroup("/portal").WithTags("Public portal").AllowAnonymous();
        PortalApi.Map(portal);
    }
}
