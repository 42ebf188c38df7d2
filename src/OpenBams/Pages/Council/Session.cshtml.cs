using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;

namespace OpenBams.Pages.Council;

/// <summary>The live screen of a session: registration, quorum, agenda, votes, and the chair's controls.</summary>
public sealed class SessionModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [FromRoute] public int SessionId { get; set; }
    public SessionView Session { get; private set; } = null!;

    [BindProperty] public int? MemberId { get; set; }
    [BindProperty] public AttendanceStatus Status { get; set; }
    [BindProperty] public int? ChairMemberId { get; set; }
    [BindProperty] public int? SecretaryMemberId { get; set; }
    [BindProperty] public int? AgendaItemId { get; set; }
    [BindProperty] public BallotKind Ballot { get; set; }
    [BindProperty] public int VoteId { get; set; }
    [BindProperty] public VoteChoice Choice { get; set; }
    [BindProperty] public int? For { get; set; }
    [BindProperty] public int? Against { get; set; }
    [BindProperty] public int? Abstain { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DecisionArea Area { get; set; }
    [BindProperty] public string? Rapporteur { get; set; }
    [BindProperty] public string? DraftText { get; set; }
    [BindProperty] public int? CandidateMemberId { get; set; }
    [BindProperty] public Post? CandidatePost { get; set; }
    [BindProperty] public string? RemovalGround { get; set; }
    [BindProperty] public int? RevokesDecisionId { get; set; }
    [BindProperty] public string? Speaker { get; set; }
    [BindProperty] public string? Summary { get; set; }

    private int? ChairId { get; set; }
    public bool CanRunVotes => Actor.KeepsRecords || Actor.Member?.Id == ChairId || Actor.Member?.Id == SecretaryId;
    private int? SecretaryId { get; set; }
    public VoteView? OpenVote => Session.Votes.FirstOrDefault(v => v.Status == VoteStatus.Open);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { await LoadAsync(ct); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Session = await SessionFlow.ViewAsync(Db, MunicipalityId, SessionId, ct);
        var s = await SessionFlow.FindAsync(Db, MunicipalityId, SessionId, ct);
        (ChairId, SecretaryId) = (s.ChairMemberId, s.SecretaryMemberId);
    }

    private Task<IActionResult> Run(Func<Task> command, CancellationToken ct) =>
        PostAsync(command, $"/Council/{MunicipalityId}/Sessions/{SessionId}", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) =>
        Run(() => SessionFlow.RegisterAsync(Db, Actor, SessionId, new RegisterAttendance(MemberId, Status), time, ct), ct);
    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) =>
        Run(() => SessionFlow.OpenAsync(Db, Actor, SessionId, new OpenSession(SecretaryMemberId, ChairMemberId), time, ct), ct);
    public Task<IActionResult> OnPostOpenVoteAsync(CancellationToken ct) =>
        Run(() => SessionFlow.OpenVoteAsync(Db, Actor, SessionId, new OpenVote(AgendaItemId, Ballot), time, ct), ct);
    public Task<IActionResult> OnPostCastAsync(CancellationToken ct) =>
        Run(() => SessionFlow.CastAsync(Db, Actor, SessionId, VoteId, new CastBallot(Choice), time, ct), ct);
    public Task<IActionResult> OnPostCloseVoteAsync(CancellationToken ct) =>
        Run(() => SessionFlow.CloseVoteAsync(Db, Actor, SessionId, VoteId, For is null ? null : new SecretCount(For ?? 0, Against ?? 0, Abstain ?? 0), time, ct), ct);
    public Task<IActionResult> OnPostItemAsync(CancellationToken ct) =>
        Run(() => SessionFlow.AddItemAsync(Db, Actor, SessionId, new NewAgendaItem(Title ?? "", Area, Rapporteur, null, DraftText,
            CandidateMemberId, CandidateMemberId is null ? null : CandidatePost, string.IsNullOrEmpty(RemovalGround) ? null : RemovalGround, RevokesDecisionId), ct), ct);
    public Task<IActionResult> OnPostSpeechAsync(CancellationToken ct) =>
        Run(() => SessionFlow.AddSpeechAsync(Db, Actor, SessionId, AgendaItemId ?? 0, new NewSpeech(Speaker ?? "", Summary ?? ""), time, ct), ct);
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        Run(() => SessionFlow.CloseAsync(Db, Actor, SessionId, time, ct), ct);
}
