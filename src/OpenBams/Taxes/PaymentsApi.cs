using Microsoft.EntityFrameworkCore;
using System.Globalization;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Jobs;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

/// <summary>
/// Payments (SL 43.1: never cash): bank statement imports, the register of payments with what each paid, and reversals, for
/// the municipality's accountant and tax service; national statements for the administrator (HÖP collects centrally); and
/// the payment portal's interface (<see cref="PaymentPortal"/>).
/// </summary>
public static class PaymentsApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
        m.MapPost("/imports", async (int municipalityId, HttpContext http, AppDb db, JobSignal signal, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequirePayments();
            var import = await PaymentImports.FromRequestAsync(http, db, municipalityId, actor.Name, ct);
            signal.Wake();
            return Results.Accepted($"/api/v1/municipalities/{municipalityId}/taxes/imports/{import.Id}", PaymentImports.View(import));
        }).WithSummary("Import a bank statement (docs/payments.md): multipart field \"file\" or a text/csv body; options applyValidLines, dryRun. 202, then a job checks every line and books")
            .Accepts<string>("text/csv", "multipart/form-data");
        m.MapGet("/imports", async (int municipalityId, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await PaymentImports.PageAsync(db, municipalityId, page, pageSize, ct));
        }).WithSummary("Statement imports of the municipality, newest first");
        m.MapGet("/imports/{importId:int}", async (int municipalityId, int importId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await PaymentImports.ViewAsync(db, municipalityId, importId, ct));
        }).WithSummary("One import: status, percent done, lines valid / with errors / duplicate, booked lines and amount");
        m.MapGet("/imports/{importId:int}/issues", async (int municipalityId, int importId, ImportIssueKind? kind, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await PaymentImports.IssuesAsync(db, municipalityId, importId, kind, page, pageSize, ct));
        }).WithSummary("The import's problems line by line: field, message and article (errors), and lines booked before (duplicates)");
        m.MapGet("/imports/{importId:int}/issues/export.csv", (int municipalityId, int importId, AppDb db, HttpContext http) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return PaymentImports.ExportIssuesAsync(http, db, municipalityId, importId, xlsx: false);
        }).WithSummary("The import's problems as CSV");
        m.MapGet("/imports/{importId:int}/issues/export.xlsx", (int municipalityId, int importId, AppDb db, HttpContext http) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return PaymentImports.ExportIssuesAsync(http, db, municipalityId, importId, xlsx: true);
        }).WithSummary("The import's problems as XLSX");

        m.MapGet("/payments", async (int municipalityId, string? q, string? from, string? to, string? channel, string? status, int? importId, int? page, int? pageSize,
            AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Payments.PageAsync(db, municipalityId, Query(q, from, to, channel, status, importId, page, pageSize), ct));
        }).WithSummary("Payments: search by reference, payer, FIN/VÖEN, name; from/to (value date), channel, status, importId; paged");
        m.MapGet("/payments/export.csv", (int municipalityId, string? q, string? from, string? to, string? channel, string? status, int? importId, AppDb db, HttpContext http) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return ExportAsync(http, db, municipalityId, Query(q, from, to, channel, status, importId, null, null), xlsx: false);
        }).WithSummary("The payments found, as CSV");
        m.MapGet("/payments/export.xlsx", (int municipalityId, string? q, string? from, string? to, string? channel, string? status, int? importId, AppDb db, HttpContext http) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return ExportAsync(http, db, municipalityId, Query(q, from, to, channel, status, importId, null, null), xlsx: true);
        }).WithSummary("The payments found, as XLSX");
        m.MapGet("/payments/{paymentId:long}", async (int municipalityId, long paymentId, AppDb db, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Payments.DetailAsync(db, municipalityId, paymentId, ct));
        }).WithSummary("One payment with its allocations: which tax, year and instalment it paid, and the credit left");
        m.MapPost("/payments/{paymentId:long}/reversal", async (int municipalityId, long paymentId, NewReversal body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var actor = TaxActor.For(db, municipalityId);
            actor.RequirePayments();
            return Results.Ok(await Payments.ReverseAsync(db, municipalityId, paymentId, body.Reason, actor.Name, time, ct));
        }).WithSummary("Reverse a payment (explicit: who, when, why); what it paid reopens and other credit pays it. Payments are never deleted");

        var national = api.MapGroup("/taxes/imports").WithTags("Taxes").RequireAuthorization(IdentitySetup.Administrator);
        national.MapPost("", async (HttpContext http, AppDb db, JobSignal signal, CancellationToken ct) =>
        {
            var import = await PaymentImports.FromRequestAsync(http, db, null, db.Tenant.UserName ?? "admin", ct);
            signal.Wake();
            return Results.Accepted($"/api/v1/taxes/imports/{import.Id}", PaymentImports.View(import));
        }).WithSummary("Import a national statement (HÖP collects centrally): lines of any municipality, by their references (administrator)")
            .Accepts<string>("text/csv", "multipart/form-data");
        national.MapGet("", async (int? page, int? pageSize, AppDb db, CancellationToken ct) => Results.Ok(await PaymentImports.PageAsync(db, null, page, pageSize, ct)))
            .WithSummary("National statement imports (administrator)");
        national.MapGet("/{importId:int}", async (int importId, AppDb db, CancellationToken ct) => Results.Ok(await PaymentImports.ViewAsync(db, null, importId, ct)))
            .WithSummary("One national import with its progress (administrator)");
        national.MapGet("/{importId:int}/issues", async (int importId, ImportIssueKind? kind, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
            Results.Ok(await PaymentImports.IssuesAsync(db, null, importId, kind, page, pageSize, ct))).WithSummary("A national import's problems line by line (administrator)");
        national.MapGet("/{importId:int}/issues/export.csv", (int importId, AppDb db, HttpContext http) => PaymentImports.ExportIssuesAsync(http, db, null, importId, xlsx: false))
            .WithSummary("A national import's problems as CSV (administrator)");

        PaymentPortal.Map(api);
    }

    public static PaymentQuery Query(string? q, string? from, string? to, string? channel, string? status, int? importId, int? page, int? pageSize) =>
        new(q, Date(from, "from"), Date(to, "to"), Channel(channel), Status(status), importId, page, pageSize);

    private static DateOnly? Date(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate, StatusCodes.Status400BadRequest);

    private static PaymentChannel? Channel(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null
        : Enum.TryParse<PaymentChannel>(s, true, out var c) && Enum.IsDefined(c) ? c
        : PaymentChannels.Parse(s) ?? throw new InputError("channel", new Text("Belə ödəniş kanalı yoxdur", "There is no such channel"), StatusCodes.Status400BadRequest);

    private static PaymentStatus? Status(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null
        : Enum.TryParse<PaymentStatus>(s, true, out var v) && Enum.IsDefined(v) ? v
        : throw new InputError("status", new Text("Vəziyyət: Posted və ya Reversed", "Status: Posted or Reversed"), StatusCodes.Status400BadRequest);

    private static string Tr(string az, string en) => Text.English ? en : az;

    private static async Task<IResult> ExportAsync(HttpContext http, AppDb db, int municipalityId, PaymentQuery q, bool xlsx)
    {
        string[] header = [
            "id", Tr("Ödəniş günü", "Paid on"), Tr("Məbləğ", "Amount"), Tr("Kanal", "Channel"), Tr("İstinad", "Reference"), Tr("Vergi ödəyicisi (id)", "Taxpayer (id)"),
            Tr("Ödəyən", "Payer"), Tr("Ödəyənin FİN/VÖEN", "Payer FIN/VÖEN"), Tr("Bank", "Bank"), Tr("Xarici identifikator", "External id"), Tr("İdxal", "Import"),
            Tr("Əməliyyat", "Transaction"), Tr("Vəziyyət", "Status"), Tr("Geri qaytarıb", "Reversed by"), Tr("Səbəb", "Reason"), Tr("Qeyd edib", "Recorded by"),
            Tr("Qeyd olunub", "Recorded at"),
        ];
        var rows = Payments.Search(db, municipalityId, q).AsAsyncEnumerable().Select(p => (IReadOnlyList<object?>)[
            p.Id, p.PaidOn, Law.Money.FromQepik(p.AmountQepik).Amount, Payments.ChannelName(p.Channel), p.Reference, p.TaxpayerId, p.PayerName, p.PayerId, p.Bank, p.ExternalId,
            p.ImportId, p.TransactionId, Payments.StatusName(p.Status), p.ReversedBy, p.ReversalReason, p.RecordedBy, Fmt.DateTime(p.RecordedAt)]);
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = "attachment; filename=\"payments.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, Tr("Ödənişlər", "Payments"), header, rows, http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"payments.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, rows.Select(r => (IReadOnlyList<string?>)r.Select(v => v switch
            {
                null => null,
                DateOnly d => Fmt.Date(d),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }).ToList()), http.RequestAborted);
        }
        return Results.Empty;
    }
}
