namespace OpenBams.Taxes;

/// <summary>A page of a list: the total count and the rows of the page.</summary>
public sealed record PageOf<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

/// <summary>
/// The taxes module's API. A municipality's tax records live under /municipalities/{municipalityId}/taxes, so TenantGuard
/// checks the municipality first and TaxActor the role inside it; the resident's own account is under /me/taxes, the
/// payment portal's interface under /payment-portal, and document verification under /public/verify.
/// </summary>
public static class TaxesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var m = api.MapGroup("/municipalities/{municipalityId:int}/taxes").WithTags("Taxes").RequireAuthorization();
        TaxRegisterApi.Map(m);
        TaxRatesApi.Map(m);
        AssessmentApi.Map(m, api);
        NoticesApi.Map(m, api);
        PaymentsApi.Map(m, api);
        CertificatesApi.Map(m, api);
        LocalPaymentsApi.Map(m);
        TaxServiceApi.Map(m);
        TaxReportsApi.Map(m, api);
    }

    /// <summary>Page number and size as every list takes them: page ≥ 1, size 1-500 (default 50).</summary>
    public static (int Page, int Size, int Skip) Paging(int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var p = Math.Max(1, page ?? 1);
        return (p, size, (p - 1) * size);
    }
}
