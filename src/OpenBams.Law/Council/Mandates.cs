namespace OpenBams.Law.Council;

/// <summary>Whether a member attended a session (SL 16.1: absence for a valid reason is reported in advance).</summary>
public enum AttendanceStatus
{
    Present = 0,
    AbsentExcused = 1,
    AbsentUnexcused = 2,
}

/// <summary>The grounds on which a member's powers are lost (SL 21) or terminated early (SL 22).</summary>
public enum MandateEndGround
{
    /// <summary>SL 22 (first sentence): the term has expired.</summary>
    TermExpired = 0,
    /// <summary>SL 21.1: final criminal conviction or compulsory medical measures.</summary>
    Conviction = 211,
    /// <summary>SL 21.2: incapacity or limited capacity found by a court.</summary>
    Incapacity = 212,
    /// <summary>SL 21.3: citizenship terminated, another citizenship, obligations to another state.</summary>
    Citizenship = 213,
    /// <summary>SL 21.4: death.</summary>
    Death = 214,
    /// <summary>SL 21.5: declared dead or missing by a court.</summary>
    DeclaredDeadOrMissing = 215,
    /// <summary>SL 22.1: votes were found to have been counted incorrectly.</summary>
    VotesMiscounted = 221,
    /// <summary>SL 22.2: written resignation.</summary>
    Resignation = 222,
    /// <summary>SL 22.3: does not meet the requirements for candidates.</summary>
    Ineligible = 223,
    /// <summary>SL 22.4: holds a senior state post or a municipal-servant post.</summary>
    IncompatiblePost = 224,
    /// <summary>SL 22.5: illness for more than six months, per a court-organised medical commission.</summary>
    Illness = 225,
    /// <summary>SL 22.6: three consecutive unexcused absences, or unexcused absence from more than half of a year's sessions.</summary>
    Absences = 226,
    /// <summary>SL 15.5: moved out of the territory or otherwise unable to serve, on the member's application.</summary>
    MovedOrUnable = 155,
}

/// <summary>SL 22.6 raised for a member: which rule and on which sessions.</summary>
public sealed record AbsenceGround(bool Consecutive, int? Year, IReadOnlyList<DateOnly> Sessions, bool YearCompleted);

/// <summary>Members' mandates: term, permanent basis, loss and termination.</summary>
public static class Mandates
{
    /// <summary>SL 20.2: "Bələdiyyə üzvünün səlahiyyət müddəti beş ildir." (also EC 211).</summary>
    [Law("SL 20.2")]
    public static DateOnly TermEnds(DateOnly electedOn) => electedOn.AddYears(5);

    /// <summary>SL 15.2: a municipal servant elected member is released from the service within 3 days.</summary>
    public const int LeaveServiceDays = 3;
    /// <summary>SL 15.2-2: the chairman notifies the employer within 5 days of the member's request.</summary>
    public const int NotifyEmployerDays = 5;
    /// <summary>SL 15.2-3: the employer ends the contract within 5 days of the notice.</summary>
    public const int EmployerReleaseDays = 5;
    /// <summary>SL 19.6: the outgoing chairman hands over all documents within 10 days.</summary>
    public const int HandoverDays = 10;

    public static LegalReference ReferenceOf(MandateEndGround g) => g switch
    {
        MandateEndGround.TermExpired => new(Acts.SL, "22"),
        _ => new(Acts.SL, $"{(int)g / 10}.{(int)g % 10}"),  // 221 → SL 22.1, 155 → SL 15.5
    };

    /// <summary>
    /// SL 23 (second paragraph): for the grounds of SL 21.1, 21.2, 21.3, 21.5 and 22.1, 22.3, 22.5, 22.6 the council
    /// decides only after a court decision has entered into force.
    /// </summary>
    [Law("SL 23")]
    public static bool NeedsCourtDecision(MandateEndGround g) => g is
        MandateEndGround.Conviction or MandateEndGround.Incapacity or MandateEndGround.Citizenship or
        MandateEndGround.DeclaredDeadOrMissing or MandateEndGround.VotesMiscounted or MandateEndGround.Ineligible or
        MandateEndGround.Illness or MandateEndGround.Absences;

    /// <summary>
    /// SL 22.6: "ardıcıl olaraq üç dəfə bələdiyyə iclaslarını üzrsüz səbəbdən buraxdıqda və ya il ərzində keçirilən
    /// iclasların yarısından çoxunda üzrsüz səbəbdən iştirak etmədikdə". <paramref name="record"/> is the member's
    /// attendance at every session held during the mandate, any order.
    /// <para>Choices: "a year" is the calendar year. A year that has not ended is judged on the sessions held so far
    /// but reported as not completed (a warning, since later sessions may still bring the share under half).</para>
    /// </summary>
    [Law("SL 22.6")]
    public static IReadOnlyList<AbsenceGround> AbsenceGrounds(IEnumerable<(DateOnly Session, AttendanceStatus Status)> record, DateOnly today)
    {
        var list = record.OrderBy(r => r.Session).ToList();
        var grounds = new List<AbsenceGround>();
        var run = new List<DateOnly>();
        foreach (var (session, status) in list)
        {
            if (status == AttendanceStatus.AbsentUnexcused)
            {
                run.Add(session);
                if (run.Count == 3)
                {
                    grounds.Add(new AbsenceGround(true, null, run.ToList(), true));
                    run.Clear();
                }
            }
            else run.Clear();  // an excused absence or attendance breaks the run
        }
        foreach (var year in list.GroupBy(r => r.Session.Year))
        {
            var missed = year.Where(r => r.Status == AttendanceStatus.AbsentUnexcused).Select(r => r.Session).ToList();
            if (missed.Count * 2 > year.Count())
                grounds.Add(new AbsenceGround(false, year.Key, missed, today > new DateOnly(year.Key, 12, 31)));
        }
        return grounds;
    }

    /// <summary>SL 15.4: a member reports to the voters at least once every 6 months.</summary>
    [Law("SL 15.4")]
    public static DateOnly NextReportToVotersDue(DateOnly mandateStart, DateOnly? lastReport) =>
        (lastReport ?? mandateStart).AddMonths(6);

    /// <summary>
    /// MEMBER 5: an inquiry is answered within 15 days, or within one month when it needs extra study or checking.
    /// </summary>
    [Law("MEMBER 5")]
    public static Deadline InquiryAnswerDue(WorkingCalendar calendar, DateOnly received, bool needsVerification) =>
        needsVerification ? calendar.AddMonths(received, 1) : calendar.AddCalendarDays(received, 15);

    /// <summary>SL 19.3: the grounds for removing the chairman or a deputy early (by the SL 19.1 majority).</summary>
    public static IReadOnlyList<(string Code, string Az, string En)> ChairmanRemovalGrounds { get; } =
    [
        ("19.3.1", "öz arzusu ilə yazılı müraciət", "own written request"),
        ("19.3.2", "iclasın səlahiyyətinə aid məsələlər barədə təkbaşına sərəncam", "deciding alone matters reserved to the session"),
        ("19.3.3", "bələdiyyə qərarlarının icrasını təmin etmədikdə", "failing to ensure execution of council decisions"),
        ("19.3.4", "6 aydan çox əmək qabiliyyətinin tam itirilməsi", "total loss of working capacity for more than 6 months"),
        ("19.3.5", "vəzifələrini 3 ay yerinə yetirmədikdə", "not performing statutory duties for 3 months"),
        ("19.3.5-1", "yerli büdcənin müzakirəsini və təsdiqini təşkil etmədikdə", "failing to organise the discussion and approval of the local budget"),
        ("19.3.6", "qanunvericilikdə və nizamnamədə nəzərdə tutulmuş digər hallar", "other grounds in law or the charter"),
    ];
}
