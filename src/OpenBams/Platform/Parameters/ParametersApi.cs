using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Platform.Parameters;

/// <summary>One stored value. <c>Marker</c> is "not from the seeds" (in the request language) when the seeds do not give the value.</summary>
public sealed record ParameterValueView(int Id, DateOnly ValidFrom, decimal Value, string? Citation, bool FromSeeds, string? Marker,
    string? Note, bool Superseded, int? SupersededById, DateTime RecordedAt, string? RecordedBy);

/// <summary>A parameter with the value in force today and every stored row (superseded ones included), oldest first.</summary>
public sealed record ParameterView(string Key, string Name, string NameAz, string NameEn, string Unit,
    ParameterValueView? Current, IReadOnlyList<ParameterValueView> History);

/// <summary>The value in force on a date, with the row it comes from and its citation.</summary>
public sealed record ParameterOnDate(string Key, string Name, string Unit, DateOnly On, decimal Value, DateOnly ValidFrom,
    string? Citation, bool FromSeeds, string? Marker, string? Note, int Id);

/// <summary>A new value from a date, or (with <c>CorrectsId</c>) a correction of the row with the same date.</summary>
public sealed record NewParameterValue(DateOnly ValidFrom, decimal Value, string? Citation, bool FromSeeds, string? Note, int? CorrectsId = null);

/// <summary>Effective-dated legal parameters (ŞMV first): public reads, administrator additions and corrections.</summary>
public static class ParametersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/parameters").WithTags("Legal parameters");

        g.MapGet("", async (string? q, AppDb db, CancellationToken ct) => Results.Ok(await ListAsync(db, q, ct)))
            .AllowAnonymous()
            .WithSummary("Every legal parameter with its value in force today and its full history; values the seeds do not give are marked 'not from the seeds'");

        g.MapGet("/export.csv", (string? key, AppDb db, HttpContext http) => ExportAsync(http, db, key, xlsx: false))
            .AllowAnonymous().WithSummary("Every stored value (superseded ones included) as CSV; ?key= for one parameter");
        g.MapGet("/export.xlsx", (string? key, AppDb db, HttpContext http) => ExportAsync(http, db, key, xlsx: true))
            .AllowAnonymous().WithSummary("Every stored value (superseded ones included) as XLSX; ?key= for one parameter");

        g.MapGet("/{key}", async (string key, string? on, AppDb db, CancellationToken ct) =>
        {
            if (LegalParameters.Definition(key) is not { } def) return Problems.NotFound("Parameter");
            if (on is null) return Results.Ok(await ViewAsync(db, def, ct));
            if (!Fmt.TryParseDate(on, out var date))
                return Problems.Field("on", new("Tarix gg.aa.iiii və ya iiii-aa-gg formatında olmalıdır", "The date must be dd.MM.yyyy or yyyy-MM-dd"), status: 400);
            var value = await LegalParameters.OnAsync(db, def.Key, date, ct);
            return value is null
                ? Problems.Field("on", new($"{Fmt.Date(date)} tarixində qüvvədə olan dəyər yoxdur", $"No value is in force on {Fmt.Date(date)}"), status: 404)
                : Results.Ok(new ParameterOnDate(def.Key, Name(def), def.Unit, date, value.Value, value.ValidFrom, value.Citation,
                    value.FromSeeds, Marker(value.FromSeeds), value.Note, value.Id));
        }).AllowAnonymous().WithSummary("One parameter; with ?on=yyyy-MM-dd, the value in force on that date and its citation");

        g.MapPost("/{key}/values", async (string key, NewParameterValue body, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            if (LegalParameters.Definition(key) is not { } def) return Problems.NotFound("Parameter");
            var (_, errors) = await LegalParameters.AddAsync(db, def.Key, body, http.User.Identity?.Name, ct);
            return errors.Count > 0
                ? RegistryApi.ToProblem(errors)
                : Results.Created($"/api/v1/parameters/{def.Key}", await ViewAsync(db, def, ct));
        }).RequireAuthorization(IdentitySetup.Administrator)
            .WithSummary("Add a value in force from a date, or correct an existing row (correctsId, same validFrom; the old row is kept and marked superseded) — administrator");
    }

    public static string Name(LegalParameterDefinition def) => Text.English ? def.NameEn : def.NameAz;

    public static string? Marker(bool fromSeeds) => fromSeeds ? null : T.NotFromSeeds.ToString();

    public static async Task<List<ParameterView>> ListAsync(AppDb db, string? q, CancellationToken ct)
    {
        var list = new List<ParameterView>();
        foreach (var def in LegalParameters.Search(q)) list.Add(await ViewAsync(db, def, ct));
        return list;
    }

    public static async Task<ParameterView> ViewAsync(AppDb db, LegalParameterDefinition def, CancellationToken ct)
    {
        var rows = await db.LegalParameters.AsNoTracking().Where(p => p.Key == def.Key).ToListAsync(ct);
        var history = rows.OrderBy(p => p.ValidFrom).ThenBy(p => p.Id).Select(ToView).ToList();
        var today = Clock.Today(TimeProvider.System); // the Baku day: a value in force from tomorrow is not current at 21:00 UTC
        var current = LegalParameters.Live(rows).Where(r => r.ValidFrom <= today).MaxBy(r => r.ValidFrom);
        return new ParameterView(def.Key, Name(def), def.NameAz, def.NameEn, def.Unit,
            current is null ? null : history.Single(h => h.Id == current.Id), history);
    }

    public static ParameterValueView ToView(LegalParameterRecord p) => new(p.Id, p.ValidFrom, p.Value, p.Citation, p.FromSeeds,
        Marker(p.FromSeeds), p.Note, p.SupersededById is not null, p.SupersededById, DateTime.SpecifyKind(p.RecordedAt, DateTimeKind.Utc), p.RecordedBy);

    private static async Task<IResult> ExportAsync(HttpContext http, AppDb db, string? key, bool xlsx)
    {
        var rows = db.LegalParameters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(key))
        {
            if (LegalParameters.Definition(key) is not { } def) return Problems.NotFound("Parameter");
            rows = rows.Where(p => p.Key == def.Key);
        }
        var stream = rows.OrderBy(p => p.Key).ThenBy(p => p.ValidFrom).ThenBy(p => p.Id).AsAsyncEnumerable();
        string[] header =
        [
            "id", ParameterTexts.Key, ParameterTexts.ValidFrom, ParameterTexts.Value, ParameterTexts.Unit, ParameterTexts.Citation,
            ParameterTexts.FromSeeds, ParameterTexts.Note, ParameterTexts.SupersededBy, ParameterTexts.RecordedAt, ParameterTexts.RecordedBy,
        ];
        object?[] Row(LegalParameterRecord p) =>
        [
            p.Id, p.Key, p.ValidFrom, p.Value, LegalParameters.Definition(p.Key)?.Unit, p.Citation,
            p.FromSeeds ? T.Yes.ToString() : T.No + " (" + T.NotFromSeeds + ")", p.Note, p.SupersededById,
            p.RecordedAt.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture), p.RecordedBy,
        ];
        var name = string.IsNullOrWhiteSpace(key) ? "parameters" : $"parameter-{LegalParameters.Definition(key)!.Key}";
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, ParameterTexts.Title, header, stream.Select(p => (IReadOnlyList<object?>)Row(p)), http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, stream.Select(p => (IReadOnlyList<string?>)Row(p).Select(v => v switch
            {
                null => null,
                DateOnly d => Fmt.Date(d),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }).ToList()), http.RequestAborted);
        }
        return Results.Empty;
    }
}

/// <summary>
/// Reading and changing parameters. Later modules ask <see cref="TimelineAsync"/> (or <see cref="OnAsync"/>) for the
/// value in force on a date; nothing else in the product should read the table directly.
/// </summary>
public static class LegalParameters
{
    /// <summary>The largest value the column holds (numeric(18,6)).</summary>
    public const decimal MaxValue = 999_999_999_999.999999m;

    public static LegalParameterDefinition? Definition(string? key) =>
        key is null ? null : LegalParameterKeys.All.FirstOrDefault(d => string.Equals(d.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Parameters whose key or name (either language) contains the text; all when it is empty.</summary>
    public static IEnumerable<LegalParameterDefinition> Search(string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? LegalParameterKeys.All
            : LegalParameterKeys.All.Where(d => new[] { d.Key, d.NameAz, d.NameEn }.Any(s => s.Contains(q.Trim(), StringComparison.CurrentCultureIgnoreCase)));

    /// <summary>
    /// The rows in force: not superseded, one per date. Should two live rows ever share a date (two corrections
    /// racing), the later one wins, so the timeline never fails.
    /// </summary>
    public static IEnumerable<LegalParameterRecord> Live(IEnumerable<LegalParameterRecord> rows) =>
        rows.Where(r => r.SupersededById is null).GroupBy(r => r.ValidFrom).Select(g => g.MaxBy(r => r.Id)!);

    /// <summary>The parameter's timeline from the non-superseded rows.</summary>
    public static async Task<ParameterTimeline> TimelineAsync(AppDb db, string key, CancellationToken ct = default)
    {
        var rows = await db.LegalParameters.AsNoTracking().Where(p => p.Key == key && p.SupersededById == null).ToListAsync(ct);
        return new ParameterTimeline(Live(rows).Select(ToValue), key);
    }

    /// <summary>The row in force on a date (null when none is).</summary>
    public static async Task<LegalParameterRecord?> OnAsync(AppDb db, string key, DateOnly on, CancellationToken ct = default)
    {
        var rows = await db.LegalParameters.AsNoTracking().Where(p => p.Key == key && p.SupersededById == null && p.ValidFrom <= on).ToListAsync(ct);
        return Live(rows).MaxBy(r => r.ValidFrom);
    }

    public static ParameterValue ToValue(LegalParameterRecord r) => new(r.ValidFrom, r.Value,
        r.Citation is not null && LegalReference.TryParse(r.Citation, out var c) ? c : null, r.FromSeeds, r.Note);

    /// <summary>The rules of a new value or a correction; no error means the input may be stored.</summary>
    public static async Task<List<FieldError>> ValidateAsync(AppDb db, string key, NewParameterValue v, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (v.Value < 0) errors.Add(new("value", new("Dəyər mənfi ola bilməz", "The value cannot be negative")));
        else if (v.Value > MaxValue) errors.Add(new("value", new("Dəyər çox böyükdür", "The value is too large")));
        else if (decimal.Round(v.Value, 6) != v.Value) errors.Add(new("value", new("Dəyərin ən çox 6 onluq rəqəmi ola bilər", "The value may have at most 6 decimal places")));
        if (v.ValidFrom.Year < 1900)
            errors.Add(new("validFrom", new("Qüvvəyə minmə tarixi göstərilməlidir", "The date the value is in force from is required")));
        if (!string.IsNullOrWhiteSpace(v.Citation) && (v.Citation.Trim().Length > 100 || !LegalReference.TryParse(v.Citation, out _)))
            errors.Add(new("citation", new("İstinad «akt maddə» şəklində olmalıdır, məsələn «EC 225» və ya «SL 16.1»",
                "The citation must be an act code and an article, e.g. 'EC 225' or 'SL 16.1'")));
        if (v.Note?.Length > 2000)
            errors.Add(new("note", new("Qeyd 2000 simvoldan uzun ola bilməz", "The note may be at most 2000 characters")));
        if (!v.FromSeeds && string.IsNullOrWhiteSpace(v.Note) && string.IsNullOrWhiteSpace(v.Citation))
            errors.Add(new("note", new("Qanun mətnlərindən olmayan dəyərin mənbəyini qeyddə göstərin",
                "Say in the note where a value that is not from the seeds comes from")));

        var live = await db.LegalParameters.AsNoTracking().Where(p => p.Key == key && p.SupersededById == null).ToListAsync(ct);
        if (v.CorrectsId is { } cid)
        {
            var corrected = live.FirstOrDefault(p => p.Id == cid);
            if (corrected is null)
                errors.Add(new("correctsId", new("Düzəldilən qeyd bu parametrdə tapılmadı və ya artıq düzəldilib", "The row to correct was not found in this parameter or is already corrected")));
            else if (corrected.ValidFrom != v.ValidFrom)
                errors.Add(new("validFrom", new($"Düzəliş düzəltdiyi qeydin tarixini ({Fmt.Date(corrected.ValidFrom)}) saxlayır; başqa tarixdən yeni dəyər üçün düzəliş seçməyin",
                    $"A correction keeps the date of the row it corrects ({Fmt.Date(corrected.ValidFrom)}); for a new value from another date, do not pick a row to correct")));
        }
        else if (live.Any(p => p.ValidFrom == v.ValidFrom))
            errors.Add(new("validFrom", new($"{Fmt.Date(v.ValidFrom)} tarixindən artıq dəyər var; onu düzəliş kimi dəyişin",
                $"A value from {Fmt.Date(v.ValidFrom)} exists already; correct that row instead")));
        return errors;
    }

    /// <summary>Stores a new value, or a correction that supersedes the corrected row, in one transaction (both audited).</summary>
    public static async Task<(LegalParameterRecord? Row, List<FieldError> Errors)> AddAsync(AppDb db, string key, NewParameterValue v, string? by, CancellationToken ct)
    {
        var errors = await ValidateAsync(db, key, v, ct);
        if (errors.Count > 0) return (null, errors);

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var row = new LegalParameterRecord
            {
                Key = key, ValidFrom = v.ValidFrom, Value = v.Value,
                Citation = string.IsNullOrWhiteSpace(v.Citation) ? null : LegalReference.Parse(v.Citation).ToString(),
                FromSeeds = v.FromSeeds, Note = string.IsNullOrWhiteSpace(v.Note) ? null : v.Note.Trim(),
                RecordedAt = DateTime.UtcNow, RecordedBy = by,
            };
            db.LegalParameters.Add(row);
            await db.SaveChangesAsync(ct);
            if (v.CorrectsId is { } cid)
            {
                var corrected = await db.LegalParameters.SingleAsync(p => p.Id == cid, ct);
                if (corrected.SupersededById is not null)
                    return (null, [new("correctsId", new("Qeyd bu vaxt başqası tərəfindən düzəldilib", "Someone else corrected this row meanwhile"))]);
                corrected.SupersededById = row.Id;
                await db.SaveChangesAsync(ct);
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return (row, []);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
