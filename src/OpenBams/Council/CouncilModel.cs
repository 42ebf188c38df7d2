using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

namespace OpenBams.Council;

/// <summary>The council's own choices where the law leaves one (charter, reqlament). One row per municipality.</summary>
public sealed class CouncilSettings : IMunicipalityOwned, IVersioned
{
    public int MunicipalityId { get; set; }
    /// <summary>SL 16.4, 48.1: base of a simple majority; default all members (docs/decisions.md).</summary>
    public MajorityBase SimpleMajorityBase { get; set; } = MajorityBase.AllMembers;
    /// <summary>SL 16.1: refuse a session called with less than 5 days' notice (true), or only warn loudly.</summary>
    public bool EnforceNotice { get; set; } = true;
    /// <summary>Resident voters, for SL 16.2 initiatives and SL 28.4 citizens' meetings.</summary>
    public int? ResidentVoters { get; set; }
    public long Version { get; set; }
}

public enum MemberStatus { Active = 0, Suspended = 1, Ended = 2 }

/// <summary>A member of the council (SL 15.1): elected, mandate confirmed by the territorial election commission.</summary>
public sealed class CouncilMember : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string FullName { get; set; }
    public string? PersonalId { get; set; }
    /// <summary>The member's login, so the member can register attendance, vote and add remarks.</summary>
    public Guid? UserId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Constituency { get; set; }
    public DateOnly ElectedOn { get; set; }
    /// <summary>SL 15.1: the mandate confirmation by the territorial (constituency) election commission.</summary>
    public DateOnly MandateConfirmedOn { get; set; }
    public required string MandateConfirmedBy { get; set; }
    /// <summary>SL 20.2: five years.</summary>
    public DateOnly TermEndsOn { get; set; }
    /// <summary>SL 15.2, 20.4: works on a permanent, salaried basis (capped by SL 15.2-4).</summary>
    public bool PermanentBasis { get; set; }
    public DateOnly? PermanentRequestedOn { get; set; }
    /// <summary>SL 15.2-2: the chairman notifies the employer within 5 days.</summary>
    public DateOnly? EmployerNotifiedOn { get; set; }
    /// <summary>SL 15.2-3: the employer ends the contract within 5 days of the notice.</summary>
    public DateOnly? EmployerReleasedOn { get; set; }
    /// <summary>SL 15.2: a municipal servant elected member leaves the service within 3 days.</summary>
    public bool WasMunicipalServant { get; set; }
    public DateOnly? ServiceLeftOn { get; set; }
    public MemberStatus Status { get; set; }
    public DateOnly? MandateEndedOn { get; set; }
    public MandateEndGround? MandateEndGround { get; set; }
    public int? MandateEndDecisionId { get; set; }
    public long Version { get; set; }
}

public enum Post { Chairman = 0, Deputy = 1 }

/// <summary>A term as chairman or deputy (SL 19.1, 19.2), ended early only on a ground of SL 19.3.</summary>
public sealed class CouncilOffice : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MemberId { get; set; }
    public Post Post { get; set; }
    public DateOnly ElectedOn { get; set; }
    public int? ElectionDecisionId { get; set; }
    public DateOnly? EndedOn { get; set; }
    /// <summary>SL 19.3 ground code ("19.3.1"), or "term".</summary>
    public string? EndGround { get; set; }
    public int? EndDecisionId { get; set; }
    /// <summary>SL 19.6: documents handed over within 10 days.</summary>
    public DateOnly? HandoverDueOn { get; set; }
    public DateOnly? HandoverCompletedOn { get; set; }
}

public enum SessionStatus { Called = 0, Open = 1, Closed = 2, Cancelled = 3 }

/// <summary>A council session (SL 16): called with notice, opened by registration, closed, minuted.</summary>
public sealed class CouncilSession : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public SessionInitiative Initiative { get; set; }
    /// <summary>The first session of a newly elected council, which elects the chairman (SL 19.1).</summary>
    public bool IsFirstSession { get; set; }
    public DateOnly ScheduledOn { get; set; }
    public TimeOnly StartsAt { get; set; }
    public required string Place { get; set; }
    public DateOnly CalledOn { get; set; }
    public required string CalledBy { get; set; }
    /// <summary>Why a session goes ahead with less than 5 days' notice, where the charter only warns (SL 16.1).</summary>
    public string? ShortNoticeReason { get; set; }
    /// <summary>SL 16.2: how many members or voters support the initiative.</summary>
    public int? InitiativeSupport { get; set; }
    /// <summary>SL 16.2: the chairman did not call the initiative session; the members hold it themselves.</summary>
    public bool ChairmanRefused { get; set; }
    public SessionStatus Status { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Seats counted as "all members" for this session's quorum and majorities.</summary>
    public int Members { get; set; }
    public int? ChairMemberId { get; set; }
    public int? SecretaryMemberId { get; set; }
    public bool AgendaApproved { get; set; }
    public long Version { get; set; }
}

public sealed class SessionAttendance : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SessionId { get; set; }
    public int MemberId { get; set; }
    public AttendanceStatus Status { get; set; }
    public DateTime? RegisteredAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>A person invited to the session (SL 16.6 lists them in the protocol).</summary>
public sealed class SessionInvitee : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SessionId { get; set; }
    public required string Name { get; set; }
    public string? Capacity { get; set; }
}

public enum AgendaItemStatus { Pending = 0, Adopted = 1, Rejected = 2, Withdrawn = 3 }

public sealed class AgendaItem : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SessionId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public DecisionArea Area { get; set; }
    /// <summary>Derived from <see cref="Area"/> (DecisionAreas.RuleFor); stored so the protocol shows what applied.</summary>
    public MajorityRule Rule { get; set; }
    public string? Rapporteur { get; set; }
    public string? Summary { get; set; }
    public string? DraftText { get; set; }
    /// <summary>For an election (SL 19.1, 19.2) or a removal (SL 19.3): the member concerned and the post.</summary>
    public int? CandidateMemberId { get; set; }
    public Post? CandidatePost { get; set; }
    /// <summary>SL 19.3 ground code for a removal.</summary>
    public string? RemovalGround { get; set; }
    /// <summary>SL 48.4: the decision this item revokes.</summary>
    public int? RevokesDecisionId { get; set; }
    /// <summary>SL 23: the mandate case this item decides.</summary>
    public int? MandateCaseId { get; set; }
    public AgendaItemStatus Status { get; set; }
    public long Version { get; set; }
}

public sealed class Speech : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int AgendaItemId { get; set; }
    public required string Speaker { get; set; }
    public required string Summary { get; set; }
    public DateTime At { get; set; }
}

public enum VoteStatus { Open = 0, Closed = 1 }

/// <summary>One vote of the session: on the agenda (no item) or on an item. The result is computed, never entered.</summary>
public sealed class CouncilVote : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SessionId { get; set; }
    public int? AgendaItemId { get; set; }
    public BallotKind Ballot { get; set; }
    public MajorityRule Rule { get; set; }
    public MajorityBase Base { get; set; }
    public int Members { get; set; }
    public int Present { get; set; }
    public int For { get; set; }
    public int Against { get; set; }
    public int Abstain { get; set; }
    public int? Required { get; set; }
    public bool? Adopted { get; set; }
    public VoteStatus Status { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>A member's ballot: one per member per vote. For a secret vote the choice is not stored.</summary>
public sealed class Ballot : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int VoteId { get; set; }
    public int MemberId { get; set; }
    public VoteChoice? Choice { get; set; }
    public DateTime CastAt { get; set; }
}

public enum DecisionStatus { Adopted = 0, Signed = 1, Revoked = 2 }

/// <summary>A decision of the council (Const. 145.I): born from an adopted agenda item, signed by the chairman
/// (SL 19.4), published (SL 52-1), copied to the oversight body within 5 working days (SL 48.1).</summary>
public sealed class CouncilDecision : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public int SessionId { get; set; }
    public int AgendaItemId { get; set; }
    public int VoteId { get; set; }
    public DecisionArea Area { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public MajorityRule Rule { get; set; }
    public int Members { get; set; }
    public int Present { get; set; }
    public int For { get; set; }
    public int Against { get; set; }
    public int Abstain { get; set; }
    public int Required { get; set; }
    public DecisionStatus Status { get; set; }
    public DateTime? SignedAt { get; set; }
    public string? SignedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int? RevokesDecisionId { get; set; }
    public int? RevokedByDecisionId { get; set; }
    /// <summary>SL 48.1: last day to send the copy to the oversight body.</summary>
    public DateOnly OversightDueOn { get; set; }
    public DateTime? SentToOversightAt { get; set; }
    public string? SentBy { get; set; }
    public string? OversightReceiptNumber { get; set; }
    public DateTime? OversightReceivedAt { get; set; }
    public string? OversightReceivedBy { get; set; }
    public long Version { get; set; }
}

public enum ProtocolStatus { Draft = 0, Signed = 1 }

/// <summary>The protocol of a session (SL 16.6). Once signed by the chair and the secretary it never changes;
/// a correction is a new protocol that points to it.</summary>
public sealed class Protocol : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int SessionId { get; set; }
    public int Year { get; set; }
    /// <summary>SL 16.6: the number in the protocol book, restarting every year.</summary>
    public int Number { get; set; }
    /// <summary>The text as drafted from the session's events (JSON of <see cref="ProtocolContent"/>).</summary>
    public required string Content { get; set; }
    public ProtocolStatus Status { get; set; }
    public DateTime DraftedAt { get; set; }
    public DateTime? ChairSignedAt { get; set; }
    public string? ChairSignedBy { get; set; }
    public DateTime? SecretarySignedAt { get; set; }
    public string? SecretarySignedBy { get; set; }
    public int? CorrectsProtocolId { get; set; }
    public long Version { get; set; }
}

/// <summary>SL 16.6: a member's written remark on the protocol before its approval.</summary>
public sealed class ProtocolRemark : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ProtocolId { get; set; }
    public int MemberId { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}

public enum NotificationChannel { InApp = 0, Email = 1, Sms = 2 }

/// <summary>A message to a member or user, in the system and through its outside channel.</summary>
public sealed class Notification : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid? UserId { get; set; }
    public int? MemberId { get; set; }
    public NotificationChannel Channel { get; set; }
    public string? Address { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? Error { get; set; }
}

/// <summary>SL 15.4: a member's report to the voters.</summary>
public sealed class VoterReport : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MemberId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    public required string Summary { get; set; }
}

/// <summary>MEMBER 5: a member's inquiry, answered within 15 days (1 month with verification).</summary>
public sealed class MemberInquiry : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MemberId { get; set; }
    public required string Addressee { get; set; }
    public required string Subject { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public bool NeedsVerification { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? Answer { get; set; }
    public long Version { get; set; }
}

public enum MandateCaseStatus { Open = 0, Decided = 1, Dismissed = 2 }

/// <summary>A ground for ending a mandate (SL 21, 22), raised by the system (SL 22.6) or entered by staff,
/// decided only by the council (SL 23).</summary>
public sealed class MandateCase : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MemberId { get; set; }
    public MandateEndGround Ground { get; set; }
    public DateOnly RaisedOn { get; set; }
    public required string RaisedBy { get; set; }
    public string? Detail { get; set; }
    public string? CourtDecisionReference { get; set; }
    public DateOnly? CourtDecisionInForceOn { get; set; }
    public int? DecisionId { get; set; }
    public MandateCaseStatus Status { get; set; }
    public long Version { get; set; }
}

public sealed class Commission : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public CommissionKind Kind { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public int? EstablishedByDecisionId { get; set; }
    /// <summary>COMM 5: an "other" commission's term, within the council's.</summary>
    public DateOnly? EndsOn { get; set; }
    public int? ChairMemberId { get; set; }
    public int? DeputyChairMemberId { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public long Version { get; set; }
}

public sealed class CommissionMembership : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int CommissionId { get; set; }
    public int MemberId { get; set; }
}

/// <summary>A commission meeting, or a joint meeting of several (COMM 14), with its decision (COMM 9). Its minutes are
/// final once the chair of every commission taking part has signed (COMM 20); after that nothing changes.</summary>
public sealed class CommissionMeeting : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateOnly NotifiedOn { get; set; }
    public required string Subject { get; set; }
    public string? DecisionText { get; set; }
    public bool Adopted { get; set; }
    /// <summary>Per commission: members, present, for, against, abstain (JSON), because COMM 9 counts each.</summary>
    public required string Tallies { get; set; }
    /// <summary>COMM 7: report to the council (at least yearly for permanent commissions).</summary>
    public bool IsReportToCouncil { get; set; }
    /// <summary>COMM 20: the minutes (the course of the meeting), signed with the decision and the opinions.</summary>
    public string? Minutes { get; set; }
    /// <summary>COMM 14, 17: who presided; null only on meetings recorded before this was kept.</summary>
    public int? PresidedByMemberId { get; set; }
    public PresidingBasis? PresidingBasis { get; set; }
    /// <summary>COMM 20: when the last required signature made the minutes final.</summary>
    public DateTime? MinutesFinalAt { get; set; }
    public long Version { get; set; }
}

/// <summary>COMM 19: a member's separate (dissenting) opinion, attached to the meeting's decision.</summary>
public sealed class CommissionDissent : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeetingId { get; set; }
    /// <summary>The commission in which the member was present with a decisive vote.</summary>
    public int CommissionId { get; set; }
    public int MemberId { get; set; }
    public required string Text { get; set; }
    public DateTime SubmittedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>COMM 20: one commission's signature of a meeting's decision, opinions and minutes (every commission of a joint meeting signs).</summary>
public sealed class CommissionMeetingSignature : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeetingId { get; set; }
    public int CommissionId { get; set; }
    public int MemberId { get; set; }
    public DateTime SignedAt { get; set; }
}

/// <summary>SL 28: a citizens' meeting.</summary>
public sealed class CitizensMeeting : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Subject { get; set; }
    public bool AboutMergerOrSeparation { get; set; }
    public int ResidentVoters { get; set; }
    public int Participants { get; set; }
    public bool Quorate { get; set; }
    public string? Decisions { get; set; }
}

/// <summary>SL 8: a version of the charter, adopted by a decision (or a citizens' meeting), in force from its
/// registration with the Ministry of Justice (SL 8.3, 8.5).</summary>
public sealed class CharterVersion : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>Sections by key (CharterContents.Required), JSON.</summary>
    public required string Sections { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public int? AdoptedByDecisionId { get; set; }
    public int? AdoptedByCitizensMeetingId { get; set; }
    public string? RegistrationNumber { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public string? RefusalReason { get; set; }
    public long Version { get; set; }
}
