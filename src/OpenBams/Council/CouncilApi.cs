using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Pdf;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Council;

/// <summary>
/// The council's API. Everything of one council lives under /municipalities/{municipalityId}/council, so
/// TenantGuard checks the municipality first; roles inside the council (chairman, member, secretary) are
/// checked by the commands themselves from the council's own records.
/// </summary>
public static class CouncilApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var c = api.MapGroup("/municipalities/{municipalityId:int}/council").WithTags("Council").RequireAuthorization();

        c.MapGet("", async (int municipalityId, AppDb db, CancellationToken ct) => Results.Ok(await Members.CompositionAsync(db, municipalityId, ct)))
            .WithSummary("Seats (EC 210.2), sitting members, vacancies (SL 15.6), permanent-member cap (SL 15.2-4), chairman, settings");
        c.MapPut("/settings", async (int municipalityId, SettingsChange body, AppDb db, CancellationToken ct) =>
            Results.Ok(await Members.ChangeSettingsAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, ct)))
            .WithSummary("Charter choices: base of a simple majority (SL 16.4), enforce or warn on notice (SL 16.1), resident voters");

        c.MapGet("/members", async (int municipalityId, string? q, bool? includeEnded, AppDb db, CancellationToken ct) =>
            Results.Ok(await Members.ListAsync(db, municipalityId, q, includeEnded ?? false, ct))).WithSummary("Members and their mandates");
        c.MapGet("/members/{memberId:int}", async (int municipalityId, int memberId, AppDb db, CancellationToken ct) =>
            Results.Ok(await Members.GetAsync(db, municipalityId, memberId, ct))).WithSummary("One member");
        c.MapPost("/members", async (int municipalityId, NewMember body, AppDb db, CancellationToken ct) =>
        {
            var m = await Members.AddAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/members/{m.Id}", m);
        }).WithSummary("Record an elected member with the mandate confirmation (SL 15.1); term 5 years (SL 20.2)");
        c.MapPut("/members/{memberId:int}", async (int municipalityId, int memberId, MemberChange body, AppDb db, CancellationToken ct) =>
            Results.Ok(await Members.ChangeAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), memberId, body, ct)))
            .WithSummary("Contacts, account, permanent basis (SL 15.2-2..4), leaving municipal service (SL 15.2); send the version you read");

        c.MapGet("/sessions", async (int municipalityId, int? year, AppDb db, CancellationToken ct) =>
            Results.Ok(await SessionFlow.ListAsync(db, municipalityId, year, ct))).WithSummary("Sessions, newest first");
        c.MapGet("/sessions/{sessionId:int}", async (int municipalityId, int sessionId, AppDb db, CancellationToken ct) =>
            Results.Ok(await SessionFlow.ViewAsync(db, municipalityId, sessionId, ct)))
            .WithSummary("The live state of a session: attendance, quorum (SL 16.1), agenda, votes with computed results");
        c.MapPost("/sessions", async (int municipalityId, CallSession body, AppDb db, TimeProvider time, Notifier notifier, CancellationToken ct) =>
        {
            var (s, warning) = await SessionFlow.CallAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, time, notifier, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/sessions/{s.Id}", new { session = s, warning });
        }).WithSummary("Call a session: the chairman (Const. 143.II), 5 days' notice (SL 16.1), initiatives (SL 16.2); members are notified");
        c.MapPost("/sessions/{sessionId:int}/agenda", async (int municipalityId, int sessionId, NewAgendaItem body, AppDb db, CancellationToken ct) =>
            Results.Ok(await SessionFlow.AddItemAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, body, ct)))
            .WithSummary("Add an item to the draft agenda; its area (Const. 144) fixes the majority it needs");
        c.MapPost("/sessions/{sessionId:int}/invitees", async (int municipalityId, int sessionId, NewInvitee body, AppDb db, CancellationToken ct) =>
            Results.Ok(await SessionFlow.AddInviteeAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, body, ct)))
            .WithSummary("Record an invited person (SL 16.6)");
        c.MapPost("/sessions/{sessionId:int}/attendance", async (int municipalityId, int sessionId, RegisterAttendance body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.RegisterAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, body, time, ct)))
            .WithSummary("Register attendance (SL 16.1): yourself, or a member (secretary); an excused absence is reported in advance");
        c.MapPost("/sessions/{sessionId:int}/open", async (int municipalityId, int sessionId, OpenSession body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.OpenAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, body, time, ct)))
            .WithSummary("Open the session: quorum of more than half of the members (SL 16.1), chair and secretary (SL 16.5)");
        c.MapPost("/sessions/{sessionId:int}/votes", async (int municipalityId, int sessionId, OpenVote body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.OpenVoteAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, body, time, ct)))
            .WithSummary("Open a vote on the agenda (no item) or an item; refused without quorum");
        c.MapPost("/sessions/{sessionId:int}/votes/{voteId:int}/ballots", async (int municipalityId, int sessionId, int voteId, CastBallot body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.CastAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, voteId, body, time, ct)))
            .WithSummary("Cast your vote: members present only, once per vote");
        c.MapPost("/sessions/{sessionId:int}/votes/{voteId:int}/close", async (int municipalityId, int sessionId, int voteId, SecretCount? body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.CloseVoteAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, voteId, body, time, ct)))
            .WithSummary("Close the vote; the result is computed from the item's rule (SL 16.4, 19.1, Const. 145.III). Secret ballots: send the paper count");
        c.MapPost("/sessions/{sessionId:int}/agenda/{itemId:int}/speeches", async (int municipalityId, int sessionId, int itemId, NewSpeech body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.AddSpeechAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, itemId, body, time, ct)))
            .WithSummary("Record a speech summary for the protocol (SL 16.6)");
        c.MapPost("/sessions/{sessionId:int}/close", async (int municipalityId, int sessionId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await SessionFlow.CloseAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, time, ct)))
            .WithSummary("Close the session; its protocol is drafted (SL 16.6)");
        c.MapPost("/sessions/{sessionId:int}/cancel", async (int municipalityId, int sessionId, AppDb db, CancellationToken ct) =>
            Results.Ok(await SessionFlow.CancelAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), sessionId, ct)))
            .WithSummary("Cancel a session that has not opened");

        c.MapGet("/protocols/{protocolId:int}", async (int municipalityId, int protocolId, AppDb db, CancellationToken ct) =>
            Results.Ok(await ProtocolBook.ViewAsync(db, municipalityId, protocolId, ct))).WithSummary("A protocol with every field of SL 16.6 and the members' remarks");
        c.MapGet("/protocols/{protocolId:int}/pdf", async (int municipalityId, int protocolId, AppDb db, HttpContext http, CancellationToken ct) =>
        {
            var p = await ProtocolBook.ViewAsync(db, municipalityId, protocolId, ct);
            var bytes = CouncilDocuments.Protocol(p, $"{BaseUrl(http)}/Council/{municipalityId}/Protocols/{p.Id}");
            return Results.Extensions.Pdf(bytes, $"protokol-{p.Number}-{p.Year}.pdf");
        }).WithSummary("The protocol as a printable PDF (SL 16.6)");
        c.MapPost("/protocols/{protocolId:int}/remarks", async (int municipalityId, int protocolId, NewRemark body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await ProtocolBook.RemarkAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), protocolId, body, time, ct)))
            .WithSummary("A member's written remark before approval (SL 16.6)");
        c.MapPost("/protocols/{protocolId:int}/redraft", async (int municipalityId, int protocolId, AppDb db, CancellationToken ct) =>
            Results.Ok(await ProtocolBook.RedraftAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), protocolId, ct)))
            .WithSummary("Redraft the unsigned protocol from the session's records (secretary)");
        c.MapPost("/protocols/{protocolId:int}/sign", async (int municipalityId, int protocolId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await ProtocolBook.SignAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), protocolId, time, ct)))
            .WithSummary("Sign as the session's chair or secretary (SL 16.6); with both signatures the protocol is final");
        c.MapPost("/protocols/{protocolId:int}/corrections", async (int municipalityId, int protocolId, NewCorrection body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await ProtocolBook.CorrectAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), protocolId, body, time, ct)))
            .WithSummary("Correct a signed protocol: a new record pointing to it");

        c.MapGet("/decisions", async (int municipalityId, [AsParameters] DecisionQuery q, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.PageAsync(db, municipalityId, q, publishedOnly: false, time, ct))).WithSummary("The register of decisions, searched and paged");
        c.MapGet("/decisions/{decisionId:int}", async (int municipalityId, int decisionId, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var d = await DecisionRegister.FindAsync(db, municipalityId, decisionId, ct);
            return Results.Ok(await DecisionRegister.ViewAsync(db, d.Id, time, ct));
        }).WithSummary("One decision with its vote and its oversight deadline (SL 48.1)");
        c.MapGet("/decisions/{decisionId:int}/pdf", async (int municipalityId, int decisionId, AppDb db, HttpContext http, TimeProvider time, CancellationToken ct) =>
        {
            var d = await DecisionRegister.ViewAsync(db, (await DecisionRegister.FindAsync(db, municipalityId, decisionId, ct)).Id, time, ct);
            return Results.Extensions.Pdf(CouncilDocuments.Decision(d, $"{BaseUrl(http)}/Decisions/{d.Id}"), $"qerar-{d.Number}-{d.Year}.pdf");
        }).WithSummary("The decision as a printable PDF");
        c.MapPost("/decisions/{decisionId:int}/sign", async (int municipalityId, int decisionId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.SignAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), decisionId, time, ct)))
            .WithSummary("The chairman signs the decision (SL 19.4)");
        c.MapPost("/decisions/{decisionId:int}/publish", async (int municipalityId, int decisionId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.PublishAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), decisionId, time, ct)))
            .WithSummary("Publish the signed decision on the public portal (SL 52-1)");
        c.MapPost("/decisions/{decisionId:int}/send", async (int municipalityId, int decisionId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.SendToOversightAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), decisionId, time, ct)))
            .WithSummary("Send the copy to the oversight body (SL 48.1: within 5 working days)");

        var o = api.MapGroup("/oversight").WithTags("Oversight").RequireAuthorization();
        o.MapGet("/decisions", async ([AsParameters] DecisionQuery q, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            if (!db.Tenant.SeesAllMunicipalities) return Problems.Forbidden("Oversight lists are for national roles");
            return Results.Ok(await DecisionRegister.PageAsync(db, null, q, publishedOnly: false, time, ct));
        }).WithSummary("Decisions of every municipality, e.g. ?oversightOverdue=true (SL 48.1)");
        o.MapPost("/decisions/{decisionId:int}/receipt", async (int decisionId, Receipt body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.AcknowledgeAsync(db, decisionId, body, time, ct)))
            .WithSummary("The oversight officer acknowledges the copy with a receipt");

        var p = api.MapGroup("/public").WithTags("Public portal").AllowAnonymous();
        p.MapGet("/decisions", async (int? municipality, [AsParameters] DecisionQuery q, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.PageAsync(db, municipality, q, publishedOnly: true, time, ct)))
            .WithSummary("Published decisions of every council, searched and paged (SL 52-1)");
        p.MapGet("/decisions/{decisionId:int}", async (int decisionId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await DecisionRegister.ViewAsync(db, decisionId, time, ct, published: true)))
            .WithSummary("One published decision");
        p.MapGet("/sessions.ics", async (int municipality, AppDb db, TenantAccessor tenants, TimeProvider time, CancellationToken ct) =>
        {
            // Council sessions are public meetings: their day, place and agenda go to anyone's calendar app,
            // which cannot log in. Read-only, one municipality, nothing personal.
            tenants.Use(Platform.Tenancy.TenantContext.System);
            if (!await db.Municipalities.AnyAsync(m => m.Id == municipality, ct)) return Problems.NotFound("Municipality");
            return Results.Text(await CouncilExports.SessionsCalendarAsync(db, municipality, time, ct), Platform.Export.ICalendar.ContentType);
        }).WithSummary("A council's sessions as an iCalendar feed anyone can subscribe to (?municipality=id)");
        p.MapGet("/decisions/{decisionId:int}/pdf", async (int decisionId, AppDb db, HttpContext http, TimeProvider time, CancellationToken ct) =>
        {
            var d = await DecisionRegister.ViewAsync(db, decisionId, time, ct, published: true);
            return Results.Extensions.Pdf(CouncilDocuments.Decision(d, $"{BaseUrl(http)}/Decisions/{d.Id}"), $"qerar-{d.Number}-{d.Year}.pdf");
        }).WithSummary("A published decision as PDF; its QR code opens the decision on the portal");
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
