using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;

namespace OpenBams.Registry;

public sealed record CouncilSizeView(int? Seats, string Source, string? Reference, string Explanation, string? Justification);
public sealed record PermanentMembersView(int? Max, string Reference);
public sealed record AssociationView(string Code, string Name);
public sealed record TerritorialUnitView(string Name, TerritorialUnitKind Kind, DateOnly? ValidFrom, DateOnly? ValidTo);
public sealed record HistoryView(MunicipalityEventKind Kind, DateOnly On, int? OtherMunicipalityId, string? OtherMunicipalityName,
    string ActTitle, string? ActNumber, DateOnly? ActDate, string? Note);

public sealed record MunicipalityDetail(
    int Id, string Name, string NameAsPrinted, MunicipalityKind Kind, string? KindBasis, MunicipalityStatus Status,
    int RegionId, string Region, int? DistrictId, string? District, bool InNakhchivan,
    int? ListNumber, string? ListNumberPrinted, string? TerritoryText, IReadOnlyList<TerritorialUnitView> TerritorialUnits,
    int? Population, DateOnly? PopulationDate, string? PopulationSource,
    CouncilSizeView CouncilSize, PermanentMembersView PermanentMembers, IReadOnlyList<AssociationView> Associations,
    string? RegisterCertificateNumber, DateOnly? RegisterCertificateDate,
    string? CharterRegistrationNumber, DateOnly? CharterRegisteredOn,
    DateOnly? EstablishedOn, DateOnly? EndedOn, IReadOnlyList<HistoryView> History,
    string? Source, string? SourceLines, string? DataNotes, long Version);

public sealed record RegionView(int Id, string Name, string? NameAsPrinted, bool InNakhchivan, IReadOnlyList<DistrictView> Districts);
public sealed record DistrictView(int Id, string Name);

/// <summary>The state register of municipalities (SL 13-1): public reads, administrator changes.</summary>
public static class RegistryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Registry");

        g.MapGet("/municipalities", async ([AsParameters] RegisterQueryParams p, AppDb db, CancellationToken ct) =>
            Results.Ok(await RegisterSearch.PageAsync(db, p.ToQuery(), ct)))
            .WithSummary("Search and page the register; Azerbaijani letters and ASCII spellings match alike")
            .AllowAnonymous();

        g.MapGet("/municipalities/{id:int}", async (int id, AppDb db, CancellationToken ct) =>
            await DetailAsync(db, id, ct) is { } d ? Results.Ok(d) : Problems.NotFound("Municipality"))
            .WithSummary("One register entry with council size (EC 210.2), permanent-member cap (SL 15.2-4), associations and history")
            .AllowAnonymous();

        g.MapGet("/municipalities/export.csv", async ([AsParameters] RegisterQueryParams p, AppDb db, HttpContext http) =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"municipalities.csv\"";
            await Csv.WriteAsync(http.Response.Body, ExportHeader(), RegisterSearch.StreamAsync(db, p.ToQuery())
                .Select(r => (IReadOnlyList<string?>)ExportRow(r).Select(v => v switch { null => null, DateOnly d => Fmt.Date(d), _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) }).ToList()), http.RequestAborted);
        }).WithSummary("The filtered register as CSV (UTF-8)").AllowAnonymous();

        g.MapGet("/municipalities/export.xlsx", async ([AsParameters] RegisterQueryParams p, AppDb db, HttpContext http) =>
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = "attachment; filename=\"municipalities.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, T.Register, ExportHeader(),
                RegisterSearch.StreamAsync(db, p.ToQuery()).Select(r => (IReadOnlyList<object?>)ExportRow(r)), http.RequestAborted);
        }).WithSummary("The filtered register as XLSX").AllowAnonymous();

        g.MapGet("/regions", async (AppDb db, CancellationToken ct) => Results.Ok(await RegionsAsync(db, ct)))
            .WithSummary("Regions (cities with their own status and districts) and their city districts").AllowAnonymous();

        g.MapGet("/statistics", async (AppDb db, CancellationToken ct) => Results.Ok(await RegisterStatistics.ComputeAsync(db, ct)))
            .WithSummary("National counts of municipalities by year, and the register now by kind and region").AllowAnonymous();

        g.MapPut("/municipalities/{id:int}", async (int id, MunicipalityUpdate body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var m = await db.Municipalities.Include(x => x.TerritorialUnits).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return Problems.NotFound("Municipality");
            if (m.Version != body.Version) return Problems.Conflict();
            var errors = RegisterEdits.Validate(body, Platform.Clock.Today(time));
            if (errors.Count > 0) return ToProblem(errors);
            RegisterEdits.Apply(m, body);
            await db.SaveChangesAsync(ct);
            return Results.Ok(await DetailAsync(db, id, ct));
        }).RequireAuthorization(IdentitySetup.Administrator).WithSummary("Correct a register entry (administrator); send the Version you read");

        g.MapPost("/registry/mergers", async (MergerCommand body, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            var errors = await RegisterEdits.MergeAsync(db, body, http.User.Identity?.Name, ct);
            return errors.Count > 0 ? ToProblem(errors) : Results.Ok(await DetailAsync(db, body.SuccessorId, ct));
        }).RequireAuthorization(IdentitySetup.Administrator).WithSummary("Record a merger decided by law (MERGER 2, 6)");

        g.MapPost("/municipalities/{id:int}/dissolution", async (int id, DissolutionCommand body, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            var m = await db.Municipalities.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return Problems.NotFound("Municipality");
            var errors = await RegisterEdits.DissolveAsync(db, m, body, http.User.Identity?.Name, ct);
            return errors.Count > 0 ? ToProblem(errors) : Results.Ok(await DetailAsync(db, id, ct));
        }).RequireAuthorization(IdentitySetup.Administrator).WithSummary("Record a dissolution decided by law (MERGER 8)");

        g.MapGet("/registry/data-quality", async ([AsParameters] DataQualityParams p, AppDb db, CancellationToken ct) =>
            Results.Ok(await DataQuality.PageAsync(db, p.Defect, p.Page ?? 1, p.PageSize ?? 50, ct)))
            .RequireAuthorization(IdentitySetup.Administrator).WithSummary("Rows whose source data is defective (no territory printed, unknown kind, corrected numbers, parser notes)");
    }

    public static Task<List<RegionView>> RegionsAsync(AppDb db, CancellationToken ct) =>
        db.Regions.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new RegionView(r.Id, r.Name, r.NameAsPrinted, r.InNakhchivan,
                r.Districts.OrderBy(d => d.Name).Select(d => new DistrictView(d.Id, d.Name)).ToList()))
            .ToListAsync(ct);

    public static IResult ToProblem(List<FieldError> errors) =>
        Problems.Fields(StatusCodes.Status422UnprocessableEntity, errors.FirstOrDefault(e => e.Rule is not null)?.Rule,
            errors.Select(e => (e.Field, e.Message)).ToArray());

    public static async Task<MunicipalityDetail?> DetailAsync(AppDb db, int id, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().Include(x => x.Region).Include(x => x.District)
            .Include(x => x.TerritorialUnits).Include(x => x.History).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var size = m.CouncilSize();
        var lang = Text.Lang;
        var sizeView = new CouncilSizeView(size.Seats, size.Source.ToString(), size.Determination?.Reference.ToString() ?? "EC 210.2",
            size.Source switch
            {
                CouncilSizeSource.Law => lang == "en" ? size.Determination!.ExplainEn : size.Determination!.ExplainAz,
                CouncilSizeSource.Override => lang == "en"
                    ? $"Set by an administrator: {size.Seats} members. EC 210.2 gives no number for this population."
                    : $"İdarəçi tərəfindən müəyyən edilib: {size.Seats} üzv. EC 210.2 bu əhali sayı üçün rəqəm vermir.",
                _ when size.Determination is { DefinedByLaw: false } d => lang == "en" ? d.ExplainEn : d.ExplainAz,
                _ => lang == "en" ? "Population not recorded: the council size cannot be computed (EC 210.2)." : "Əhali sayı qeyd olunmayıb: üzvlərin sayı hesablana bilmir (EC 210.2).",
            }, size.Justification);
        var permanent = size.Seats is { } seats ? PermanentMembers.MaxFor(seats) : null;
        return new MunicipalityDetail(m.Id, m.Name, m.NameAsPrinted, m.Kind, m.KindBasis, m.Status, m.RegionId, m.Region!.Name,
            m.DistrictId, m.District?.Name, m.Region.InNakhchivan, m.ListNumber, m.ListNumberPrinted, m.TerritoryText,
            m.TerritorialUnits.OrderBy(t => t.ValidTo is not null).ThenBy(t => t.Id)
                .Select(t => new TerritorialUnitView(t.Name, t.Kind, t.ValidFrom, t.ValidTo)).ToList(),
            m.Population, m.PopulationDate, m.PopulationSource, sizeView,
            new PermanentMembersView(permanent, PermanentMembers.Reference.ToString()),
            Associations.For(m.Kind, m.Region.InNakhchivan).Select(a => new AssociationView(a.Code, a.Name)).ToList(),
            m.RegisterCertificateNumber, m.RegisterCertificateDate, m.CharterRegistrationNumber, m.CharterRegisteredOn,
            m.EstablishedOn, m.EndedOn,
            m.History.OrderBy(h => h.On).ThenBy(h => h.Id).Select(h => new HistoryView(h.Kind, h.On, h.OtherMunicipalityId,
                h.OtherMunicipalityName, h.ActTitle, h.ActNumber, h.ActDate, h.Note)).ToList(),
            m.Source, m.SourceLines, m.DataNotes, m.Version);
    }

    private static string[] ExportHeader() =>
    [
        "id", RegistryTexts.Name, RegistryTexts.Kind, RegistryTexts.Status, RegistryTexts.Region, RegistryTexts.District,
        RegistryTexts.ListNumber, RegistryTexts.Territory, RegistryTexts.Population, RegistryTexts.CouncilSize, RegistryTexts.PermanentMax,
    ];

    private static object?[] ExportRow(MunicipalityRow r) =>
    [
        r.Id, r.Name, RegistryTexts.KindName(r.Kind).ToString(), RegistryTexts.StatusName(r.Status).ToString(), r.Region, r.District,
        r.ListNumber, r.TerritoryText, r.Population, r.CouncilSize, r.PermanentMembersMax,
    ];
}

/// <summary>Query-string form of <see cref="RegisterQuery"/> (q, regionId, districtId, kind, status, page, pageSize).</summary>
public sealed class RegisterQueryParams
{
    public string? Q { get; set; }
    public int? RegionId { get; set; }
    public int? DistrictId { get; set; }
    public MunicipalityKind? Kind { get; set; }
    public MunicipalityStatus? Status { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public RegisterQuery ToQuery() => new(Q, RegionId, DistrictId, Kind, Status, Page ?? 1, PageSize ?? 50);
}

public sealed class DataQualityParams
{
    public DataDefect? Defect { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}
