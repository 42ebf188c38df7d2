using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Taxes;

/// <summary>
/// The interface of the Government Payment Portal (HÖP; seed 000: local taxes are collected centrally through the Central
/// Bank's portal), for its technical account (role PaymentPortal, national) only: what is due for a reference or a FIN,
/// posting a payment once per Idempotency-Key, its receipt, and a day's reconciliation. The account sees nothing else of the
/// register: names are masked and FINs never returned.
/// </summary>
public static class PaymentPortal
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/payment-portal").WithTags("Payment portal")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireAssertion(c => TenantContext.FromPrincipal(c.User).Has(Role.PaymentPortal)))
            .AddEndpointFilter(async (context, next) =>
            {
                // HÖP collects for every municipality: here, and only here, its account reads all of them (elsewhere it sees none).
                var tenants = context.HttpContext.RequestServices.GetRequiredService<TenantAccessor>();
                var t = tenants.Current;
                tenants.Use(new TenantContext(t.UserId, t.UserName, true, t.Municipalities, t.Roles));
                return await next(context);
            });

        g.MapGet("/due", async (string? reference, string? fin, int? municipalityId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var account = await Payments.FindAccountAsync(db, reference, fin, municipalityId, ct);
            return Results.Ok(await Payments.DueAsync(db, account, time, Text.Lang, ct));
        }).WithSummary("What is due now for a payment reference, or a FIN/VÖEN in a municipality: masked name, open items, accrued interest (FL 7.1.11), total");

        g.MapPost("/payments", async (PortalPaymentRequest body, HttpContext http, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
            var (receipt, created) = await Payments.PayAsync(db, key, body, db.Tenant.UserName ?? "payment-portal", time, Text.Lang, ct);
            return created
                ? Results.Created($"/api/v1/payment-portal/payments/{receipt.PaymentId}/receipt", receipt)
                : Results.Ok(receipt);
        }).WithSummary("Post a payment (header Idempotency-Key required): 201 with the receipt; the same key and body again: 200 with the same receipt; the same key with another body: 409. Never cash (SL 43.1)");

        g.MapGet("/payments/{paymentId:long}/receipt", async (long paymentId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await Payments.ReceiptAsync(db, paymentId, Text.Lang, time, ct)))
            .WithSummary("The receipt of a portal payment: what it paid, the credit and what is still due");

        g.MapGet("/payments/{paymentId:long}/receipt.pdf", async (long paymentId, AppDb db, HttpContext http, TimeProvider time, CancellationToken ct) =>
        {
            var receipt = await Payments.ReceiptAsync(db, paymentId, Text.Lang, time, ct);
            return Results.Extensions.Pdf(Payments.ReceiptPdf(receipt, Text.Lang, $"{NoticesApi.BaseUrl(http)}/Verify/Receipt/{receipt.ReceiptCode}"), $"qebz-{receipt.PaymentId}.pdf");
        }).WithSummary("A printable receipt (PDF) with a QR code to the public check /Verify/Receipt/{code}");

        g.MapGet("/reconciliation", async (string? date, AppDb db, CancellationToken ct) =>
        {
            if (!Fmt.TryParseDate(date, out var day))
                throw new InputError("date", new Text("Tarix iiii-aa-gg formatında tələb olunur", "A date yyyy-MM-dd is required"), StatusCodes.Status400BadRequest);
            return Results.Ok(await Payments.ReconcileAsync(db, day, ct));
        }).WithSummary("The day's portal payments (by payment day) per municipality: count, sum, ids and transaction ids, to match the portal's own totals");
    }
}
