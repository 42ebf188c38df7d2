using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record NewInquiry(string? Addressee, string? Subject, bool NeedsVerification = false, DateOnly? ReceivedOn = null);
public sealed record InquiryAnswer(string? Answer, DateOnly? AnsweredOn = null, long? Version = null);
public sealed record InquiryVerification(long? Version = null);

public sealed record InquiryView(int Id, int MemberId, string Member, string Addressee, string Subject, DateOnly ReceivedOn,
    bool NeedsVerification, DateOnly DueOn, string DueExplanation, string Rule, DateOnly? AnsweredOn, string? Answer,
    bool Answered, bool Overdue, bool AnsweredLate, long Version);

/// <summary>
/// MEMBER 5: a member's inquiry to the municipality's officials, executive bodies, enterprises and institutions,
/// answered within 15 days, or within one month when it needs extra study or verification. Deadlines come from
/// the working calendar (a last day that is not a working day moves to the next one).
/// </summary>
public static class Inquiries
{
    public static async Task<IReadOnlyList<InquiryView>> ListAsync(AppDb db, int municipalityId, int? memberId, bool? open, bool? overdue,
        TimeProvider time, CancellationToken ct = default)
    {
        var q = db.MemberInquiries.Where(i => i.MunicipalityId == municipalityId);
        if (memberId is { } mid) q = q.Where(i => i.MemberId == mid);
        if (open == true) q = q.Where(i => i.AnsweredOn == null);
        if (open == false) q = q.Where(i => i.AnsweredOn != null);
        var rows = await q.OrderByDescending(i => i.ReceivedOn).ThenByDescending(i => i.Id).ToListAsync(ct);
        var views = await ViewsAsync(db, municipalityId, rows, time, ct);
        return overdue is { } o ? views.Where(v => v.Overdue == o).ToList() : views;
    }

    public static async Task<InquiryView> GetAsync(AppDb db, int municipalityId, int inquiryId, TimeProvider time, CancellationToken ct = default)
    {
        var i = await FindAsync(db, municipalityId, inquiryId, ct);
        return (await ViewsAsync(db, municipalityId, [i], time, ct))[0];
    }

    /// <summary>MEMBER 4, 5: a member submits an inquiry; the answer is due in 15 days (1 month with verification).</summary>
    [Law("MEMBER 5")]
    public static async Task<InquiryView> SubmitAsync(AppDb db, CouncilActor actor, NewInquiry body, TimeProvider time, CancellationToken ct = default)
    {
        var member = actor.Member ?? throw new LegalRuleViolation(new(Acts.MEMBER, "4"), "memberId",
            "Sorğunu bələdiyyə üzvü verir", "An inquiry is submitted by a member of the council");
        var today = Clock.Today(time);
        if (string.IsNullOrWhiteSpace(body.Addressee))
            throw new InputError("addressee", new Text("Sorğunun ünvanlandığı vəzifəli şəxs, orqan və ya müəssisə tələb olunur",
                "Name the official, body or municipal institution the inquiry is addressed to"));
        if (string.IsNullOrWhiteSpace(body.Subject))
            throw new InputError("subject", new Text("Sorğunun mövzusu tələb olunur", "The subject of the inquiry is required"));
        if (body.Addressee.Trim().Length > 300 || body.Subject.Trim().Length > 500)
            throw new InputError(body.Addressee.Trim().Length > 300 ? "addressee" : "subject", new Text("Mətn çox uzundur", "The text is too long"));
        var received = body.ReceivedOn ?? today;
        if (received > today)
            throw new InputError("receivedOn", new Text("Sorğunun alınma tarixi gələcəkdə ola bilməz", "The day the inquiry was received cannot be in the future"));
        if (received < member.MandateConfirmedOn)
            throw new InputError("receivedOn", new Text("Sorğu mandat təsdiq edildikdən sonra verilir", "An inquiry is made during the mandate"));
        var calendar = await WorkingCalendars.LoadAsync(db, received.Year, received.Year + 1, ct);
        var inquiry = new MemberInquiry
        {
            MunicipalityId = actor.MunicipalityId, MemberId = member.Id, Addressee = body.Addressee.Trim(), Subject = body.Subject.Trim(),
            ReceivedOn = received, NeedsVerification = body.NeedsVerification,
            DueOn = Mandates.InquiryAnswerDue(calendar, received, body.NeedsVerification).Due,
        };
        db.MemberInquiries.Add(inquiry);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, inquiry.Id, time, ct);
    }

    /// <summary>
    /// MEMBER 5: when the inquiry needs extra study or verification the answer is due within one month. The answering
    /// side says so within the first 15 days; a deadline already missed is not extended.
    /// </summary>
    [Law("MEMBER 5")]
    public static async Task<InquiryView> NeedsVerificationAsync(AppDb db, CouncilActor actor, int inquiryId, InquiryVerification body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var i = await FindAsync(db, actor.MunicipalityId, inquiryId, ct);
        MandateCases.CheckVersion(i, body.Version);
        if (i.AnsweredOn is not null) throw Answered();
        if (i.NeedsVerification)
            throw new InputError("inquiryId", new Text("Müddət artıq bir aydır", "The deadline is already one month"), StatusCodes.Status409Conflict);
        if (Clock.Today(time) > i.DueOn)
            throw new LegalRuleViolation(new(Acts.MEMBER, "5"), "inquiryId",
                $"15 günlük müddət {Fmt.Date(i.DueOn)} tarixində bitib; keçmiş müddət uzadılmır",
                $"The 15-day deadline ended on {Fmt.Date(i.DueOn)}; a missed deadline is not extended");
        var calendar = await WorkingCalendars.LoadAsync(db, i.ReceivedOn.Year, i.ReceivedOn.Year + 1, ct);
        i.NeedsVerification = true;
        i.DueOn = Mandates.InquiryAnswerDue(calendar, i.ReceivedOn, true).Due;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, i.Id, time, ct);
    }

    /// <summary>The answer, recorded by staff or the chairman; a late answer stays marked as late.</summary>
    [Law("MEMBER 5")]
    public static async Task<InquiryView> AnswerAsync(AppDb db, CouncilActor actor, int inquiryId, InquiryAnswer body, TimeProvider time, CancellationToken ct = default)
    {
        actor.RequireRecordKeeper();
        var i = await FindAsync(db, actor.MunicipalityId, inquiryId, ct);
        MandateCases.CheckVersion(i, body.Version);
        if (i.AnsweredOn is not null) throw Answered();
        if (string.IsNullOrWhiteSpace(body.Answer))
            throw new InputError("answer", new Text("Cavabın mətni tələb olunur", "The text of the answer is required"));
        var today = Clock.Today(time);
        var on = body.AnsweredOn ?? today;
        if (on > today || on < i.ReceivedOn)
            throw new InputError("answeredOn", new Text("Cavab tarixi sorğunun alındığı gündən bu günədək olmalıdır",
                "The answer's date must lie between the day the inquiry was received and today"));
        i.AnsweredOn = on;
        i.Answer = body.Answer.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor.MunicipalityId, i.Id, time, ct);
    }

    public static async Task<MemberInquiry> FindAsync(AppDb db, int municipalityId, int inquiryId, CancellationToken ct) =>
        await db.MemberInquiries.FirstOrDefaultAsync(i => i.Id == inquiryId && i.MunicipalityId == municipalityId, ct) ?? throw new NotFound("Inquiry");

    private static async Task<IReadOnlyList<InquiryView>> ViewsAsync(AppDb db, int municipalityId, IReadOnlyList<MemberInquiry> rows, TimeProvider time, CancellationToken ct)
    {
        var today = Clock.Today(time);
        var names = await db.CouncilMembers.Where(m => m.MunicipalityId == municipalityId).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var years = rows.Select(r => r.ReceivedOn.Year).DefaultIfEmpty(today.Year).ToList();
        var calendar = await WorkingCalendars.LoadAsync(db, years.Min(), years.Max() + 1, ct);
        return rows.Select(i => new InquiryView(i.Id, i.MemberId, names.GetValueOrDefault(i.MemberId, "—"), i.Addressee, i.Subject, i.ReceivedOn,
            i.NeedsVerification, i.DueOn, Mandates.InquiryAnswerDue(calendar, i.ReceivedOn, i.NeedsVerification).Explain(Text.Lang), "MEMBER 5",
            i.AnsweredOn, i.Answer, i.AnsweredOn is not null, i.AnsweredOn is null && today > i.DueOn,
            i.AnsweredOn is { } a && a > i.DueOn, i.Version)).ToList();
    }

    private static InputError Answered() =>
        new("inquiryId", new Text("Sorğuya artıq cavab verilib", "The inquiry has already been answered"), StatusCodes.Status409Conflict);
}
