using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Budget;

/// <summary>
/// The portal's JSON API and open data under /api/v1/portal, without login (issue 5; seed 000). Everything here is public by
/// law — approved budgets, their execution, expenditure lines, tax collection in aggregate — and nothing personal: a
/// natural-person payee is "fiziki şəxs", taxes are sums over the municipality. Responses carry Cache-Control and an ETag
/// (<see cref="Portal"/>) and anonymous ones are served from the output cache for a short time.
/// </summary>
public static class PortalApi
{
    public static void Map(RouteGroupBuilder portal)
    {
        portal.CacheOutput(Portal.CachePolicy).WithMetadata(new Platform.Tenancy.PublicAcrossMunicipalitiesAttribute());
        portal.MapGet("/{year:int}", async (int year, AppDb db, IMemoryCache cache, CancellationToken ct) =>
        {
            var n = await PortalQueries.NationalAsync(db, cache, year, ct);
            return Results.Ok(new
            {
                n.Year, n.Municipalities, n.WithPublicBudget, n.PlannedRevenueQepik, n.PlannedExpenditureQepik, n.RevenueQepik, n.PaidQepik, n.CommittedQepik,
                n.RevenueByMonth, n.PaidByMonth, n.Classes, Regions = Portal.ByRegion(n.Rows), Kinds = Portal.ByKind(n.Rows), n.ComputedAt,
                MunicipalitiesUrl = $"/api/v1/portal/{year}/municipalities", IndexUrl = $"/api/v1/portal/{year}/index.json",
            });
        }).WithSummary("The country's approved budgets against execution for a year: totals, by class and month, by region and kind");
        portal.MapGet("/{year:int}/municipalities", async (int year, int? region, Registry.MunicipalityKind? kind, AppDb db, IMemoryCache cache, CancellationToken ct) =>
            Results.Ok(Portal.Filter((await PortalQueries.NationalAsync(db, cache, year, ct)).Rows, region, kind).Select(Portal.Compared)))
            .WithSummary("Every municipality's budget and execution for a year, per resident (population from the registry), ?region=&kind=");
        portal.MapGet("/{year:int}/municipalities.csv", async (int year, int? region, Registry.MunicipalityKind? kind, AppDb db, IMemoryCache cache, HttpContext http, CancellationToken ct) =>
        {
            var rows = Portal.Filter((await PortalQueries.NationalAsync(db, cache, year, ct)).Rows, region, kind);
            await ExportResponse.WriteAsync(http, $"belediyyeler-{year}", "Municipalities",
                ["municipality_id", "name", "region", "kind", "population", "status", "planned_revenue", "planned_expenditure", "revenue", "paid", "committed",
                 "planned_expenditure_per_resident", "revenue_per_resident", "paid_per_resident"],
                rows.Select(r => (IReadOnlyList<object?>)[r.MunicipalityId, r.Name, r.Region, r.Kind.ToString(), r.Population, r.Status?.ToString(),
                    OpenData.Manat(r.PlannedRevenueQepik), OpenData.Manat(r.PlannedExpenditureQepik), OpenData.Manat(r.RevenueQepik), OpenData.Manat(r.PaidQepik),
                    OpenData.Manat(r.CommittedQepik), Per(r, r.PlannedExpenditureQepik), Per(r, r.RevenueQepik), Per(r, r.PaidQepik)]).ToList(), xlsx: false);
        }).WithSummary("The comparison as CSV");
        portal.MapGet("/{year:int}/index.json", async (int year, AppDb db, IMemoryCache cache, CancellationToken ct) =>
        {
            var n = await PortalQueries.NationalAsync(db, cache, year, ct);
            return Results.Ok(new
            {
                Year = year,
                Packages = n.Rows.Where(r => r.HasBudget).Select(r => new
                {
                    r.MunicipalityId, r.Name, r.Region, Status = r.Status.ToString(),
                    DataPackage = $"/api/v1/portal/municipalities/{r.MunicipalityId}/{year}/datapackage.json",
                }),
            });
        }).WithSummary("The national index of open data: one Fiscal Data Package per municipality with a public budget");

        var m = portal.MapGroup("/municipalities/{municipalityId:int}/{year:int}");
        portal.MapGet("/municipalities/{municipalityId:int}/{year:int}", async (int municipalityId, int year, AppDb db, IMemoryCache cache, TimeProvider time, CancellationToken ct) =>
            await PortalQueries.MunicipalityAsync(db, cache, municipalityId, year, Clock.Today(time), ct) is { } p ? Results.Ok(p) : Problems.NotFound("Municipality"))
            .WithSummary("One municipality's public budget against execution, tax collection in aggregate and its budget decisions");
        m.MapGet("/expenditures", async (int municipalityId, int year, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
            Results.Ok(await PortalQueries.ExpendituresAsync(db, municipalityId, year, q, page ?? 1, Math.Clamp(pageSize ?? PortalQueries.PageSize, 1, 200), Text.Lang, ct)))
            .WithSummary("Every expenditure line, searched (?q=) and paged (?page=); a natural-person payee is \"fiziki şəxs\"");
        // Open data as CSV (what the Fiscal Data Package describes) and, for people who open it in a spreadsheet, the same as XLSX.
        foreach (var (ext, xlsx) in new[] { ("csv", false), ("xlsx", true) })
        {
            m.MapGet($"/budget-lines.{ext}", (int municipalityId, int year, AppDb db, IMemoryCache cache, TimeProvider time, HttpContext http, CancellationToken ct) =>
                Export(http, db, cache, time, municipalityId, year, OpenData.Lines, OpenData.LineFields, p => Task.FromResult(OpenData.LineRows(p)), xlsx, ct))
                .WithSummary($"Open data ({ext.ToUpperInvariant()}): the budget's lines, approved and current, committed and paid");
            m.MapGet($"/execution.{ext}", (int municipalityId, int year, AppDb db, IMemoryCache cache, TimeProvider time, HttpContext http, CancellationToken ct) =>
                Export(http, db, cache, time, municipalityId, year, OpenData.Execution, OpenData.ExecutionFields, p => Task.FromResult(OpenData.ExecutionRows(p)), xlsx, ct))
                .WithSummary($"Open data ({ext.ToUpperInvariant()}): revenue and paid expenditure by month");
            m.MapGet($"/expenditures.{ext}", (int municipalityId, int year, AppDb db, IMemoryCache cache, TimeProvider time, HttpContext http, CancellationToken ct) =>
                Export(http, db, cache, time, municipalityId, year, OpenData.Expenditures, OpenData.ExpenditureFields,
                    async p => OpenData.ExpenditureRows(await PortalQueries.AllExpendituresAsync(db, municipalityId, year, "az", ct)), xlsx, ct))
                .WithSummary($"Open data ({ext.ToUpperInvariant()}): every expenditure of the year");
        }
        m.MapGet("/datapackage.json", async (int municipalityId, int year, AppDb db, IMemoryCache cache, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            var p = await PortalQueries.MunicipalityAsync(db, cache, municipalityId, year, Clock.Today(time), ct);
            if (p is null || !p.HasBudget) return Problems.NotFound("Budget");
            return Results.Json(OpenData.Package(p, $"{http.Request.Scheme}://{http.Request.Host}/Portal/{municipalityId}/{year}"));
        }).WithSummary("Open data: the Fiscal Data Package (datapackage.json) describing the three CSV files");
    }

    private static string? Per(PortalMunicipalityRow r, long qepik) => r.PerResident(qepik) is { } v ? OpenData.Manat(v) : null;

    private static async Task<IResult> Export(HttpContext http, AppDb db, IMemoryCache cache, TimeProvider time, int municipalityId, int year, string name,
        (string Name, string Type, string Title)[] fields, Func<PortalMunicipality, Task<List<IReadOnlyList<object?>>>> rows, bool xlsx, CancellationToken ct)
    {
        var p = await PortalQueries.MunicipalityAsync(db, cache, municipalityId, year, Clock.Today(time), ct);
        if (p is null || !p.HasBudget) return Problems.NotFound("Budget");
        var data = await rows(p);
        await ExportResponse.WriteAsync(http, $"{name}-{municipalityId}-{year.ToString(CultureInfo.InvariantCulture)}", name, OpenData.Header(fields), data, xlsx);
        return Results.Empty;
    }
}
