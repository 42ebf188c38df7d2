using OpenBams.Platform.Data;
using OpenBams.Platform.Export;

namespace OpenBams.Council;

/// <summary>
/// The council's duties and the records around its sessions: flags (what is due or missed), mandate cases (SL 21-23),
/// reports to voters (SL 15.4), members' inquiries (MEMBER 5), commissions (COMM), citizens' meetings (SL 28), the
/// charter (SL 8) and the open-data exports. Reads are for anyone who may see the municipality (TenantGuard);
/// each command checks who may write.
/// </summary>
public static class CouncilDutiesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var c = api.MapGroup("/municipalities/{municipalityId:int}/council").RequireAuthorization();

        var duties = c.MapGroup("").WithTags("Council duties");
        duties.MapGet("/flags", async (int municipalityId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CouncilDuties.FlagsAsync(db, municipalityId, time, ct)))
            .WithSummary("Duties due and missed: monthly sessions (SL 16.1), absences (SL 22.6), voter reports (SL 15.4), inquiries (MEMBER 5), " +
                         "permanent basis (SL 15.2, 15.2-2, 15.2-3), hand-over (SL 19.6), vacancies (SL 15.6), oversight copies (SL 48.1), commissions (COMM 6; COMM 7: monthly meetings, yearly report), mandate cases (SL 23), charter (SL 8.3)");
        duties.MapPost("/members/{memberId:int}/handover", async (int municipalityId, int memberId, HandoverDone? body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CouncilDuties.RecordHandoverAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), memberId, body ?? new(), time, ct)))
            .WithSummary("Record that the outgoing chairman handed over the documents (SL 19.6: within 10 days)");

        var cases = c.MapGroup("/mandate-cases").WithTags("Council mandates");
        cases.MapGet("", async (int municipalityId, MandateCaseStatus? status, int? memberId, AppDb db, CancellationToken ct) =>
            Results.Ok(await MandateCases.ListAsync(db, municipalityId, status, memberId, ct)))
            .WithSummary("Grounds for loss or early termination of mandates (SL 21, 22), open or decided");
        cases.MapGet("/{caseId:int}", async (int municipalityId, int caseId, AppDb db, CancellationToken ct) =>
            Results.Ok(await MandateCases.GetAsync(db, municipalityId, caseId, ct))).WithSummary("One mandate case");
        cases.MapPost("", async (int municipalityId, NewMandateCase body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var v = await MandateCases.RaiseAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/mandate-cases/{v.Id}", v);
        }).WithSummary("Raise a ground of SL 21 or 22 (staff); the court decision in force is required for the grounds of SL 23 and suspends the powers (SL 22-1.2)");
        cases.MapPost("/raise-absences", async (int municipalityId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await MandateCases.RaiseAbsencesAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), time, ct)))
            .WithSummary("Open cases for the SL 22.6 grounds in the attendance of closed sessions (idempotent)");
        cases.MapPost("/{caseId:int}/court-decision", async (int municipalityId, int caseId, CourtDecisionEntry body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await MandateCases.RecordCourtDecisionAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), caseId, body, time, ct)))
            .WithSummary("Record the court decision in force (SL 23); the powers are suspended until the council decides (SL 22-1.2)");
        cases.MapPost("/{caseId:int}/dismiss", async (int municipalityId, int caseId, DismissMandateCase body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await MandateCases.DismissAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), caseId, body, time, ct)))
            .WithSummary("Close a case without ending the mandate; only a council decision ends a mandate (SL 23)");

        var reports = c.MapGroup("/members/{memberId:int}/voter-reports").WithTags("Council duties");
        reports.MapGet("", async (int municipalityId, int memberId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await VoterReports.ListAsync(db, municipalityId, memberId, time, ct)))
            .WithSummary("A member's reports to the voters and the next one due (SL 15.4: at least every 6 months)");
        reports.MapPost("", async (int municipalityId, int memberId, NewVoterReport body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await VoterReports.RecordAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), memberId, body, time, ct)))
            .WithSummary("Record a report to the voters (the member, or staff) (SL 15.4, MEMBER 9)");

        var inquiries = c.MapGroup("/inquiries").WithTags("Council duties");
        inquiries.MapGet("", async (int municipalityId, int? memberId, bool? open, bool? overdue, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await Inquiries.ListAsync(db, municipalityId, memberId, open, overdue, time, ct)))
            .WithSummary("Members' inquiries with their due dates (MEMBER 5: 15 days, or one month with verification)");
        inquiries.MapGet("/{inquiryId:int}", async (int municipalityId, int inquiryId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await Inquiries.GetAsync(db, municipalityId, inquiryId, time, ct))).WithSummary("One inquiry");
        inquiries.MapPost("", async (int municipalityId, NewInquiry body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var v = await Inquiries.SubmitAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/inquiries/{v.Id}", v);
        }).WithSummary("A member submits an inquiry to municipal officials, bodies or institutions (MEMBER 4, 5)");
        inquiries.MapPost("/{inquiryId:int}/verification", async (int municipalityId, int inquiryId, InquiryVerification? body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await Inquiries.NeedsVerificationAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), inquiryId, body ?? new(), time, ct)))
            .WithSummary("The inquiry needs extra study or verification: answer within one month (MEMBER 5), said within the 15 days");
        inquiries.MapPost("/{inquiryId:int}/answer", async (int municipalityId, int inquiryId, InquiryAnswer body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await Inquiries.AnswerAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), inquiryId, body, time, ct)))
            .WithSummary("Record the answer (staff or chairman); a late answer stays marked (MEMBER 5)");

        var commissions = c.MapGroup("").WithTags("Council commissions");
        commissions.MapGet("/commissions", async (int municipalityId, bool? includeAbolished, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.ListAsync(db, municipalityId, includeAbolished ?? false, time, ct)))
            .WithSummary("Permanent and other commissions with members, chair and the yearly report due (SL 17, COMM 5-7)");
        commissions.MapGet("/commissions/{commissionId:int}", async (int municipalityId, int commissionId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.GetAsync(db, municipalityId, commissionId, time, ct))).WithSummary("One commission");
        commissions.MapPost("/commissions", async (int municipalityId, NewCommission body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var v = await CommissionWork.CreateAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/commissions/{v.Id}", v);
        }).WithSummary("Set up a commission: at least 3 sitting members (COMM 6); an other commission's term within the council's (COMM 5)");
        commissions.MapPost("/commissions/{commissionId:int}/officers", async (int municipalityId, int commissionId, CommissionOfficers body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.ElectOfficersAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), commissionId, body, time, ct)))
            .WithSummary("Chair and deputy elected from the commission's members; a member chairs only one commission (COMM 6)");
        commissions.MapPut("/commissions/{commissionId:int}/members", async (int municipalityId, int commissionId, CommissionComposition body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.ChangeCompositionAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), commissionId, body, time, ct)))
            .WithSummary("Change the composition (COMM 5), still at least 3 sitting members (COMM 6)");
        commissions.MapPost("/commissions/{commissionId:int}/abolish", async (int municipalityId, int commissionId, AbolishCommission? body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.AbolishAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), commissionId, body ?? new(), time, ct)))
            .WithSummary("Abolish a commission (COMM 5)");
        commissions.MapGet("/commission-meetings", async (int municipalityId, int? commissionId, AppDb db, CancellationToken ct) =>
            Results.Ok(await CommissionWork.MeetingsAsync(db, municipalityId, commissionId, ct)))
            .WithSummary("Commission meetings and joint meetings with each commission's count (COMM 8, 9, 14)");
        commissions.MapPost("/commission-meetings", async (int municipalityId, NewCommissionMeeting body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.RecordMeetingAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, time, ct)))
            .WithSummary("Record a meeting: 2 days' notice, more than half of each commission present, absent members excused if they told the chair in advance (COMM 8); " +
                         "presided by the chair, deputy or a member the chairman designated (COMM 17), at a joint meeting by the person elected (COMM 14); " +
                         "adopted by a majority of those present in each commission (COMM 9); reports to the council (COMM 7, SL 17.5)");
        commissions.MapGet("/commission-meetings/{commissionMeetingId:int}", async (int municipalityId, int commissionMeetingId, AppDb db, CancellationToken ct) =>
            Results.Ok(await CommissionWork.GetMeetingAsync(db, municipalityId, commissionMeetingId, ct)))
            .WithSummary("One commission meeting with its separate opinions (COMM 19) and signatures (COMM 20)");
        commissions.MapPost("/commission-meetings/{commissionMeetingId:int}/dissents", async (int municipalityId, int commissionMeetingId, NewDissent body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.AddDissentAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), commissionMeetingId, body, time, ct)))
            .WithSummary("Attach a member's separate opinion to the decision: a member present of a commission taking part, until the minutes are final (COMM 19, 20)");
        commissions.MapPut("/commission-meetings/{commissionMeetingId:int}/minutes", async (int municipalityId, int commissionMeetingId, MeetingMinutes body, AppDb db, CancellationToken ct) =>
            Results.Ok(await CommissionWork.WriteMinutesAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), commissionMeetingId, body, ct)))
            .WithSummary("Write the minutes until they are final; signatures already given are withdrawn (COMM 20)");
        commissions.MapPost("/commission-meetings/{commissionMeetingId:int}/signatures", async (int municipalityId, int commissionMeetingId, SignMeeting? body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CommissionWork.SignAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), commissionMeetingId, body ?? new(), time, ct)))
            .WithSummary("The chair signs the decision, opinions and minutes; at a joint meeting the chair of every commission concerned; final with the last signature (COMM 20, 17)");

        var citizens = c.MapGroup("/citizens-meetings").WithTags("Citizens' meetings");
        citizens.MapGet("", async (int municipalityId, AppDb db, CancellationToken ct) => Results.Ok(await CitizensMeetingBook.ListAsync(db, municipalityId, ct)))
            .WithSummary("Citizens' meetings (SL 28)");
        citizens.MapGet("/{citizensMeetingId:int}", async (int municipalityId, int citizensMeetingId, AppDb db, CancellationToken ct) =>
            Results.Ok(await CitizensMeetingBook.GetAsync(db, municipalityId, citizensMeetingId, ct))).WithSummary("One citizens' meeting");
        citizens.MapPost("", async (int municipalityId, NewCitizensMeeting body, AppDb db, TimeProvider time, CancellationToken ct) =>
        {
            var v = await CitizensMeetingBook.RecordAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, time, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/citizens-meetings/{v.Id}", v);
        }).WithSummary("Record a citizens' meeting: population under 500 unless on a merger or separation (SL 28.1, 28.5); quorum 25% of resident voters (SL 28.4)");

        var charter = c.MapGroup("/charter").WithTags("Charter");
        charter.MapGet("", async (int municipalityId, AppDb db, CancellationToken ct) => Results.Ok(await CharterBook.OverviewAsync(db, municipalityId, ct)))
            .WithSummary("The charter in force (the latest registered, SL 8.5) and the versions awaiting registration");
        charter.MapGet("/{charterVersionId:int}", async (int municipalityId, int charterVersionId, AppDb db, CancellationToken ct) =>
            Results.Ok(await CharterBook.GetAsync(db, municipalityId, charterVersionId, ct))).WithSummary("One charter version");
        charter.MapPost("", async (int municipalityId, NewCharterVersion body, AppDb db, CancellationToken ct) =>
        {
            var v = await CharterBook.AdoptAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), body, ct);
            return Results.Created($"/api/v1/municipalities/{municipalityId}/council/charter/{v.Id}", v);
        }).WithSummary("Record an adopted charter with the 10 contents of SL 8.2, adopted by a council decision or a quorate citizens' meeting (SL 8.1, 28.3)");
        charter.MapPost("/{charterVersionId:int}/registration", async (int municipalityId, int charterVersionId, CharterRegistration body, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Ok(await CharterBook.RegisterAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), charterVersionId, body, time, ct)))
            .WithSummary("State registration by the Ministry of Justice (SL 8.3): in force from that day (SL 8.5)");
        charter.MapPost("/{charterVersionId:int}/refusal", async (int municipalityId, int charterVersionId, CharterRefusal body, AppDb db, CancellationToken ct) =>
            Results.Ok(await CharterBook.RefuseAsync(db, await CouncilActor.ForAsync(db, municipalityId, ct), charterVersionId, body, ct)))
            .WithSummary("Registration refused: only for contradicting the Constitution, laws or executive acts; may be appealed (SL 8.4)");

        var exports = c.MapGroup("").WithTags("Council open data");
        exports.MapGet("/sessions.ics", async (int municipalityId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Text(await CouncilExports.SessionsCalendarAsync(db, municipalityId, time, ct), ICalendar.ContentType))
            .WithSummary("Sessions as an iCalendar feed (RFC 5545), Asia/Baku time; cancelled sessions marked CANCELLED");
        exports.MapGet("/popolo.json", async (int municipalityId, AppDb db, TimeProvider time, CancellationToken ct) =>
            Results.Json(await CouncilExports.PopoloAsync(db, municipalityId, time, ct), CouncilExports.PopoloJson))
            .WithSummary("The council as Popolo / Open Civic Data: persons, organizations, memberships, events, motions, vote events (never a secret ballot's choices), decisions");
        exports.MapGet("/members/export.csv", async (int municipalityId, bool? includeEnded, AppDb db, HttpContext http) =>
        {
            await CouncilExports.WriteMembersAsync(http, db, municipalityId, includeEnded ?? true, xlsx: false);
            return Results.Empty;
        }).WithSummary("Members as CSV (UTF-8)");
        exports.MapGet("/members/export.xlsx", async (int municipalityId, bool? includeEnded, AppDb db, HttpContext http) =>
        {
            await CouncilExports.WriteMembersAsync(http, db, municipalityId, includeEnded ?? true, xlsx: true);
            return Results.Empty;
        }).WithSummary("Members as XLSX");
        exports.MapGet("/decisions/export.csv", async (int municipalityId, int? year, AppDb db, TimeProvider time, HttpContext http) =>
        {
            await CouncilExports.WriteDecisionsAsync(http, db, municipalityId, year, time, xlsx: false);
            return Results.Empty;
        }).WithSummary("The register of decisions as CSV, with votes and the oversight deadline (SL 48.1)");
        exports.MapGet("/decisions/export.xlsx", async (int municipalityId, int? year, AppDb db, TimeProvider time, HttpContext http) =>
        {
            await CouncilExports.WriteDecisionsAsync(http, db, municipalityId, year, time, xlsx: true);
            return Results.Empty;
        }).WithSummary("The register of decisions as XLSX");
    }
}
