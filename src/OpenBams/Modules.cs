namespace OpenBams;

/// <summary>Each area of law maps its own API endpoints; this is the one list of them.</summary>
public static class Modules
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        Registry.RegistryApi.Map(api);
        Platform.Identity.AuthApi.Map(api);
        Platform.Identity.AccountsApi.Map(api);
        Platform.Audit.AuditApi.Map(api);
        Platform.Parameters.ParametersApi.Map(api);
        Platform.Calendar.CalendarApi.Map(api);
        Council.CouncilApi.Map(api);
        Council.CouncilDutiesApi.Map(api);
        Taxes.TaxesApi.Map(api);
        Budget.BudgetApi.Map(api);
    }
}
