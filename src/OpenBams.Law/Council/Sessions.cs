namespace OpenBams.Law.Council;

/// <summary>Who asked for the session (SL 16.1, 16.2).</summary>
public enum SessionInitiative
{
    /// <summary>SL 16.1: the chairman calls the session and puts the draft agenda to the vote.</summary>
    Chairman = 0,
    /// <summary>SL 16.2: one third of the members; they put the draft agenda to the vote and may hold the
    /// session themselves if the chairman does not call it.</summary>
    OneThirdOfMembers = 1,
    /// <summary>SL 16.2: 25% of the resident voters; they set the agenda themselves (no agenda vote).</summary>
    QuarterOfResidentVoters = 2,
}

/// <summary>Whether notice was given in time.</summary>
public sealed record NoticeCheck(bool Sufficient, int DaysGiven, DateOnly EarliestSessionDay)
{
    public static LegalReference Reference { get; } = new(Acts.SL, "16.1");
}

/// <summary>Rules for calling and holding council sessions.</summary>
public static class Sessions
{
    /// <summary>SL 16.1: "Bələdiyyə üzvləri iclas gününə azı 5 gün qalmış xəbərdar edilməlidirlər."</summary>
    public const int NoticeDays = 5;

    /// <summary>
    /// SL 16.1: members are notified at least 5 days before the session day. Counted in calendar days: notice on
    /// the 18th allows a session on the 23rd (5 days remain), not on the 22nd.
    /// </summary>
    [Law("SL 16.1")]
    public static NoticeCheck CheckNotice(DateOnly notifiedOn, DateOnly sessionDay)
    {
        var given = sessionDay.DayNumber - notifiedOn.DayNumber;
        return new NoticeCheck(given >= NoticeDays, given, notifiedOn.AddDays(NoticeDays));
    }

    /// <summary>
    /// SL 16.1: "Bələdiyyənin iclasları ayda bir dəfədən az olmayaraq ... çağırılır." The months from
    /// <paramref name="from"/> to <paramref name="to"/> (both inclusive, by month) in which no session was held.
    /// The current month is included only once it has ended (<paramref name="today"/>).
    /// </summary>
    [Law("SL 16.1")]
    public static IReadOnlyList<(int Year, int Month)> MonthsWithoutSession(IEnumerable<DateOnly> heldOn, DateOnly from, DateOnly to, DateOnly today)
    {
        var held = heldOn.Select(d => (d.Year, d.Month)).ToHashSet();
        var result = new List<(int, int)>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var ended = m.AddMonths(1) <= today;
            if (ended && !held.Contains((m.Year, m.Month))) result.Add((m.Year, m.Month));
        }
        return result;
    }

    /// <summary>
    /// SL 16.2: the least support an initiative needs — one third of the members, or 25% of the resident voters.
    /// Both are "at least": ⌈m/3⌉ members, ⌈v/4⌉ voters.
    /// </summary>
    [Law("SL 16.2")]
    public static int SupportNeeded(SessionInitiative initiative, int members, int residentVoters) => initiative switch
    {
        SessionInitiative.OneThirdOfMembers => (members + 2) / 3,
        SessionInitiative.QuarterOfResidentVoters => (residentVoters + 3) / 4,
        _ => 0,
    };

    /// <summary>
    /// SL 16.1, 16.2: who sets the agenda. On the initiative of 25% of voters the initiators set it and there is no
    /// approval vote; otherwise the chairman (or the initiating members) put the draft to the session's vote.
    /// </summary>
    [Law("SL 16.2")]
    public static bool AgendaNeedsApproval(SessionInitiative initiative) => initiative != SessionInitiative.QuarterOfResidentVoters;

    /// <summary>
    /// SL 16.2: when the chairman (or the deputy acting for him) does not call a session the members initiated, the
    /// initiating members may hold it themselves, valid when more than half of the members attend.
    /// </summary>
    [Law("SL 16.2")]
    public static bool MembersMayHoldThemselves(SessionInitiative initiative, bool chairmanRefused) =>
        initiative == SessionInitiative.OneThirdOfMembers && chairmanRefused;

    /// <summary>
    /// SL 16.5: the chairman presides, or the deputy in the chairman's absence; on an initiative session where both
    /// refuse, the members present elect the chair from among themselves.
    /// </summary>
    [Law("SL 16.5")]
    public static bool ChairMustBeElected(SessionInitiative initiative, bool chairmanOrDeputyPresides) =>
        initiative != SessionInitiative.Chairman && !chairmanOrDeputyPresides;

    /// <summary>
    /// SL 16.6: protocols are numbered in the protocol book, and the numbers restart at the beginning of each year.
    /// </summary>
    [Law("SL 16.6")]
    public static int NextProtocolNumber(IEnumerable<(int Year, int Number)> existing, int year) =>
        existing.Where(p => p.Year == year).Select(p => p.Number).DefaultIfEmpty(0).Max() + 1;
}
