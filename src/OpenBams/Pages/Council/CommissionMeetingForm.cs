using OpenBams.Council;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>One commission's part of a meeting form: whether it took part, its members present, its count.</summary>
public sealed class MeetingPart
{
    public int CommissionId { get; set; }
    /// <summary>On the form of several commissions, ticked for each commission that took part (a joint meeting, COMM 14).</summary>
    public bool Take { get; set; }
    public List<int> Present { get; set; } = [];
    public int? For { get; set; }
    public int? Against { get; set; }
    public int? Abstain { get; set; }
    /// <summary>COMM 8: absent members who told the chair in advance.</summary>
    public List<int> Excused { get; set; } = [];
}

/// <summary>
/// The form of a commission meeting, posted without JavaScript: the dates as typed (dd.MM.yyyy) and one part per
/// commission offered; the parts ticked become the meeting's participants, each counted on its own (COMM 9).
/// </summary>
public sealed class CommissionMeetingForm
{
    public string? HeldOn { get; set; }
    public string? NotifiedOn { get; set; }
    public string? Subject { get; set; }
    public string? DecisionText { get; set; }
    public bool IsReportToCouncil { get; set; }
    /// <summary>COMM 14, 17: who presided; empty for the chair (or deputy) of a single commission.</summary>
    public int? PresidedByMemberId { get; set; }
    public bool DesignatedByChairman { get; set; }
    public List<MeetingPart> Parts { get; set; } = [];

    /// <summary>The command's body; a malformed date is refused with its field. <paramref name="single"/>: the one part offered takes part.</summary>
    public NewCommissionMeeting ToCommand(bool single)
    {
        if (!Fmt.TryParseDate(HeldOn, out var held)) throw new InputError("heldOn", T.BadDate);
        if (!Fmt.TryParseDate(NotifiedOn, out var notified)) throw new InputError("notifiedOn", T.BadDate);
        var parts = Parts.Where(p => single || p.Take)
            .Select(p => new MeetingParticipant(p.CommissionId, p.Present.Distinct().ToList(), p.For ?? 0, p.Against ?? 0, p.Abstain ?? 0,
                p.Excused.Distinct().Where(e => !p.Present.Contains(e)).ToList()))
            .ToList();
        return new NewCommissionMeeting(held, notified, Subject, DecisionText, parts, IsReportToCouncil, PresidedByMemberId, DesignatedByChairman);
    }
}

/// <summary>What the meeting form partial shows: the commissions offered and what was posted (kept after a refusal).</summary>
public sealed record MeetingFormView(IReadOnlyList<CommissionView> Commissions, bool Single, CommissionMeetingForm Posted);
