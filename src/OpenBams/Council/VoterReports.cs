using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

public sealed record NewVoterReport(DateOnly HeldOn, string? Place, string? Summary);
public sealed record VoterReportView(int Id, DateOnly HeldOn, string Place, string Summary);
public sealed record VoterReportsView(int MemberId, string Member, DateOnly MandateStart, DateOnly? LastReportOn, DateOnly NextDueOn,
    bool Overdue, string Rule, IReadOnlyList<VoterReportView> Reports);

/// <summary>SL 15.4 (MEMBER 9): every member reports to the voters at least once every six months.</summary>
public static class VoterReports
{
    public static async Task<VoterReportsView> ListAsync(AppDb db, int municipalityId, int memberId, TimeProvider time, CancellationToken ct = default)
    {
        var member = await Members.FindAsync(db, municipalityId, memberId, ct);
        var reports = await db.VoterReports.Where(r => r.MemberId == member.Id).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        var last = reports.Select(r => (DateOnly?)r.HeldOn).FirstOrDefault();
        var due = Mandates.NextReportToVotersDue(member.MandateConfirmedOn, last);
        return new VoterReportsView(member.Id, member.FullName, member.MandateConfirmedOn, last, due,
            member.Status != MemberStatus.Ended && Clock.Today(time) > due, "SL 15.4",
            reports.Select(r => new VoterReportView(r.Id, r.HeldOn, r.Place, r.Summary)).ToList());
    }

    /// <summary>The member records their own report; the secretary or administrator may record it for them.</summary>
    [Law("SL 15.4")]
    public static async Task<VoterReportsView> RecordAsync(AppDb db, CouncilActor actor, int memberId, NewVoterReport body, TimeProvider time, CancellationToken ct = default)
    {
        if (actor.Member?.Id != memberId && !actor.KeepsRecords)
            throw new NotPermitted(new Text("Hesabatı üzvün özü və ya bələdiyyənin katibi qeyd edir", "The member or the municipality's secretary records the report"));
        var member = await Members.FindAsync(db, actor.MunicipalityId, memberId, ct);
        if (member.Status == MemberStatus.Ended)
            throw new InputError("memberId", new Text("Bu üzvün səlahiyyətlərinə xitam verilib", "This member's mandate has ended"));
        var today = Clock.Today(time);
        if (body.HeldOn > today)
            throw new InputError("heldOn", new Text("Keçirilməmiş görüş qeyd edilə bilməz", "A meeting that has not taken place cannot be recorded"));
        if (body.HeldOn < member.MandateConfirmedOn)
            throw new LegalRuleViolation(new(Acts.SL, "15.4"), "heldOn",
                "Seçicilərə hesabat mandat təsdiq edildikdən sonra verilir", "A report to the voters counts from the mandate's confirmation");
        if (string.IsNullOrWhiteSpace(body.Place))
            throw new InputError("place", new Text("Görüşün keçirildiyi yer tələb olunur", "The place of the meeting is required"));
        if (body.Place.Trim().Length > 300)
            throw new InputError("place", new Text("Yer 300 simvoldan uzun ola bilməz", "The place may not be longer than 300 characters"));
        if (string.IsNullOrWhiteSpace(body.Summary))
            throw new InputError("summary", new Text("Hesabatın qısa məzmunu tələb olunur", "A summary of the report is required"));
        db.VoterReports.Add(new VoterReport
        {
            MunicipalityId = actor.MunicipalityId, MemberId = member.Id, HeldOn = body.HeldOn,
            Place = body.Place.Trim(), Summary = body.Summary.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return await ListAsync(db, actor.MunicipalityId, member.Id, time, ct);
    }
}
