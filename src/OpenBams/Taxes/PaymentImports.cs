using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>An import as its page and progress bar show it.</summary>
public sealed record PaymentImportView(int Id, int? MunicipalityId, string FileName, string FileHash, JobStatus Status, string Phase, int Percent,
    bool ApplyValidLines, bool DryRun, int Lines, int LinesRead, int ValidLines, int ErrorLines, int DuplicateLines, int AppliedLines, decimal AppliedAmount,
    DateTime CreatedAt, string CreatedBy, DateTime? ValidatedAt, DateTime? FinishedAt, string? Error, string Outcome, int? SameFileAs, long Version)
{
    public bool Finished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}

public sealed record ImportIssueView(long Id, int Line, ImportIssueKind Kind, string Field, string Message, string? Rule, string? Raw);

/// <summary>Reading imports and their issues, and taking a statement from an HTTP request (multipart upload or a raw CSV body).</summary>
public static class PaymentImports
{
    public static PaymentImportView View(PaymentImport i, int? sameFileAs = null)
    {
        var phase = i.Status switch
        {
            JobStatus.Queued => "queued",
            JobStatus.Running when i.ValidatedAt is null => "validating",
            JobStatus.Running => "applying",
            _ => "finished",
        };
        var lines = Math.Max(1, i.Lines);
        var percent = i.Status == JobStatus.Completed ? 100
            : i.Status == JobStatus.Queued ? 0
            : i.ValidatedAt is null ? (int)Math.Min(99, (long)i.LinesRead * (i.DryRun ? 100 : 50) / lines)
            : (int)Math.Min(99, 50 + (long)Math.Max(0, i.CursorLine - 1) * 50 / lines);
        return new PaymentImportView(i.Id, i.MunicipalityId, i.FileName, i.FileHash, i.Status, phase, percent, i.ApplyValidLines, i.DryRun, i.Lines, i.LinesRead,
            i.ValidLines, i.ErrorLines, i.DuplicateLines, i.AppliedLines, Money.FromQepik(i.AppliedQepik).Amount, DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc),
            i.CreatedBy, i.ValidatedAt, i.FinishedAt, i.Error, Outcome(i), sameFileAs, i.Version);
    }

    /// <summary>What happened, in words.</summary>
    public static Text OutcomeText(PaymentImport i) => i.Status switch
    {
        JobStatus.Queued => new("Növbədədir", "Queued"),
        JobStatus.Running when i.ValidatedAt is null => new($"Sətirlər yoxlanılır: {i.LinesRead} / {i.Lines}", $"Checking lines: {i.LinesRead} / {i.Lines}"),
        JobStatus.Running => new($"Qeyd olunur: {i.AppliedLines} / {i.ValidLines}", $"Booking: {i.AppliedLines} / {i.ValidLines}"),
        JobStatus.Failed => new($"Alınmadı: {i.Error}", $"Failed: {i.Error}"),
        JobStatus.Cancelled => new("Dayandırılıb", "Cancelled"),
        _ when i.DryRun => new($"Yoxlama (sınaq): {i.ValidLines} düzgün, {i.ErrorLines} səhv, {i.DuplicateLines} təkrar sətir; heç nə qeyd olunmayıb",
            $"Check only (dry run): {i.ValidLines} valid, {i.ErrorLines} with errors, {i.DuplicateLines} duplicate lines; nothing booked"),
        _ when i.ErrorLines > 0 && !i.ApplyValidLines => new(
            $"Heç nə qeyd olunmayıb: {i.ErrorLines} sətirdə səhv var və «düzgün sətirləri tətbiq et» seçilməyib. Səhvləri düzəldib faylı yenidən yükləyin",
            $"Nothing booked: {i.ErrorLines} lines have errors and \"apply valid lines\" was not chosen. Fix them and upload the file again"),
        _ when i.AppliedLines == 0 && i.ValidLines == 0 && i.ErrorLines == 0 && i.DuplicateLines > 0 => new(
            $"Yeni heç nə yoxdur: {i.DuplicateLines} sətrin hamısı artıq qeyd olunub; ikinci dəfə sayılmır",
            $"Nothing new: all {i.DuplicateLines} lines were booked before; they are not counted twice"),
        _ => new($"Qeyd olunub: {i.AppliedLines} ödəniş, {Money.FromQepik(i.AppliedQepik).Format("az")}; səhv {i.ErrorLines}, təkrar {i.DuplicateLines}",
            $"Booked: {i.AppliedLines} payments, {Money.FromQepik(i.AppliedQepik).Format("en")}; errors {i.ErrorLines}, duplicates {i.DuplicateLines}"),
    };

    private static string Outcome(PaymentImport i) => OutcomeText(i);

    public static async Task<PaymentImportView> ViewAsync(AppDb db, int? municipalityId, int importId, CancellationToken ct)
    {
        var i = await Find(db, municipalityId).AsNoTracking().FirstOrDefaultAsync(x => x.Id == importId, ct) ?? throw new NotFound("Import");
        var same = await db.PaymentImports.AsNoTracking().Where(x => x.FileHash == i.FileHash && x.Id < i.Id && x.MunicipalityId == i.MunicipalityId)
            .OrderByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        return View(i, same);
    }

    private static IQueryable<PaymentImport> Find(AppDb db, int? municipalityId) =>
        municipalityId is { } m ? db.PaymentImports.Where(x => x.MunicipalityId == m) : db.PaymentImports.Where(x => x.MunicipalityId == null);

    public static async Task<PageOf<PaymentImportView>> PageAsync(AppDb db, int? municipalityId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var q = Find(db, municipalityId).AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<PaymentImportView>(total, p, size, rows.Select(r => View(r)).ToList());
    }

    public static IQueryable<PaymentImportIssue> Issues(AppDb db, int importId, ImportIssueKind? kind)
    {
        var q = db.PaymentImportIssues.AsNoTracking().Where(x => x.ImportId == importId);
        if (kind is { } k) q = q.Where(x => x.Kind == k);
        return q.OrderBy(x => x.Line).ThenBy(x => x.Id);
    }

    public static async Task<PageOf<ImportIssueView>> IssuesAsync(AppDb db, int? municipalityId, int importId, ImportIssueKind? kind, int? page, int? pageSize,
        CancellationToken ct)
    {
        if (!await Find(db, municipalityId).AnyAsync(x => x.Id == importId, ct)) throw new NotFound("Import");
        var (p, size, skip) = TaxesApi.Paging(page, pageSize);
        var q = Issues(db, importId, kind);
        var total = await q.CountAsync(ct);
        var rows = await q.Skip(skip).Take(size).ToListAsync(ct);
        return new PageOf<ImportIssueView>(total, p, size, rows.Select(IssueView).ToList());
    }

    public static ImportIssueView IssueView(PaymentImportIssue x) =>
        new(x.Id, x.Line, x.Kind, x.Field, StatementFormat.Unpack(x.Message), x.Rule, x.Raw);

    /// <summary>The issues as CSV or XLSX, line by line, streamed.</summary>
    public static async Task<IResult> ExportIssuesAsync(HttpContext http, AppDb db, int? municipalityId, int importId, bool xlsx)
    {
        if (!await Find(db, municipalityId).AnyAsync(x => x.Id == importId, http.RequestAborted)) throw new NotFound("Import");
        string[] header = [Tr("Sətir", "Line"), Tr("Növ", "Kind"), Tr("Sahə", "Field"), Tr("İzah", "Message"), Tr("Maddə", "Article"), Tr("Sətrin mətni", "Line text")];
        var rows = Issues(db, importId, null).AsAsyncEnumerable().Select(i => (IReadOnlyList<object?>)[i.Line,
            i.Kind == ImportIssueKind.Error ? Tr("səhv", "error") : Tr("təkrar", "duplicate"), i.Field, StatementFormat.Unpack(i.Message), i.Rule, i.Raw]);
        var name = $"import-{importId}-issues";
        if (xlsx)
        {
            http.Response.ContentType = Platform.Export.Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await Platform.Export.Xlsx.WriteAsync(http.Response.Body, Tr("Problemlər", "Issues"), header, rows, http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await Platform.Export.Csv.WriteAsync(http.Response.Body, header,
                rows.Select(r => (IReadOnlyList<string?>)r.Select(v => v is null ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToList()),
                http.RequestAborted);
        }
        return Results.Empty;
    }

    private static string Tr(string az, string en) => Text.English ? en : az;

    /// <summary>"true", "on", "1", "yes", "bəli" are yes.</summary>
    public static bool Flag(string? s) => s?.Trim().ToLowerInvariant() is "true" or "on" or "1" or "yes" or "bəli";

    /// <summary>
    /// Takes the statement from the request: a multipart upload (field "file", options "applyValidLines" and "dryRun" as form
    /// fields or in the query) or the CSV itself as the body (text/csv), options in the query. Streamed to the data directory.
    /// </summary>
    public static async Task<PaymentImport> FromRequestAsync(HttpContext http, AppDb db, int? municipalityId, string createdBy, CancellationToken ct)
    {
        var settings = http.RequestServices.GetRequiredService<DatabaseSettings>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = StatementImport.MaxBytes + (1 << 20);
        var query = http.Request.Query;
        bool apply = Flag(query["applyValidLines"]), dry = Flag(query["dryRun"]);
        string? fileName = query["fileName"];
        StatementImport.StoredFile? stored = null;
        var contentType = http.Request.ContentType ?? "";
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value;
            if (string.IsNullOrWhiteSpace(boundary)) throw new InputError("file", new Text("Multipart sərhədi yoxdur", "The multipart boundary is missing"), 400);
            var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = StatementImport.MaxBytes };
            try
            {
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd)) continue;
                    var field = HeaderUtilities.RemoveQuotes(cd.Name).Value ?? "";
                    if (cd.IsFileDisposition())
                    {
                        if (stored is not null) { await section.Body.CopyToAsync(Stream.Null, ct); continue; }
                        fileName = HeaderUtilities.RemoveQuotes(cd.FileName.HasValue ? cd.FileName : cd.FileNameStar).Value ?? fileName;
                        stored = await StatementImport.StoreAsync(settings, section.Body, time, ct);
                    }
                    else
                    {
                        using var sr = new StreamReader(section.Body);
                        var value = await sr.ReadToEndAsync(ct);
                        if (field.Equals("applyValidLines", StringComparison.OrdinalIgnoreCase)) apply = Flag(value);
                        else if (field.Equals("dryRun", StringComparison.OrdinalIgnoreCase)) dry = Flag(value);
                    }
                }
            }
            catch
            {
                if (stored is not null) File.Delete(stored.Path);
                throw;
            }
            if (stored is null) throw new InputError("file", new Text("Çıxarış faylı seçilməyib", "No statement file was sent"));
        }
        else if (contentType.Length == 0 || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                 || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            stored = await StatementImport.StoreAsync(settings, http.Request.Body, time, ct);
        }
        else throw new InputError("file", new Text("Çıxarış text/csv və ya multipart/form-data kimi göndərilir", "Send the statement as text/csv or multipart/form-data"),
            StatusCodes.Status415UnsupportedMediaType);
        return await StatementImport.CreateAsync(db, stored, fileName, municipalityId, apply, dry, createdBy, time, ct);
    }
}
