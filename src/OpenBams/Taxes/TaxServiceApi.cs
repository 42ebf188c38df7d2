using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Pdf;

namespace OpenBams.Taxes;

/// <summary>
/// The municipal tax service body (Regulation approved by Law N 478-IIQ): audits (TAX-REG 3.2.2, 3.3, 5.1, 5.2), acts on unpaid
/// taxes and their way to a decision, payment or court (5.3-5.12), payers' complaints (6.2-6.6) and the yearly discussion of the
/// service (7.2). Reading is for the staff who read the register (tax secrecy, 3.1.10); writing for the tax service, the
/// chairman where the Regulation names them.
/// </summary>
public static class TaxServiceApi
{
    public static void Map(RouteGroupBuilder m)
    {
        var g = m.MapGroup("").WithTags("Taxes: tax service");

        g.MapGet("/service", async (int municipalityId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxService.OverviewAsync(db, municipalityId, time, ct));
        }).WithSummary("The tax service at a glance: the yearly discussion by the municipality (TAX-REG 7.2), the 6.5 switch, open and overdue acts and complaints");
        g.MapPut("/service/settings", async (int municipalityId, ServiceSettingsChange body, AppDb db, CancellationToken ct) =>
            Results.Ok(await TaxService.ChangeSettingsAsync(db, TaxActor.For(db, municipalityId), body, ct)))
            .WithSummary("TAX-REG 6.5: whether a pending complaint suspends the tax itself (default false, as Tax Code art. 63; sanctions are always suspended); send the version");
        g.MapPost("/service/reviews", async (int municipalityId, NewServiceReview body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxService.AddReviewAsync(db, TaxActor.For(db, municipalityId), body, time, ct)))
            .WithSummary("TAX-REG 7.2: record a council decision as the yearly discussion of the tax service's work");

        Register<AuditQuery, AuditView>(g, "/audits", "Audits", TaxServiceAudits.ListAsync, TaxServiceExports.AuditsAsync,
            "Audits, searched (q: payer, VÖEN, officials, authority) and paged; ?kind, ?status");
        g.MapPost("/audits", async (int municipalityId, NewAudit body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var a = await TaxServiceAudits.CreateAsync(db, TaxActor.For(db, municipalityId), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/audits/{a.Id}", a);
        }).WithSummary("A desk or on-site audit of a legal entity the municipality owns (TAX-REG 3.2.2, 5.1), or participation in a State on-site audit (3.3, 5.2)");
        g.MapGet("/audits/{auditId:int}", async (int municipalityId, int auditId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxServiceAudits.GetAsync(db, municipalityId, auditId, time, ct));
        }).WithSummary("One audit with its flags and acts");
        g.MapPut("/audits/{auditId:int}", async (int municipalityId, int auditId, AuditChange body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxServiceAudits.ChangeAsync(db, TaxActor.For(db, municipalityId), auditId, body, time, ct)))
            .WithSummary("Change an audit, record its findings, move it forward (planned → in progress → completed); send the version you read");
        g.MapPost("/audits/{auditId:int}/sign", async (int municipalityId, int auditId, AuditSignature body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await TaxServiceAudits.SignAsync(db, TaxActor.For(db, municipalityId), auditId, body, time, ct)))
            .WithSummary("The chairman or a deputy signs the decision on taking part in the State audit (TAX-REG 5.2)");

        Register<ActQuery, ActView>(g, "/acts", "Acts", TaxServiceActs.ListAsync, TaxServiceExports.ActsAsync,
            "Acts, searched (q: number, payer, VÖEN, place) and paged; ?status, ?open, ?overdue (decision after day 45), ?year");
        g.MapPost("/acts", async (int municipalityId, NewAct body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireKeeper();
            // TAX-REG 5.3: every missing field is named at once, not only the first.
            var missing = await TaxServiceActs.MissingFieldsAsync(db, municipalityId, body, ct);
            if (missing.Count > 0) return Problems.Fields(StatusCodes.Status422UnprocessableEntity, new LegalReference(Acts.TaxReg, "5.3"), missing.ToArray());
            var a = await TaxServiceActs.CreateAsync(db, TaxActor.For(db, municipalityId), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/acts/{a.Id}", a);
        }).WithSummary("Draw up an act on an unpaid tax with every field of TAX-REG 5.3 (422 names each missing one); numbered per municipality and year");
        g.MapGet("/acts/{actId:int}", async (int municipalityId, int actId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxServiceActs.GetAsync(db, municipalityId, actId, time, ct));
        }).WithSummary("One act: its timeline with each deadline explained, flags, the 5.10 check, the next steps");
        g.MapGet("/acts/{actId:int}/procedure", async (int municipalityId, int actId, DateOnly? on, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxServiceActs.ProcedureAsync(db, municipalityId, actId, on, time, ct));
        }).WithSummary("TAX-REG 5.10: the procedure check of a decision on the act today (or ?on=yyyy-MM-dd)");
        g.MapGet("/acts/{actId:int}/pdf", async (int municipalityId, int actId, AppDb db, HttpContext http, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            var a = await TaxServiceActs.GetAsync(db, municipalityId, actId, time, ct);
            var name = (await db.Municipalities.FindAsync([municipalityId], ct))?.Name ?? "";
            var url = $"{http.Request.Scheme}://{http.Request.Host}/Taxes/{municipalityId}/Service/Acts/{a.Id}";
            return Results.Extensions.Pdf(TaxServiceDocuments.Act(a, name, url), $"akt-{a.Number}-{a.Year}.pdf");
        }).WithSummary("The act as a printable PDF with every field of TAX-REG 5.3 (Azerbaijani, English under the labels)");

        Step<ActDelivery>(g, TaxServiceActs.Delivery, TaxServiceActs.DeliverAsync, "TAX-REG 5.3, 5.9: delivered to the payer (day, method, proof) or deemed delivered the day after a registered letter the payer obstructed; the 30- and 45-day deadlines start");
        Step<ActObjection>(g, TaxServiceActs.Objection, TaxServiceActs.ObjectAsync, "TAX-REG 5.4: the payer's written objection to the whole act or parts; after 30 days recorded as late");
        Step<HearingNoticeInput>(g, TaxServiceActs.HearingNotice, TaxServiceActs.NotifyHearingAsync, "TAX-REG 5.5: the hearing's place and time, told at least 3 working days ahead");
        Step<HearingRecord>(g, TaxServiceActs.Hearing, TaxServiceActs.RecordHearingAsync, "TAX-REG 5.5: heard with the payer, or in absentia without a good reason (an accepted reason re-sets the hearing)");
        Step<ActDecisionInput>(g, TaxServiceActs.Decision, TaxServiceActs.DecideAsync, "TAX-REG 5.6, 5.10: the municipality's decision (court referral or refusal) with its reference, after the procedure check");
        Step<DemandInput>(g, TaxServiceActs.Demand, TaxServiceActs.SendDemandAsync, "TAX-REG 5.7: the decision's copy and the demand (tax, interest, sanctions) sent");
        Step<DemandDeliveryInput>(g, TaxServiceActs.DemandDelivery, TaxServiceActs.DeliverDemandAsync, "TAX-REG 5.8, 5.9: delivered with proof of the day, or deemed delivered after a registered letter");
        Step<VoluntaryPaymentInput>(g, TaxServiceActs.VoluntaryPayment, TaxServiceActs.PaidVoluntarilyAsync, "TAX-REG 5.7: paid voluntarily; the court referral is cancelled (its reference)");
        Step<CourtFilingInput>(g, TaxServiceActs.Court, TaxServiceActs.FileCourtAsync, "TAX-REG 5.11: the municipality went to court on the tax service's representation");
        Step<JudgementInput>(g, TaxServiceActs.Judgement, TaxServiceActs.RecordJudgementAsync, "TAX-REG 5.12: the judgement became final");
        Step<ActClosingInput>(g, TaxServiceActs.Close, TaxServiceActs.CloseAsync, "TAX-REG 5.7, 5.12: close after voluntary payment, a final judgement and its enforcement, or a delivered refusal");

        Register<ComplaintQuery, ComplaintView>(g, "/complaints", "Complaints", TaxServiceComplaints.ListAsync, TaxServiceExports.ComplaintsAsync,
            "Complaints, searched and paged; ?pending, ?overdue (review after 30 days, reply after 10), ?addressedTo");
        g.MapPost("/complaints", async (int municipalityId, NewComplaint body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var c = await TaxServiceComplaints.CreateAsync(db, TaxActor.For(db, municipalityId), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/taxes/complaints/{c.Id}", c);
        }).WithSummary("Register a complaint: routed by what it is against (TAX-REG 6.2); within 3 months of learning of the breach, or restored by the chairman/deputy with a reason (6.4)");
        g.MapGet("/complaints/{complaintId:int}", async (int municipalityId, int complaintId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await TaxServiceComplaints.GetAsync(db, municipalityId, complaintId, time, ct));
        }).WithSummary("One complaint with its limit, review and reply deadlines explained, and its flags");
        ComplaintStep<ComplaintDecisionInput>(g, "decision", TaxServiceComplaints.DecideAsync,
            "TAX-REG 6.6: the decision (by the chairman/deputy, or the council's decision for a complaint to the council); the 10-day reply deadline starts");
        ComplaintStep<ComplaintReplyInput>(g, "reply", TaxServiceComplaints.ReplyAsync, "TAX-REG 6.6: the written reply to the complainant");
        ComplaintStep<ComplaintCourtInput>(g, "court", TaxServiceComplaints.CourtAsync, "TAX-REG 6.3: the payer also went to court or another State body; never blocks anything");
    }

    /// <summary>A step on one act or complaint: the command gets the caller as a TaxActor and checks the role and the rule itself.</summary>
    private delegate Task<TView> Command<in T, TView>(AppDb db, TaxActor actor, int id, T body, TimeProvider time, CancellationToken ct);

    // Two mappers because the route parameter's name (actId, complaintId) is the handler's parameter name.
    private static void Step<T>(RouteGroupBuilder g, string step, Command<T, ActView> command, string summary) =>
        g.MapPost($"/acts/{{actId:int}}/{step}", async (int municipalityId, int actId, T body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await command(db, TaxActor.For(db, municipalityId), actId, body, time, ct))).WithSummary(summary);

    private static void ComplaintStep<T>(RouteGroupBuilder g, string step, Command<T, ComplaintView> command, string summary) =>
        g.MapPost($"/complaints/{{complaintId:int}}/{step}", async (int municipalityId, int complaintId, T body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await command(db, TaxActor.For(db, municipalityId), complaintId, body, time, ct))).WithSummary(summary);

    /// <summary>A register of the tax service for the staff who read the register (tax secrecy, TAX-REG 3.1.10): the list, searched and paged, and the same
    /// filters as CSV and XLSX.</summary>
    private static void Register<TQuery, TView>(RouteGroupBuilder g, string path, string title,
        Func<AppDb, int, TQuery, TimeProvider, CancellationToken, Task<PageOf<TView>>> list, Func<HttpContext, AppDb, int, TQuery, TimeProvider, bool, Task> export,
        string summary)
    {
        g.MapGet(path, async (int municipalityId, [AsParameters] TQuery q, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            TaxActor.For(db, municipalityId).RequireRead();
            return Results.Ok(await list(db, municipalityId, q, time, ct));
        }).WithSummary(summary);
        foreach (var (ext, xlsx) in new[] { ("csv", false), ("xlsx", true) })
            g.MapGet($"{path}/export.{ext}", async (int municipalityId, [AsParameters] TQuery q, AppDb db, TimeProvider time, HttpContext http) =>
            {
                TaxActor.For(db, municipalityId).RequireRead();
                await export(http, db, municipalityId, q, time, xlsx);
                return Results.Empty;
            }).WithSummary($"{title} as {ext.ToUpperInvariant()}");
    }
}
