using System.Globalization;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Export;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;
using Microsoft.EntityFrameworkCore;

namespace OpenBams.Taxes;

/// <summary>
/// SL 30.2 certificates of debts: the staff's queue under the municipality, the resident's own under /me/taxes, and the
/// public check of a certificate's QR code under /public/verify (no name, no FIN).
/// </summary>
public static class CertificatesApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
        var c = m.MapGroup("/certificates");
        c.MapGet("", async (int municipalityId, string? q, string? status, int? page, int? pageSize, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Certificates.ListAsync(db, municipalityId, q, status, page, pageSize, time, ct));
        }).WithSummary("Certificate requests and certificates (SL 30.2): ?status=requested|overdue|issued|refused, ?q= taxpayer, FIN, VÖEN or number; open ones first by deadline");
        c.MapGet("/export.csv", (int municipalityId, string? q, string? status, AppDb db, HttpContext http, TimeProvider time) =>
            ExportAsync(http, db, municipalityId, q, status, time, xlsx: false)).WithSummary("The certificate list as CSV (same filters)");
        c.MapGet("/export.xlsx", (int municipalityId, string? q, string? status, AppDb db, HttpContext http, TimeProvider time) =>
            ExportAsync(http, db, municipalityId, q, status, time, xlsx: true)).WithSummary("The certificate list as XLSX (same filters)");
        c.MapGet("/{certificateId:int}", async (int municipalityId, int certificateId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await Certificates.ViewAsync(db, municipalityId, certificateId, time, ct));
        }).WithSummary("One certificate request with its SL 30.2 deadline explained");
        c.MapGet("/{certificateId:int}/pdf", async (int municipalityId, int certificateId, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            var cert = await db.DebtCertificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId && x.MunicipalityId == municipalityId
                && x.Status == CertificateStatus.Issued, ct);
            return cert is null ? Platform.Http.Problems.NotFound("Certificate") : Pdf(http, cert);
        }).WithSummary("An issued certificate as PDF, with the QR code of its public verification page");
        c.MapPost("", async (int municipalityId, NewCertificateRequest body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var cert = await Certificates.RequestWrittenAsync(db, TaxActor.For(db, municipalityId), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/certificates/{cert.Id}",
                await Certificates.ViewAsync(db, municipalityId, cert.Id, time, ct));
        }).WithSummary("Register a written request (SL 30.2: due in 1 working day): taxpayerId, purpose, requestedOn (dd.MM.yyyy, default today) — tax service");
        c.MapPost("/{certificateId:int}/issue", async (int municipalityId, int certificateId, CertificateIssue body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            await Certificates.IssueAsync(db, TaxActor.For(db, municipalityId), certificateId, body, time, ct);
            return Results.Ok(await Certificates.ViewAsync(db, municipalityId, certificateId, time, ct));
        }).WithSummary("Issue the certificate: the account as of now is frozen into it (version required) — tax service");
        c.MapPost("/{certificateId:int}/refuse", async (int municipalityId, int certificateId, CertificateRefusal body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            await Certificates.RefuseAsync(db, TaxActor.For(db, municipalityId), certificateId, body, time, ct);
            return Results.Ok(await Certificates.ViewAsync(db, municipalityId, certificateId, time, ct));
        }).WithSummary("Refuse the request with a reason (version required) — tax service");
        c.MapPut("/settings", async (int municipalityId, CertificateSettings body, AppDb db, CancellationToken ct) =>
        {
            var s = await Certificates.SetAutomaticAsync(db, TaxActor.For(db, municipalityId), body, ct);
            return Results.Ok(new { issueAutomatically = s.IssueCertificatesAutomatically, s.Version });
        }).WithSummary("Whether self-service requests are issued at once, without waiting for the tax officer — tax service");

        var me = api.MapGroup("/me/taxes").WithTags("Taxes").RequireAuthorization();
        me.MapGet("", async (HttpContext http, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            await using var self = await SelfService.OpenAsync(http.RequestServices, db.Tenant, ct);
            return Results.Ok(await self.ViewAsync(time, ct));
        }).WithSummary("My taxes in every municipality where my FIN is on the register: what I owe and why, notices, instalments, payments, interest, certificates");
        me.MapPost("/certificates", async (MyCertificateRequest body, HttpContext http, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            await using var self = await SelfService.OpenAsync(http.RequestServices, db.Tenant, ct);
            var cert = await self.RequestCertificateAsync(body, db.Tenant.UserName ?? "", time, ct);
            return Results.Created($"/api/v1/me/taxes/certificates/{cert.Id}/pdf", new MyCertificate(cert.Id, cert.RequestedOn, cert.DueOn, cert.Channel, cert.Status,
                cert.Number is { } n ? $"{n}/{cert.Year}" : null, cert.IssuedAt,
                cert.Status == CertificateStatus.Issued ? (cert.PrincipalQepik ?? 0) + (cert.InterestQepik ?? 0) > 0 : null, cert.RefusalReason));
        }).WithSummary("Request a certificate of my debts (SL 30.2: within 1 working day): taxpayerId (optional when I have one record), purpose");
        me.MapGet("/certificates/{certificateId:int}/pdf", async (int certificateId, HttpContext http, AppDb db, CancellationToken ct) =>
        {
            await using var self = await SelfService.OpenAsync(http.RequestServices, db.Tenant, ct);
            return Pdf(http, await self.MyIssuedCertificateAsync(certificateId, ct));
        }).WithSummary("My issued certificate as PDF; anyone else's is 404");

        api.MapGet("/public/verify/certificates/{code}", async (string code, AppDb db, CancellationToken ct) =>
            await Certificates.VerifyAsync(db, code, ct) is { } v ? Results.Ok(v) : Platform.Http.Problems.NotFound("Certificate"))
            .AllowAnonymous().WithTags("Taxes").WithSummary("Check a certificate by its QR code: municipality, number, issue time and whether there is a debt — never the name or FIN");
    }

    public static string VerifyUrl(HttpContext http, string? code) => $"{http.Request.Scheme}://{http.Request.Host}/Verify/Certificate/{code}";

    public static IResult Pdf(HttpContext http, DebtCertificate cert) =>
        Results.Extensions.Pdf(CertificateDocuments.Pdf(cert, CertificateContent.Read(cert.Content), VerifyUrl(http, cert.VerificationCode)),
            $"arayis-{cert.Number}-{cert.Year}.pdf");

    private static async Task<IResult> ExportAsync(HttpContext http, AppDb db, int municipalityId, string? q, string? status, TimeProvider time, bool xlsx)
    {
        TaxActor.For(db, municipalityId).RequireRead();
        var ct = http.RequestAborted;
        var today = Clock.Today(time);
        string[] header =
        [
            "id", Tr("Nömrə", "Number"), Tr("Vergi ödəyicisi", "Taxpayer"), "FİN/VÖEN", Tr("Müraciət", "Requested on"), Tr("Son müddət", "Due"),
            Tr("Kanal", "Channel"), Tr("Müraciət edən", "Requested by"), Tr("Məqsəd", "Purpose"), Tr("Vəziyyət", "Status"), Tr("Gecikir", "Overdue"),
            Tr("Verilib", "Issued at"), Tr("Gec verilib", "Issued late"), Tr("Kim verib", "Issued by"), Tr("Borc", "Debt"), Tr("İmtina səbəbi", "Refusal reason"),
        ];
        // Streams in pages of 500 so a long history never sits in memory.
        async IAsyncEnumerable<IReadOnlyList<object?>> Rows()
        {
            var query = Certificates.Query(db, municipalityId, q, status, today).OrderBy(c => c.Id);
            var last = 0;
            while (true)
            {
                var batch = await query.Where(c => c.Id > last).Take(500).ToListAsync(ct);
                if (batch.Count == 0) yield break;
                foreach (var v in await Certificates.ViewsAsync(db, batch, today, ct))
                    yield return [v.Id, v.Number, v.TaxpayerName, v.PersonalId ?? v.TaxId, v.RequestedOn, v.DueOn, Certificates.ChannelName(v.Channel), v.RequestedBy,
                        v.Purpose, Certificates.StatusName(v.Status), v.Overdue ? T.Yes.ToString() : "", Fmt.DateTime(v.IssuedAt), v.IssuedLate ? T.Yes.ToString() : "",
                        v.IssuedBy, v.DebtQepik is { } d ? OpenBams.Law.Money.FromQepik(d).ToString() : null, v.RefusalReason];
                last = batch[^1].Id;
            }
        }
        var name = $"arayislar-{municipalityId}";
        if (xlsx)
        {
            http.Response.ContentType = Xlsx.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await Xlsx.WriteAsync(http.Response.Body, Tr("Arayışlar", "Certificates"), header, Rows(), ct);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await Csv.WriteAsync(http.Response.Body, header, Rows().Select(r => (IReadOnlyList<string?>)r.Select(v => v switch
            {
                null => null,
                DateOnly d => Fmt.Date(d),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            }).ToList()), ct);
        }
        return Results.Empty;
    }

    private static string Tr(string az, string en) => Text.English ? en : az;
}
