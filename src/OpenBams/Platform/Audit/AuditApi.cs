using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Tenancy;
using OpenBams.Registry;

namespace OpenBams.Platform.Audit;

public sealed record AuditRow(long Id, DateTime At, string? UserName, int? MunicipalityId, string Entity, string EntityId,
    string Action, string? Before, string? After, string? Reason);

/// <summary>Filters of the audit log; dates accept dd.MM.yyyy or yyyy-MM-dd.</summary>
public sealed class AuditQuery
{
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? UserName { get; set; }
    public int? MunicipalityId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>Reading the append-only audit log. There is deliberately no endpoint that changes it.</summary>
public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Audit");

        g.MapGet("/audit", async ([AsParameters] AuditQuery q, AppDb db, CancellationToken ct) =>
                await PageAsync(db, q, null, ct) is var (page, error) && error is not null ? error : Results.Ok(page))
            .RequireAuthorization(IdentitySetup.Administrator).WithSummary("The whole audit log, newest first (administrator)");

        g.MapGet("/municipalities/{municipalityId:int}/audit", async (int municipalityId, [AsParameters] AuditQuery q, AppDb db, CancellationToken ct) =>
            {
                if (!db.Tenant.Administers(municipalityId)) return Problems.Forbidden("Only the municipality's administrator reads its audit log.");
                return await PageAsync(db, q, municipalityId, ct) is var (page, error) && error is not null ? error : Results.Ok(page);
            })
            .RequireAuthorization().WithSummary("A municipality's audit log (its municipal administrator)");

        g.MapGet("/audit/export.csv", async ([AsParameters] AuditQuery q, AppDb db, HttpContext http) =>
        {
            var (query, error) = Filter(db, q, null);
            if (error is not null) return error;
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
            await Csv.WriteAsync(http.Response.Body, Header, query!.OrderByDescending(a => a.Id).AsAsyncEnumerable()
                .Select(a => (IReadOnlyList<string?>)Row(a).Select(v => v?.ToString()).ToList()), http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(IdentitySetup.Administrator).WithSummary("The filtered audit log as CSV");

        g.MapGet("/audit/export.xlsx", async ([AsParameters] AuditQuery q, AppDb db, HttpContext http) =>
        {
            var (query, error) = Filter(db, q, null);
            if (error is not null) return error;
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, "Audit", Header, query!.OrderByDescending(a => a.Id).AsAsyncEnumerable()
                .Select(a => (IReadOnlyList<object?>)Row(a)), http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(IdentitySetup.Administrator).WithSummary("The filtered audit log as XLSX");
    }

    private static readonly string[] Header = ["id", "at (UTC)", "user", "municipalityId", "entity", "entityId", "action", "before", "after", "reason"];

    private static object?[] Row(AuditEntry a) =>
        [a.Id, a.At.ToString("dd.MM.yyyy HH:mm:ss"), a.UserName, a.MunicipalityId, a.Entity, a.EntityId, a.Action, a.Before, a.After, a.Reason];

    /// <summary>Applies the filters; the tenant query filter of AppDb already hides other municipalities' rows.</summary>
    public static (IQueryable<AuditEntry>? Query, IResult? Error) Filter(AppDb db, AuditQuery q, int? municipalityId)
    {
        var query = db.AuditLog.AsNoTracking();
        var m = municipalityId ?? q.MunicipalityId;
        if (m is not null) query = query.Where(a => a.MunicipalityId == m);
        if (!string.IsNullOrWhiteSpace(q.Entity)) query = query.Where(a => a.Entity == q.Entity.Trim());
        if (!string.IsNullOrWhiteSpace(q.EntityId)) query = query.Where(a => a.EntityId == q.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(q.UserName)) query = query.Where(a => a.UserName == q.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(q.From))
        {
            if (!Fmt.TryParseDate(q.From, out var from))
                return (null, Problems.Field("from", T.BadDate, status: 400));
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (!string.IsNullOrWhiteSpace(q.To))
        {
            if (!Fmt.TryParseDate(q.To, out var to))
                return (null, Problems.Field("to", T.BadDate, status: 400));
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        return (query, null);
    }

    public static async Task<(Paged<AuditRow>? Page, IResult? Error)> PageAsync(AppDb db, AuditQuery q, int? municipalityId, CancellationToken ct)
    {
        var (query, error) = Filter(db, q, municipalityId);
        if (error is not null) return (null, error);
        var page = Math.Max(1, q.Page ?? 1);
        var size = Math.Clamp(q.PageSize ?? 50, 1, 500);
        var total = await query!.CountAsync(ct);
        var items = await query!.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.MunicipalityId, a.Entity, a.EntityId, a.Action, a.Before, a.After, a.Reason))
            .ToListAsync(ct);
        return (new Paged<AuditRow>(items, total, page, size), null);
    }
}
