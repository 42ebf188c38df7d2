using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;
using OpenBams.Platform.Search;

namespace OpenBams.Taxes;

/// <summary>Which notices a list shows.</summary>
public enum NoticeShow
{
    /// <summary>The current revision of every notice.</summary>
    Current = 0,
    /// <summary>Every revision, superseded ones included.</summary>
    All = 1,
    /// <summary>Current notices not yet delivered (LML 18.11).</summary>
    Undelivered = 2,
    /// <summary>Current notices delivered after their day, or not delivered and the day has passed (LML 18.11).</summary>
    Late = 3,
    /// <summary>Current notices re-issued after a change (revision ≥ 1), with their adjustment.</summary>
    Adjustments = 4,
}

public sealed record NoticeQuery(int? Year = null, string? Q = null, NoticeShow Show = NoticeShow.Current, int? Page = null, int? PageSize = null);

/// <summary>A notice in a list: number, taxpayer, amounts, delivery and whether it is an adjustment.</summary>
public sealed record NoticeRow(int Id, int Year, int Number, int Revision, bool IsCurrent, string Reference, int TaxpayerId, string TaxpayerName, string? PersonalId,
    Money Land, Money Property, Money Total, Money Change, DateOnly IssuedOn, DateOnly DeliverBy, DateOnly? DeliveredOn, DeliveryMethod? DeliveryMethod,
    bool Late, bool IsAdjustment, DateOnly? AdjustmentDueOn);

/// <summary>One explained line: object, base, rate, decision, share, months, relief and article, with the sentence that explains it.</summary>
public sealed record NoticeLineView(LocalTax Tax, ObjectKind ObjectKind, int ObjectId, string Object, string? RateClass, decimal Base, RateUnit Unit, decimal Rate,
    string? Decision, string Share, string? ShareNote, int Months, Money Gross, Money Relief, Money Net, string? ReliefNote, string Article, LineOutcome Outcome,
    string Explanation);

/// <summary>An instalment as the notice prints it (LML 18.13), or an adjustment charge with its own due day.</summary>
public sealed record NoticeInstalment(int Number, DateOnly DueOn, Money Amount, bool IsAdjustment);

public sealed record NoticeRevisionRef(int Id, int Revision, DateOnly IssuedOn, Money Total, bool IsCurrent);

public sealed record NoticeView(int Id, int MunicipalityId, string Municipality, int Year, int Number, int Revision, bool IsCurrent, int? SupersededById,
    string Reference, string ReferenceDisplay, int TaxpayerId, string TaxpayerName, string? PersonalId, string? Address, Money Land, Money Property, Money Total,
    Money Change, IReadOnlyList<NoticeInstalment> Instalments, IReadOnlyList<NoticeInstalment> Adjustments, DateOnly IssuedOn, int RunId, DateOnly DeliverBy,
    DateOnly? DeliveredOn, DeliveryMethod? DeliveryMethod, string? DeliveredBy, bool Late, string VerificationCode, IReadOnlyList<NoticeLineView> Lines,
    IReadOnlyList<NoticeRevisionRef> Revisions);

public sealed record DeliveryInput(DeliveryMethod? Method, string? DeliveredOn);

/// <summary>Delivery of many notices at once: the listed ids, or every undelivered current notice of the year matching the search.</summary>
public sealed record BulkDeliveryInput(DeliveryMethod? Method, string? DeliveredOn, int? Year, IReadOnlyList<int>? NoticeIds, bool AllUndelivered = false, string? Q = null);

public sealed record BulkDeliveryResult(int Recorded, int AlreadyDelivered);

/// <summary>What anyone may see of a notice by its code: no name, FIN or address of the person (tax secrecy, TAX-REG 3.1.10).</summary>
public sealed record NoticeVerification(string Code, string Municipality, int Year, int Number, int Revision, Money Total, DateOnly IssuedOn, bool IsCurrent,
    int? CurrentRevision, DateOnly? CurrentIssuedOn, Money? CurrentTotal, string TaxpayerInitials);

/// <summary>
/// Payment notices (tədiyyə bildirişi, LTP 6.0.3; LML 18.11, 18.13) as the assessment wrote them: the list, one notice with
/// its explained lines, its PDF, bulk PDFs for printing, delivery by 1 August, public verification by QR code, and the
/// resident's own notice.
/// </summary>
public static class NoticesApi
{
    /// <summary>
    /// Notices per bulk PDF. PDFsharp holds a whole document in memory until it is saved, so a municipality's notices are
    /// printed in volumes of this size, each made on request: memory stays bounded by one volume whatever the size of the
    /// municipality (docs/decisions.md, "Taxes: payment notices").
    /// </summary>
    public const int VolumeSize = 500;

    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
        m.MapGet("/notices", async (int municipalityId, int? year, string? q, NoticeShow? show, int? page, int? pageSize, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await PageAsync(db, municipalityId, new NoticeQuery(year, q, show ?? NoticeShow.Current, page, pageSize), time, ct));
        }).WithSummary("Notices of a year (default: the latest assessed), searched by number, taxpayer name or FIN, or payment reference; show=Current|All|Undelivered|Late|Adjustments");
        m.MapGet("/notices/export.csv", (int municipalityId, int? year, string? q, NoticeShow? show, AppDb db, TimeProvider time, HttpContext http) =>
            ExportAsync(http, db, municipalityId, new NoticeQuery(year, q, show ?? NoticeShow.Current), time, xlsx: false)).WithSummary("The list as CSV (same filters)");
        m.MapGet("/notices/export.xlsx", (int municipalityId, int? year, string? q, NoticeShow? show, AppDb db, TimeProvider time, HttpContext http) =>
            ExportAsync(http, db, municipalityId, new NoticeQuery(year, q, show ?? NoticeShow.Current), time, xlsx: true)).WithSummary("The list as XLSX (same filters)");
        m.MapGet("/notices/pdf", async (int municipalityId, int? year, string? q, NoticeShow? show, int? volume, AppDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            var query = new NoticeQuery(year, q, show ?? NoticeShow.Current);
            var (bytes, name) = await BulkPdfAsync(db, municipalityId, query, volume ?? 1, BaseUrl(http), time, ct);
            return Results.Extensions.Pdf(bytes, name);
        }).WithSummary($"Notices for printing, one per page, in volumes of {VolumeSize} (volume=1, 2, …; the list's total says how many)");
        m.MapGet("/notices/{noticeId:int}", async (int municipalityId, int noticeId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await ViewAsync(db, municipalityId, noticeId, time, ct));
        }).WithSummary("One notice with its explained lines (object, base, rate, decision, relief, article), instalments, adjustments and revisions");
        m.MapGet("/notices/{noticeId:int}/pdf", async (int municipalityId, int noticeId, AppDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            var n = await ViewAsync(db, municipalityId, noticeId, time, ct);
            return Results.Extensions.Pdf(NoticeDocuments.Notice(n, VerifyUrl(http, n.VerificationCode)), FileName(n));
        }).WithSummary("The notice as a PDF: lines, total, the two instalments of LML 18.13, payment reference and verification QR");
        m.MapPost("/notices/{noticeId:int}/delivery", async (int municipalityId, int noticeId, DeliveryInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequireKeeper();
            await RecordDeliveryAsync(db, actor, municipalityId, noticeId, body, time, ct);
            return Results.Ok(await ViewAsync(db, municipalityId, noticeId, time, ct));
        }).WithSummary("Record how and when the notice reached the taxpayer (LML 18.11: by 1 August); a delivered notice is not re-recorded");
        m.MapPost("/notices/delivery", async (int municipalityId, BulkDeliveryInput body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequireKeeper();
            return Results.Ok(await RecordDeliveryBulkAsync(db, actor, municipalityId, body, time, ct));
        }).WithSummary("Record delivery of the listed notices, or of every undelivered current notice of a year (allUndelivered), in one transaction");

        api.MapGet("/public/verify/notices/{code}", async (string code, AppDb db, CancellationToken ct) =>
                await VerifyAsync(db, code, ct) is { } v ? Results.Ok(v) : Problems.NotFound("Notice"))
            .AllowAnonymous().WithTags("Taxes")
            .WithSummary("Anyone verifies a notice by the code in its QR: municipality, number, year, total, issue day, current or superseded — never the person");
        api.MapGet("/me/taxes/notices/{noticeId:int}/pdf", async (int noticeId, AppDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
            {
                var n = await OwnNoticeAsync(db, noticeId, time, ct) ?? throw new NotFound("Notice");
                return Results.Extensions.Pdf(NoticeDocuments.Notice(n, VerifyUrl(http, n.VerificationCode)), FileName(n));
            })
            .RequireAuthorization().WithTags("Taxes")
            .WithSummary("The signed-in resident's own notice as a PDF: only notices of taxpayers with the user's FIN (404 otherwise)");
    }

    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    public static string VerifyUrl(HttpContext http, string code) => $"{BaseUrl(http)}/Verify/Notice/{code}";

    public static string FileName(NoticeView n) => $"bildiris-{n.Number}-{n.Year}{(n.Revision > 0 ? $"-d{n.Revision}" : "")}.pdf";

    /// <summary>The year a list shows when none is asked: the latest year the municipality has notices for, else this year.</summary>
    public static async Task<int> DefaultYearAsync(AppDb db, int municipalityId, TimeProvider time, CancellationToken ct) =>
        await db.PaymentNotices.Where(n => n.MunicipalityId == municipalityId).MaxAsync(n => (int?)n.Year, ct) ?? Clock.Today(time).Year;

    private sealed class Listed
    {
        public required PaymentNotice Notice { get; init; }
        public required string Name { get; init; }
        public string? PersonalId { get; init; }
    }

    private static IQueryable<Listed> Filtered(AppDb db, int municipalityId, NoticeQuery query, int year, TimeProvider time)
    {
        var today = Clock.Today(time);
        var by = TaxCalendar.DeliverBy(year);
        var notices = db.PaymentNotices.AsNoTracking().Where(n => n.MunicipalityId == municipalityId && n.Year == year);
        notices = query.Show switch
        {
            NoticeShow.All => notices,
            NoticeShow.Undelivered => notices.Where(n => n.IsCurrent && n.DeliveredOn == null),
            NoticeShow.Adjustments => notices.Where(n => n.IsCurrent && n.Revision > 0),
            // NoticeDelivery.IsLate in SQL: the annual notice (or a revision issued by 1 August) against 1 August; a later
            // revision against its issue day + 30.
            NoticeShow.Late => notices.Where(n => n.IsCurrent && (
                ((n.Revision == 0 || n.IssuedOn <= by) && (n.DeliveredOn == null ? today > by : n.DeliveredOn > by))
                || (n.Revision > 0 && n.IssuedOn > by && (n.DeliveredOn == null
                    ? n.IssuedOn < today.AddDays(-NoticeDelivery.RevisionDays)
                    : n.DeliveredOn > n.IssuedOn.AddDays(NoticeDelivery.RevisionDays))))),
            _ => notices.Where(n => n.IsCurrent),
        };
        var taxpayers = db.Taxpayers.AsNoTracking().Where(t => t.MunicipalityId == municipalityId);
        var q = query.Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var digits = new string(q.Where(c => c is not (' ' or '-')).ToArray());
            if (digits.Length == PaymentReference.Length && digits.All(char.IsAsciiDigit))
                notices = notices.Where(n => n.Reference == digits);
            else if (int.TryParse(q.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && q.Split('/')[0].Length <= 7)
                notices = notices.Where(n => n.Number == number);
            else
            {
                var fold = SpellingFold.Fold(q);
                var lower = q.ToLowerInvariant();
                var upper = q.ToUpperInvariant();
                taxpayers = taxpayers.Where(t => t.PersonalId == upper || t.TaxId == q || t.Name.Contains(q) || t.SearchKey.Contains(lower) || t.SearchKey.Contains(fold));
            }
        }
        return notices.Join(taxpayers, n => n.TaxpayerId, t => t.Id, (n, t) => new Listed { Notice = n, Name = t.Name, PersonalId = t.PersonalId });
    }

    public static async Task<(PageOf<NoticeRow> Page, int Year)> PageWithYearAsync(AppDb db, int municipalityId, NoticeQuery query, TimeProvider time, CancellationToken ct)
    {
        var year = query.Year ?? await DefaultYearAsync(db, municipalityId, time, ct);
        var (page, size, skip) = TaxesApi.Paging(query.Page, query.PageSize);
        var source = Filtered(db, municipalityId, query, year, time);
        var total = await source.CountAsync(ct);
        var rows = await source.OrderBy(x => x.Notice.Number).ThenBy(x => x.Notice.Revision).Skip(skip).Take(size).ToListAsync(ct);
        var adjustments = await AdjustmentDueAsync(db, rows.Where(r => r.Notice.Revision > 0).Select(r => r.Notice.Id).ToList(), ct);
        var today = Clock.Today(time);
        return (new PageOf<NoticeRow>(total, page, size, rows.Select(r => Row(r, adjustments, today)).ToList()), year);
    }

    public static async Task<PageOf<NoticeRow>> PageAsync(AppDb db, int municipalityId, NoticeQuery query, TimeProvider time, CancellationToken ct) =>
        (await PageWithYearAsync(db, municipalityId, query, time, ct)).Page;

    /// <summary>The earliest due day of each revision's adjustment charges (TaxCalendar.AdjustmentDue).</summary>
    private static async Task<Dictionary<int, DateOnly>> AdjustmentDueAsync(AppDb db, List<int> noticeIds, CancellationToken ct)
    {
        var result = new Dictionary<int, DateOnly>();
        foreach (var chunk in noticeIds.Chunk(1000))
        {
            var ids = chunk.ToList();
            foreach (var x in await db.TaxCharges.AsNoTracking().Where(c => c.NoticeId != null && ids.Contains(c.NoticeId.Value) && c.Kind == ChargeKind.Adjustment)
                         .GroupBy(c => c.NoticeId!.Value).Select(g => new { g.Key, Due = g.Min(c => c.DueOn) }).ToListAsync(ct))
                result[x.Key] = x.Due;
        }
        return result;
    }

    private static NoticeRow Row(Listed x, IReadOnlyDictionary<int, DateOnly> adjustments, DateOnly today)
    {
        var n = x.Notice;
        return new NoticeRow(n.Id, n.Year, n.Number, n.Revision, n.IsCurrent, n.Reference, n.TaxpayerId, x.Name, x.PersonalId, Money.FromQepik(n.LandQepik),
            Money.FromQepik(n.PropertyQepik), Money.FromQepik(n.TotalQepik), Money.FromQepik(n.ChangeQepik), n.IssuedOn, NoticeDelivery.DueBy(n.Year, n.Revision, n.IssuedOn),
            n.DeliveredOn, n.DeliveryMethod, n.IsCurrent && NoticeDelivery.IsLate(n.Year, n.Revision, n.IssuedOn, n.DeliveredOn, today), n.Revision > 0,
            adjustments.TryGetValue(n.Id, out var due) ? due : null);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, AppDb db, int municipalityId, NoticeQuery query, TimeProvider time, bool xlsx)
    {
        TaxActor.For(db, municipalityId).RequireRead();
        var ct = http.RequestAborted;
        var year = query.Year ?? await DefaultYearAsync(db, municipalityId, time, ct);
        var source = Filtered(db, municipalityId, query, year, time).OrderBy(x => x.Notice.Number).ThenBy(x => x.Notice.Revision).AsAsyncEnumerable();
        var today = Clock.Today(time);
        string[] header =
        [
            Tr("Nömrə", "Number"), Tr("İl", "Year"), Tr("Düzəliş", "Revision"), Tr("Qüvvədədir", "Current"), Tr("Ödəniş referansı", "Payment reference"),
            Tr("Vergi ödəyicisi", "Taxpayer"), "FİN / FIN", Tr("Torpaq vergisi", "Land tax"), Tr("Əmlak vergisi", "Property tax"), Tr("Cəmi", "Total"),
            Tr("Dəyişiklik", "Change"), Tr("Verilib", "Issued"), Tr("Çatdırılmalıdır (LML 18.11)", "Deliver by (LML 18.11)"), Tr("Çatdırılıb", "Delivered"),
            Tr("Üsul", "Method"), Tr("Gecikib", "Late"),
        ];
        object?[] Cells(Listed x)
        {
            var r = Row(x, new Dictionary<int, DateOnly>(), today);
            return [r.Number, r.Year, r.Revision, r.IsCurrent ? T.Yes.ToString() : T.No.ToString(), r.Reference, r.TaxpayerName, r.PersonalId, r.Land.Amount,
                r.Property.Amount, r.Total.Amount, r.Change.Amount, r.IssuedOn, r.DeliverBy, r.DeliveredOn, r.DeliveryMethod is { } m ? MethodName(m) : null,
                r.Late ? T.Yes.ToString() : T.No.ToString()];
        }
        var name = $"bildirisler-{municipalityId}-{year}";
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, Tr("Bildirişlər", "Notices"), header, source.Select(x => (IReadOnlyList<object?>)Cells(x)), ct);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, source.Select(x => (IReadOnlyList<string?>)Cells(x).Select(v => v switch
            {
                null => null,
                DateOnly d => Fmt.Date(d),
                decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }).ToList()), ct);
        }
        return Results.Empty;
    }

    private static string Tr(string az, string en) => Text.English ? en : az;

    public static string MethodName(DeliveryMethod m) => m switch
    {
        DeliveryMethod.InPerson => Tr("əlbəəl", "in person"),
        DeliveryMethod.RegisteredMail => Tr("sifarişli məktub", "registered mail"),
        DeliveryMethod.Electronic => Tr("elektron", "electronic"),
        _ => Tr("kuryer", "courier"),
    };

    public static async Task<NoticeView> ViewAsync(AppDb db, int municipalityId, int noticeId, TimeProvider time, CancellationToken ct)
    {
        var n = await db.PaymentNotices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == noticeId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Notice");
        return (await ViewsAsync(db, [n], time, ct, withRevisions: true))[0];
    }

    /// <summary>Views of many notices with their lines, taxpayers and adjustment charges in a few queries (bulk PDFs).</summary>
    private static async Task<List<NoticeView>> ViewsAsync(AppDb db, List<PaymentNotice> notices, TimeProvider time, CancellationToken ct, bool withRevisions = false)
    {
        if (notices.Count == 0) return [];
        var ids = notices.Select(n => n.Id).ToList();
        var taxpayerIds = notices.Select(n => n.TaxpayerId).Distinct().ToList();
        var municipalityIds = notices.Select(n => n.MunicipalityId).Distinct().ToList();
        var lines = (await db.AssessmentLines.AsNoTracking().Where(l => ids.Contains(l.NoticeId)).OrderBy(l => l.Id).ToListAsync(ct)).ToLookup(l => l.NoticeId);
        var taxpayers = await db.Taxpayers.AsNoTracking().Where(t => taxpayerIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var names = await db.Municipalities.AsNoTracking().Where(x => municipalityIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var adjustments = (await db.TaxCharges.AsNoTracking()
                .Where(c => c.NoticeId != null && ids.Contains(c.NoticeId.Value) && c.Kind == ChargeKind.Adjustment)
                .GroupBy(c => new { Notice = c.NoticeId!.Value, c.Instalment, c.DueOn }).Select(g => new { g.Key.Notice, g.Key.Instalment, g.Key.DueOn, Sum = g.Sum(c => c.AmountQepik) })
                .ToListAsync(ct))
            .ToLookup(x => x.Notice);
        var revisions = new Dictionary<(int, int, int), List<NoticeRevisionRef>>();
        if (withRevisions)
            foreach (var n in notices)
                revisions[(n.MunicipalityId, n.Year, n.Number)] = await db.PaymentNotices.AsNoTracking()
                    .Where(x => x.MunicipalityId == n.MunicipalityId && x.Year == n.Year && x.Number == n.Number).OrderBy(x => x.Revision)
                    .Select(x => new NoticeRevisionRef(x.Id, x.Revision, x.IssuedOn, Money.FromQepik(x.TotalQepik), x.IsCurrent)).ToListAsync(ct);
        var today = Clock.Today(time);
        var lang = Text.Lang;
        return notices.Select(n =>
        {
            var t = taxpayers.GetValueOrDefault(n.TaxpayerId);
            var reference = PaymentReference.TryParse(n.Reference, out var r, out _) ? r.Display : n.Reference;
            return new NoticeView(n.Id, n.MunicipalityId, names.GetValueOrDefault(n.MunicipalityId) ?? "", n.Year, n.Number, n.Revision, n.IsCurrent, n.SupersededById,
                n.Reference, reference, n.TaxpayerId, t?.Name ?? "", t?.PersonalId, t?.Address, Money.FromQepik(n.LandQepik), Money.FromQepik(n.PropertyQepik),
                Money.FromQepik(n.TotalQepik), Money.FromQepik(n.ChangeQepik),
                [new NoticeInstalment(1, n.FirstDueOn, Money.FromQepik(n.FirstQepik), false), new NoticeInstalment(2, n.SecondDueOn, Money.FromQepik(n.SecondQepik), false)],
                adjustments[n.Id].GroupBy(a => (a.Instalment, a.DueOn)).OrderBy(g => g.Key.DueOn).ThenBy(g => g.Key.Instalment)
                    .Select(g => new NoticeInstalment(g.Key.Instalment, g.Key.DueOn, Money.FromQepik(g.Sum(a => a.Sum)), true)).Where(a => a.Amount != Money.Zero).ToList(),
                n.IssuedOn, n.RunId, NoticeDelivery.DueBy(n.Year, n.Revision, n.IssuedOn), n.DeliveredOn, n.DeliveryMethod, n.DeliveredBy,
                n.IsCurrent && NoticeDelivery.IsLate(n.Year, n.Revision, n.IssuedOn, n.DeliveredOn, today), n.VerificationCode,
                lines[n.Id].Select(l => LineView(l, lang)).ToList(), revisions.GetValueOrDefault((n.MunicipalityId, n.Year, n.Number)) ?? []);
        }).ToList();
    }

    public static NoticeLineView LineView(AssessmentLine l, string lang)
    {
        var citation = LegalReference.TryParse(l.Citation, out var c) ? c : default;
        var assessed = new AssessedLine(l.Tax, l.ObjectKind, l.ObjectId, l.ObjectLabel, l.RateClass, l.BaseValue, l.Unit, l.Rate, l.Decision, l.Weight, l.WeightText,
            l.Months, Money.FromQepik(l.GrossQepik), Money.FromQepik(l.ReliefQepik), Money.FromQepik(l.NetQepik), l.ReliefNote, citation, l.Outcome, l.WeightNote);
        return new NoticeLineView(l.Tax, l.ObjectKind, l.ObjectId, l.ObjectLabel, l.RateClass, l.BaseValue, l.Unit, l.Rate, l.Decision, l.WeightText, l.WeightNote,
            l.Months, assessed.Gross, assessed.Relief, assessed.Net, l.ReliefNote, l.Citation, l.Outcome, assessed.Explain(lang));
    }

    /// <summary>One volume of the notices matching a query, one notice per page, in number order.</summary>
    public static async Task<(byte[] Pdf, string FileName)> BulkPdfAsync(AppDb db, int municipalityId, NoticeQuery query, int volume, string baseUrl, TimeProvider time,
        CancellationToken ct)
    {
        var year = query.Year ?? await DefaultYearAsync(db, municipalityId, time, ct);
        var source = Filtered(db, municipalityId, query, year, time);
        var total = await source.CountAsync(ct);
        var volumes = Math.Max(1, (total + VolumeSize - 1) / VolumeSize);
        if (volume < 1 || volume > volumes)
            throw new InputError("volume", new Text($"Cild 1 ilə {volumes} arasında olmalıdır", $"The volume must be from 1 to {volumes}"));
        if (total == 0)
            throw new InputError("year", new Text($"{year} ili üçün bu seçimə uyğun bildiriş yoxdur", $"No notices of {year} match this selection"), StatusCodes.Status404NotFound);
        var notices = await source.OrderBy(x => x.Notice.Number).ThenBy(x => x.Notice.Revision).Skip((volume - 1) * VolumeSize).Take(VolumeSize)
            .Select(x => x.Notice).ToListAsync(ct);
        var views = await ViewsAsync(db, notices, time, ct);
        var municipality = views[0].Municipality;
        var bytes = NoticeDocuments.Bulk(views, code => $"{baseUrl}/Verify/Notice/{code}", $"{municipality} — {year}, {Tr("cild", "volume")} {volume}/{volumes}");
        return (bytes, $"bildirisler-{municipalityId}-{year}-{volume}.pdf");
    }

    public static async Task RecordDeliveryAsync(AppDb db, TaxActor actor, int municipalityId, int noticeId, DeliveryInput body, TimeProvider time, CancellationToken ct)
    {
        var n = await db.PaymentNotices.FirstOrDefaultAsync(x => x.Id == noticeId && x.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Notice");
        var (method, on) = ReadDelivery(body.Method, body.DeliveredOn, time);
        if (n.DeliveredOn is not null)
            throw new InputError("deliveredOn", new Text($"Bildiriş artıq {Fmt.Date(n.DeliveredOn)} tarixində çatdırılıb", $"The notice was already delivered on {Fmt.Date(n.DeliveredOn)}"),
                StatusCodes.Status409Conflict);
        CheckDeliveryDay(n, on);
        Deliver(n, method, on, actor.Name);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<BulkDeliveryResult> RecordDeliveryBulkAsync(AppDb db, TaxActor actor, int municipalityId, BulkDeliveryInput body, TimeProvider time, CancellationToken ct)
    {
        var (method, on) = ReadDelivery(body.Method, body.DeliveredOn, time);
        List<PaymentNotice> notices;
        if (body.AllUndelivered)
        {
            var year = body.Year ?? throw new InputError("year", new Text("İli göstərin", "Give the year"));
            var ids = await Filtered(db, municipalityId, new NoticeQuery(year, body.Q, NoticeShow.Undelivered), year, time).Select(x => x.Notice.Id).ToListAsync(ct);
            notices = await LoadAsync(db, municipalityId, ids, ct);
        }
        else
        {
            var ids = (body.NoticeIds ?? []).Distinct().ToList();
            if (ids.Count == 0) throw new InputError("noticeIds", new Text("Heç bir bildiriş seçilməyib", "No notice is selected"));
            notices = await LoadAsync(db, municipalityId, ids, ct);
            if (notices.Count != ids.Count) throw new NotFound("Notice");
        }
        var already = 0;
        foreach (var n in notices)
        {
            if (n.DeliveredOn is not null) { already++; continue; }
            CheckDeliveryDay(n, on);
            Deliver(n, method, on, actor.Name);
        }
        await db.SaveChangesAsync(ct);
        return new BulkDeliveryResult(notices.Count - already, already);
    }

    private static async Task<List<PaymentNotice>> LoadAsync(AppDb db, int municipalityId, List<int> ids, CancellationToken ct)
    {
        var list = new List<PaymentNotice>(ids.Count);
        foreach (var chunk in ids.Chunk(1000))
        {
            var part = chunk.ToList();
            list.AddRange(await db.PaymentNotices.Where(n => n.MunicipalityId == municipalityId && part.Contains(n.Id)).ToListAsync(ct));
        }
        return list;
    }

    private static (DeliveryMethod, DateOnly) ReadDelivery(DeliveryMethod? method, string? deliveredOn, TimeProvider time)
    {
        if (method is not { } m || !Enum.IsDefined(m))
            throw new InputError("method", new Text("Çatdırılma üsulunu seçin", "Choose how the notice was delivered"));
        if (!Fmt.TryParseDate(deliveredOn, out var on)) throw new InputError("deliveredOn", T.BadDate);
        if (on > Clock.Today(time))
            throw new InputError("deliveredOn", new Text("Çatdırılma tarixi gələcəkdə ola bilməz", "The delivery day cannot be in the future"));
        return (m, on);
    }

    private static void CheckDeliveryDay(PaymentNotice n, DateOnly on)
    {
        if (on < n.IssuedOn)
            throw new InputError("deliveredOn", new Text($"Bildiriş {n.Number}/{n.Year} {Fmt.Date(n.IssuedOn)} tarixində verilib: ondan əvvəl çatdırıla bilməz",
                $"Notice {n.Number}/{n.Year} was issued on {Fmt.Date(n.IssuedOn)}: it cannot be delivered before that"));
    }

    private static void Deliver(PaymentNotice n, DeliveryMethod method, DateOnly on, string by)
    {
        n.DeliveredOn = on;
        n.DeliveryMethod = method;
        n.DeliveredBy = by;
    }

    /// <summary>
    /// The public check of a notice by the code in its QR: the id the code carries finds the row by its key (no index on
    /// the code), then the whole code must match. Shows only what the paper shows anyone holding it, never the person.
    /// </summary>
    public static async Task<NoticeVerification?> VerifyAsync(AppDb db, string? code, CancellationToken ct)
    {
        if (AssessmentEngine.IdOfCode(code) is not { } id || id > int.MaxValue) return null;
        var key = (int)id;
        var n = await db.PaymentNotices.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == key, ct);
        if (n is null || !string.Equals(n.VerificationCode, code!.ToUpperInvariant(), StringComparison.Ordinal)) return null;
        var municipality = await db.Municipalities.AsNoTracking().Where(x => x.Id == n.MunicipalityId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        var name = await db.Taxpayers.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == n.TaxpayerId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        var current = n.IsCurrent ? null : await db.PaymentNotices.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.MunicipalityId == n.MunicipalityId && x.Year == n.Year && x.Number == n.Number && x.IsCurrent).FirstOrDefaultAsync(ct);
        return new NoticeVerification(n.VerificationCode, municipality, n.Year, n.Number, n.Revision, Money.FromQepik(n.TotalQepik), n.IssuedOn, n.IsCurrent,
            current?.Revision, current?.IssuedOn, current is null ? null : Money.FromQepik(current.TotalQepik), Initials(name));
    }

    /// <summary>"Əli Məmmədov" → "Ə. M.": enough for the holder to recognise their notice, nothing to identify them by.</summary>
    public static string Initials(string? name) =>
        string.Join(" ", (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => char.IsLetter(w[0])).Take(3).Select(w => char.ToUpper(w[0], CultureInfo.GetCultureInfo("az")) + "."));

    /// <summary>
    /// The signed-in user's own notice: the notice's taxpayer must be a natural person whose FIN is the user's. The
    /// notice may be of any municipality the person owns property in, so the tenant filters are lifted for exactly this
    /// match and nothing else; anything else is "not found", so ids of others' notices reveal nothing.
    /// </summary>
    public static async Task<NoticeView?> OwnNoticeAsync(AppDb db, int noticeId, TimeProvider time, CancellationToken ct)
    {
        if (db.Tenant.UserId is not { } userId) return null;
        var fin = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PersonalId).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(fin)) return null;
        fin = fin.Trim().ToUpperInvariant();
        var n = await db.PaymentNotices.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Id == noticeId && db.Taxpayers.IgnoreQueryFilters().Any(t => t.Id == x.TaxpayerId && t.Kind == TaxpayerKind.NaturalPerson && t.PersonalId == fin))
            .FirstOrDefaultAsync(ct);
        if (n is null) return null;
        // The view is read with the same lifted filters: its lines and taxpayer belong to the same person.
        return (await ViewsIgnoringTenantAsync(db, n, time, ct));
    }

    private static async Task<NoticeView> ViewsIgnoringTenantAsync(AppDb db, PaymentNotice n, TimeProvider time, CancellationToken ct)
    {
        var lines = await db.AssessmentLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.NoticeId == n.Id).OrderBy(l => l.Id).ToListAsync(ct);
        var t = await db.Taxpayers.IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == n.TaxpayerId, ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(x => x.Id == n.MunicipalityId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        var adjustments = await db.TaxCharges.IgnoreQueryFilters().AsNoTracking().Where(c => c.NoticeId == n.Id && c.Kind == ChargeKind.Adjustment)
            .GroupBy(c => new { c.Instalment, c.DueOn }).Select(g => new { g.Key.Instalment, g.Key.DueOn, Sum = g.Sum(c => c.AmountQepik) }).ToListAsync(ct);
        var today = Clock.Today(time);
        var reference = PaymentReference.TryParse(n.Reference, out var r, out _) ? r.Display : n.Reference;
        return new NoticeView(n.Id, n.MunicipalityId, municipality, n.Year, n.Number, n.Revision, n.IsCurrent, n.SupersededById, n.Reference, reference, n.TaxpayerId,
            t.Name, t.PersonalId, t.Address, Money.FromQepik(n.LandQepik), Money.FromQepik(n.PropertyQepik), Money.FromQepik(n.TotalQepik), Money.FromQepik(n.ChangeQepik),
            [new NoticeInstalment(1, n.FirstDueOn, Money.FromQepik(n.FirstQepik), false), new NoticeInstalment(2, n.SecondDueOn, Money.FromQepik(n.SecondQepik), false)],
            adjustments.Where(a => a.Sum != 0).OrderBy(a => a.DueOn).ThenBy(a => a.Instalment).Select(a => new NoticeInstalment(a.Instalment, a.DueOn, Money.FromQepik(a.Sum), true)).ToList(),
            n.IssuedOn, n.RunId, NoticeDelivery.DueBy(n.Year, n.Revision, n.IssuedOn), n.DeliveredOn, n.DeliveryMethod, n.DeliveredBy,
            n.IsCurrent && NoticeDelivery.IsLate(n.Year, n.Revision, n.IssuedOn, n.DeliveredOn, today), n.VerificationCode,
            lines.Select(l => LineView(l, Text.Lang)).ToList(), []);
    }
}
