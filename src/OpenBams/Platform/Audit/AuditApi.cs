using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Platform.Audit;

/// <summary>One audit entry as the pages read it: before and after as the stored JSON text.</summary>
public sealed record AuditRow(long Id, DateTime At, string? UserName, int? MunicipalityId, string Entity, string EntityId,
    string Action, string? Before, string? After, string? Reason);

/// <summary>One audit entry as the API returns it: before and after as JSON objects, and the names of the fields that changed.</summary>
public sealed record AuditItem(long Id, DateTime At, string? UserName, int? MunicipalityId, string Entity, string EntityId,
    string Action, JsonElement? Before, JsonElement? After, IReadOnlyList<string> Changed, string? Reason);

/// <summary>Filters of the audit log; dates accept dd.MM.yyyy or yyyy-MM-dd and are whole UTC days.</summary>
public sealed class AuditQuery
{
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? UserName { get; set; }
    public string? Action { get; set; }
    public int? MunicipalityId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>
/// Reading the append-only audit log. There is deliberately no endpoint that changes it: AppDb refuses to
/// update or delete an entry and the database triggers of migration AuditAppendOnly refuse it for any client.
/// </summary>
public static class AuditApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Audit");

        g.MapGet("/audit", async ([AsParameters] AuditQuery q, AppDb db, CancellationToken ct) =>
                await ApiPageAsync(db, q, null, ct))
            .RequireAuthorization(IdentitySetup.Administrator)
            .WithSummary("The whole audit log, newest first (administrator). Filters: entity, entityId, userName, action, municipalityId, from, to (UTC days)");

        g.MapGet("/audit/export.csv", ([AsParameters] AuditQuery q, AppDb db, HttpContext http) => ExportAsync(http, db, q, null, xlsx: false))
            .RequireAuthorization(IdentitySetup.Administrator).WithSummary("The filtered audit log as CSV (administrator)");
        g.MapGet("/audit/export.xlsx", ([AsParameters] AuditQuery q, AppDb db, HttpContext http) => ExportAsync(http, db, q, null, xlsx: true))
            .RequireAuthorization(IdentitySetup.Administrator).WithSummary("The filtered audit log as XLSX (administrator)");

        // TenantGuard has checked that the user sees the route's municipality; reading its log needs its administrator.
        g.MapGet("/municipalities/{municipalityId:int}/audit", async (int municipalityId, [AsParameters] AuditQuery q, AppDb db, CancellationToken ct) =>
                db.Tenant.Administers(municipalityId) ? await ApiPageAsync(db, q, municipalityId, ct) : Problems.Forbidden(AuditTexts.OnlyItsAdministrator))
            .RequireAuthorization().WithSummary("A municipality's audit log, newest first (the platform administrator or the municipality's administrator)");
        g.MapGet("/municipalities/{municipalityId:int}/audit/export.csv", (int municipalityId, [AsParameters] AuditQuery q, AppDb db, HttpContext http) =>
                db.Tenant.Administers(municipalityId) ? ExportAsync(http, db, q, municipalityId, xlsx: false) : Task.FromResult(Problems.Forbidden(AuditTexts.OnlyItsAdministrator)))
            .RequireAuthorization().WithSummary("A municipality's filtered audit log as CSV");
        g.MapGet("/municipalities/{municipalityId:int}/audit/export.xlsx", (int municipalityId, [AsParameters] AuditQuery q, AppDb db, HttpContext http) =>
                db.Tenant.Administers(municipalityId) ? ExportAsync(http, db, q, municipalityId, xlsx: true) : Task.FromResult(Problems.Forbidden(AuditTexts.OnlyItsAdministrator)))
            .RequireAuthorization().WithSummary("A municipality's filtered audit log as XLSX");
    }

    /// <summary>Entity names to offer in the filter: every stored record type, plus the import summaries.</summary>
    public static IReadOnlyList<string> EntityNames(AppDb db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Where(n => n != nameof(AuditEntry))
            .Append("DataImport").Distinct().Order(StringComparer.Ordinal).ToList();

    public static readonly string[] Actions = ["create", "update", "delete", "import"];

    /// <summary>
    /// Applies the filters to the log. The tenant query filter of AppDb already hides other municipalities' rows
    /// (and national rows) from a municipal administrator; <paramref name="municipalityId"/> narrows to one municipality.
    /// </summary>
    public static (IQueryable<AuditEntry>? Query, FieldError? Error) Filter(AppDb db, AuditQuery q, int? municipalityId)
    {
        var query = db.AuditLog.AsNoTracking();
        var m = municipalityId ?? q.MunicipalityId;
        if (m is not null) query = query.Where(a => a.MunicipalityId == m);
        if (!string.IsNullOrWhiteSpace(q.Entity)) { var e = q.Entity.Trim(); query = query.Where(a => a.Entity == e); }
        if (!string.IsNullOrWhiteSpace(q.EntityId)) { var e = q.EntityId.Trim(); query = query.Where(a => a.EntityId == e); }
        if (!string.IsNullOrWhiteSpace(q.UserName)) { var u = q.UserName.Trim(); query = query.Where(a => a.UserName == u); }
        if (!string.IsNullOrWhiteSpace(q.Action)) { var x = q.Action.Trim().ToLowerInvariant(); query = query.Where(a => a.Action == x); }
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(q.From))
        {
            if (!Fmt.TryParseDate(q.From, out var f)) return (null, new("from", T.BadDate));
            from = f;
            var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (!string.IsNullOrWhiteSpace(q.To))
        {
            if (!Fmt.TryParseDate(q.To, out var t)) return (null, new("to", T.BadDate));
            to = t;
            var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        if (from > to)
            return (null, new("to", new("Son tarix başlanğıc tarixindən əvvəl ola bilməz", "The end date cannot be before the start date")));
        return (query, null);
    }

    public static async Task<(Paged<AuditRow>? Page, FieldError? Error)> PageAsync(AppDb db, AuditQuery q, int? municipalityId, CancellationToken ct)
    {
        var (query, error) = Filter(db, q, municipalityId);
        if (error is not null) return (null, error);
        var page = Math.Max(1, q.Page ?? 1);
        var size = Math.Clamp(q.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var total = await query!.CountAsync(ct);
        var items = await query!.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.MunicipalityId, a.Entity, a.EntityId, a.Action, a.Before, a.After, a.Reason))
            .ToListAsync(ct);
        return (new Paged<AuditRow>(items, total, page, size), null);
    }

    private static async Task<IResult> ApiPageAsync(AppDb db, AuditQuery q, int? municipalityId, CancellationToken ct)
    {
        var (page, error) = await PageAsync(db, q, municipalityId, ct);
        if (error is not null) return Problems.Field(error.Field, error.Message, status: StatusCodes.Status400BadRequest);
        return Results.Ok(new Paged<AuditItem>(page!.Items.Select(ToItem).ToList(), page.Total, page.Page, page.PageSize));
    }

    public static AuditItem ToItem(AuditRow a) => new(a.Id, DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserName, a.MunicipalityId,
        a.Entity, a.EntityId, a.Action, AuditDiff.AsJson(a.Before), AuditDiff.AsJson(a.After),
        AuditDiff.Of(a.Before, a.After).Select(c => c.Field).ToList(), a.Reason);

    private static async Task<IResult> ExportAsync(HttpContext http, AppDb db, AuditQuery q, int? municipalityId, bool xlsx)
    {
        var (query, error) = Filter(db, q, municipalityId);
        if (error is not null) return Problems.Field(error.Field, error.Message, status: StatusCodes.Status400BadRequest);
        var rows = query!.OrderByDescending(a => a.Id).AsAsyncEnumerable();
        var name = municipalityId is null ? "audit" : $"audit-{municipalityId}";
        string[] header =
        [
            "id", AuditTexts.WhenUtc, AuditTexts.User, AuditTexts.Municipality, AuditTexts.Entity, AuditTexts.EntityId,
            AuditTexts.Action, AuditTexts.Changes, AuditTexts.Before, AuditTexts.After, AuditTexts.Reason,
        ];
        object?[] Row(AuditEntry a) =>
        [
            a.Id, a.At.ToString("dd.MM.yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), a.UserName, a.MunicipalityId,
            a.Entity, a.EntityId, a.Action, string.Join(", ", AuditDiff.Of(a.Before, a.After).Select(c => c.Field)), a.Before, a.After, a.Reason,
        ];
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, AuditTexts.Title, header, rows.Select(a => (IReadOnlyList<object?>)Row(a)), http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, rows.Select(a => (IReadOnlyList<string?>)Row(a)
                .Select(v => v is null ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToList()), http.RequestAborted);
        }
        return Results.Empty;
    }
}
