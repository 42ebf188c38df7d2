using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Platform.Parameters;

public sealed record ParameterValueView(int Id, DateOnly ValidFrom, decimal Value, string? Citation, bool FromSeeds, string? Note,
    bool Superseded, DateTime RecordedAt, string? RecordedBy);
public sealed record ParameterView(string Key, string Name, string Unit, ParameterValueView? Current, IReadOnlyList<ParameterValueView> History);
public sealed record ParameterOnDate(string Key, DateOnly On, decimal Value, DateOnly ValidFrom, string? Citation, bool FromSeeds);
public sealed record NewParameterValue(DateOnly ValidFrom, decimal Value, string? Citation, bool FromSeeds, string? Note, int? CorrectsId);

/// <summary>Effective-dated legal parameters (ŞMV first): public reads, administrator additions and corrections.</summary>
public static class ParametersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/parameters").WithTags("Legal parameters");

        g.MapGet("", async (AppDb db, CancellationToken ct) =>
        {
            var list = new List<ParameterView>();
            foreach (var def in LegalParameterKeys.All) list.Add(await ViewAsync(db, def, ct));
            return Results.Ok(list);
        }).AllowAnonymous().WithSummary("Every legal parameter with its value today and its full history");

        g.MapGet("/{key}", async (string key, string? on, AppDb db, CancellationToken ct) =>
        {
            var def = LegalParameterKeys.All.FirstOrDefault(d => d.Key == key);
            if (def is null) return Problems.NotFound("Parameter");
            if (on is null) return Results.Ok(await ViewAsync(db, def, ct));
            if (!Fmt.TryParseDate(on, out var date))
                return Problems.Field("on", new("Tarix gg.aa.iiii və ya iiii-aa-gg formatında olmalıdır", "The date must be dd.MM.yyyy or yyyy-MM-dd"), status: 400);
            var value = (await LegalParameters.TimelineAsync(db, key, ct)).On(date);
            return value is null
                ? Problems.Field("on", new($"{Fmt.Date(date)} tarixində qüvvədə olan dəyər yoxdur", $"No value is in force on {Fmt.Date(date)}"), status: 404)
                : Results.Ok(new ParameterOnDate(key, date, value.Value, value.ValidFrom, value.Citation?.ToString(), value.FromSeeds));
        }).AllowAnonymous().WithSummary("One parameter; with ?on=date, the value in force on that date and its citation");

        g.MapPost("/{key}/values", async (string key, NewParameterValue body, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            var def = LegalParameterKeys.All.FirstOrDefault(d => d.Key == key);
            if (def is null) return Problems.NotFound("Parameter");
            var errors = await LegalParameters.AddAsync(db, key, body, http.User.Identity?.Name, ct);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.Ok(await ViewAsync(db, def, ct));
        }).RequireAuthorization(IdentitySetup.Administrator).WithSummary("Add a value from a date, or correct an existing one (administrator)");
    }

    public static async Task<ParameterView> ViewAsync(AppDb db, LegalParameterDefinition def, CancellationToken ct)
    {
        var rows = await db.LegalParameters.AsNoTracking().Where(p => p.Key == def.Key).OrderBy(p => p.ValidFrom).ThenBy(p => p.Id).ToListAsync(ct);
        var history = rows.Select(p => new ParameterValueView(p.Id, p.ValidFrom, p.Value, p.Citation, p.FromSeeds, p.Note,
            p.SupersededById is not null, p.RecordedAt, p.RecordedBy)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var current = history.Where(h => !h.Superseded && h.ValidFrom <= today).MaxBy(h => h.ValidFrom);
        return new ParameterView(def.Key, Text.English ? def.NameEn : def.NameAz, def.Unit, current, history);
    }
}

/// <summary>Reading and changing parameters; later modules ask <see cref="TimelineAsync"/> for the value on a date.</summary>
public static class LegalParameters
{
    public static async Task<ParameterTimeline> TimelineAsync(AppDb db, string key, CancellationToken ct = default)
    {
        var rows = await db.LegalParameters.AsNoTracking().Where(p => p.Key == key && p.SupersededById == null).ToListAsync(ct);
        return new ParameterTimeline(rows.Select(r => new ParameterValue(r.ValidFrom, r.Value,
            r.Citation is not null && LegalReference.TryParse(r.Citation, out var c) ? c : null, r.FromSeeds, r.Note)), key);
    }

    public static async Task<List<FieldError>> AddAsync(AppDb db, string key, NewParameterValue v, string? by, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (v.Value < 0) errors.Add(new("value", new("Dəyər mənfi ola bilməz", "The value cannot be negative")));
        if (!string.IsNullOrWhiteSpace(v.Citation) && !LegalReference.TryParse(v.Citation, out _))
            errors.Add(new("citation", new("İstinad «SL 16.1» kimi yazılmalıdır", "Write the citation like 'SL 16.1'")));
        var live = await db.LegalParameters.Where(p => p.Key == key && p.SupersededById == null).ToListAsync(ct);
        LegalParameterRecord? corrected = null;
        if (v.CorrectsId is { } cid)
        {
            corrected = live.FirstOrDefault(p => p.Id == cid);
            if (corrected is null) errors.Add(new("correctsId", new("Düzəldilən qeyd tapılmadı və ya artıq düzəldilib", "The value to correct was not found or is already corrected")));
            else if (corrected.ValidFrom != v.ValidFrom) errors.Add(new("validFrom", new("Düzəliş eyni tarixdən qüvvədə olmalıdır", "A correction keeps the date it corrects")));
        }
        else if (live.Any(p => p.ValidFrom == v.ValidFrom))
            errors.Add(new("validFrom", new("Bu tarixdən artıq dəyər var; onu düzəldin", "A value from this date exists; correct it instead")));
        if (errors.Count > 0) return errors;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = new LegalParameterRecord
        {
            Key = key, ValidFrom = v.ValidFrom, Value = v.Value, Citation = string.IsNullOrWhiteSpace(v.Citation) ? null : LegalReference.Parse(v.Citation).ToString(),
            FromSeeds = v.FromSeeds, Note = string.IsNullOrWhiteSpace(v.Note) ? null : v.Note.Trim(), RecordedAt = DateTime.UtcNow, RecordedBy = by,
        };
        db.LegalParameters.Add(row);
        await db.SaveChangesAsync(ct);
        if (corrected is not null)
        {
            corrected.SupersededById = row.Id;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return [];
    }
}
