using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>One session in a member's attendance history: a closed session and what the record says of the member.</summary>
public sealed record AttendanceRow(int SessionId, DateOnly On, string Place, AttendanceStatus? Status);

/// <summary>The counts of a member's attendance history (SL 22.6 counts the unexcused absences).</summary>
public sealed record AttendanceTotals(int Sessions, int Present, int Excused, int Unexcused, int NotRecorded);

/// <summary>
/// A member: the mandate (SL 15.1, 20.2), the permanent basis with its deadlines (SL 15.2-2, 15.2-3), leaving
/// municipal service (SL 15.2), attendance at closed sessions (SL 22.6), reports to the voters (SL 15.4),
/// inquiries (MEMBER 5) and open mandate cases (SL 21-23).
/// </summary>
public sealed class MemberModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [FromRoute] public int MemberId { get; set; }
    public MemberView Member { get; private set; } = null!;
    public IReadOnlyList<AttendanceRow> Attendance { get; private set; } = [];
    public AttendanceTotals Totals { get; private set; } = new(0, 0, 0, 0, 0);
    public VoterReportsView Reports { get; private set; } = null!;
    public IReadOnlyList<InquiryView> InquiryList { get; private set; } = [];
    public IReadOnlyList<MandateCaseView> OpenCases { get; private set; } = [];
    public IReadOnlyList<CouncilFlag> Flags { get; private set; } = [];

    /// <summary>The member's own page: they record their reports and submit their inquiries here.</summary>
    public bool IsSelf => Actor.Member?.Id == MemberId;
    /// <summary>Members.ChangeAsync: the secretary, the administrator or the chairman edit the mandate's record.</summary>
    public bool EditsMandate => (Actor.KeepsRecords || Actor.IsChairman) && Member.Status != MemberStatus.Ended;

    [BindProperty] public long Version { get; set; }
    [BindProperty] public bool PermanentBasis { get; set; }
    [BindProperty] public string? PermanentRequestedOn { get; set; }
    [BindProperty] public string? EmployerNotifiedOn { get; set; }
    [BindProperty] public string? EmployerReleasedOn { get; set; }
    [BindProperty] public string? ServiceLeftOn { get; set; }

    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Summary { get; set; }

    [BindProperty] public string? Addressee { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public bool NeedsVerification { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }

    private string Here => $"/Council/{MunicipalityId}/Members/{MemberId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { await LoadAsync(ct); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Member = await Members.GetAsync(Db, MunicipalityId, MemberId, ct);
        (Attendance, Totals) = await AttendanceAsync(Db, MunicipalityId, Member, ct);
        Reports = await VoterReports.ListAsync(Db, MunicipalityId, MemberId, time, ct);
        InquiryList = await Inquiries.ListAsync(Db, MunicipalityId, MemberId, null, null, time, ct);
        OpenCases = await MandateCases.ListAsync(Db, MunicipalityId, MandateCaseStatus.Open, MemberId, ct);
        Flags = (await CouncilDuties.FlagsAsync(Db, MunicipalityId, time, ct)).Where(f => f.MemberId == MemberId).ToList();
    }

    /// <summary>
    /// The member's attendance at the closed sessions held during the mandate (from its confirmation to its end), as
    /// SL 22.6 reads it: present, absent with a valid reason, absent without one; a session with no row for the
    /// member is shown as not recorded and counted apart.
    /// </summary>
    public static async Task<(IReadOnlyList<AttendanceRow>, AttendanceTotals)> AttendanceAsync(AppDb db, int municipalityId, MemberView member, CancellationToken ct)
    {
        var to = member.MandateEndedOn ?? DateOnly.MaxValue;
        var sessions = await db.CouncilSessions
            .Where(s => s.MunicipalityId == municipalityId && s.Status == SessionStatus.Closed && s.ScheduledOn >= member.MandateConfirmedOn && s.ScheduledOn <= to)
            .OrderByDescending(s => s.ScheduledOn).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.ScheduledOn, s.Place }).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var marks = await db.SessionAttendance.Where(a => a.MunicipalityId == municipalityId && a.MemberId == member.Id && ids.Contains(a.SessionId))
            .ToDictionaryAsync(a => a.SessionId, a => a.Status, ct);
        var rows = sessions.Select(s => new AttendanceRow(s.Id, s.ScheduledOn, s.Place, marks.TryGetValue(s.Id, out var st) ? st : null)).ToList();
        return (rows, new AttendanceTotals(rows.Count,
            rows.Count(r => r.Status == AttendanceStatus.Present),
            rows.Count(r => r.Status == AttendanceStatus.AbsentExcused),
            rows.Count(r => r.Status == AttendanceStatus.AbsentUnexcused),
            rows.Count(r => r.Status is null)));
    }

    public Task<IActionResult> OnPostMandateAsync(CancellationToken ct) =>
        PostAsync(() => Members.ChangeAsync(Db, Actor, MemberId, new MemberChange(Version,
                ServiceLeftOn: OptionalDate(ServiceLeftOn, "serviceLeftOn"),
                PermanentRequestedOn: OptionalDate(PermanentRequestedOn, "permanentRequestedOn"),
                EmployerNotifiedOn: OptionalDate(EmployerNotifiedOn, "employerNotifiedOn"),
                EmployerReleasedOn: OptionalDate(EmployerReleasedOn, "employerReleasedOn"),
                PermanentBasis: PermanentBasis), ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostReportAsync(CancellationToken ct) =>
        PostAsync(() => VoterReports.RecordAsync(Db, Actor, MemberId, new NewVoterReport(RequiredDate(HeldOn, "heldOn"), Place, Summary), time, ct),
            Here + "#reports", () => LoadAsync(ct), ct);

    /// <summary>MEMBER 4, 5: the member submits their own inquiry; on another member's page the form is not offered.</summary>
    public Task<IActionResult> OnPostInquiryAsync(CancellationToken ct) =>
        PostAsync(() =>
            {
                if (!IsSelf)
                    throw new NotPermitted(new Text("Sorğunu üzvün özü öz hesabından verir (MEMBER 4)", "A member submits their inquiry from their own account (MEMBER 4)"));
                return Inquiries.SubmitAsync(Db, Actor, new NewInquiry(Addressee, Subject, NeedsVerification, OptionalDate(ReceivedOn, "receivedOn")), time, ct);
            },
            Here + "#inquiries", () => LoadAsync(ct), ct);
}
