using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Council;

/// <summary>
/// One commission: its members, chair and deputy (COMM 6), its composition (COMM 5, 6), abolition (COMM 5), and its
/// meetings with their counts (COMM 8, 9).
/// </summary>
public sealed class CommissionModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [FromRoute] public int CommissionId { get; set; }
    public CommissionView Commission { get; private set; } = null!;
    public IReadOnlyList<MemberView> Sitting { get; private set; } = [];
    public IReadOnlyList<CommissionMeetingView> Meetings { get; private set; } = [];
    /// <summary>CouncilActor.RequireRecordKeeper: the secretary, the administrator, the chairman or a deputy.</summary>
    public bool Keeps => Actor.KeepsRecords || Actor.IsChairman || Actor.IsDeputy;
    public bool RecordsMeetings => Keeps || Actor.Member is { } me && Commission.Chair?.Id == me.Id;

    [BindProperty] public long Version { get; set; }
    [BindProperty] public int? ChairMemberId { get; set; }
    [BindProperty] public int? DeputyChairMemberId { get; set; }
    [BindProperty] public List<int> MemberIds { get; set; } = [];
    [BindProperty] public string? AbolishedOn { get; set; }
    [BindProperty] public CommissionMeetingForm Meeting { get; set; } = new();

    private string Here => $"/Council/{MunicipalityId}/Commissions/{CommissionId}";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Commission = await CommissionWork.GetAsync(Db, MunicipalityId, CommissionId, time, ct);
        Sitting = (await Members.ListAsync(Db, MunicipalityId, null, includeEnded: false, ct)).Where(m => m.Status == MemberStatus.Active).ToList();
        Meetings = await CommissionWork.MeetingsAsync(Db, MunicipalityId, CommissionId, ct);
    }

    public Task<IActionResult> OnPostOfficersAsync(CancellationToken ct) =>
        PostAsync(() => CommissionWork.ElectOfficersAsync(Db, Actor, CommissionId, new CommissionOfficers(ChairMemberId, DeputyChairMemberId, Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostCompositionAsync(CancellationToken ct) =>
        PostAsync(() => CommissionWork.ChangeCompositionAsync(Db, Actor, CommissionId, new CommissionComposition(MemberIds, Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostAbolishAsync(CancellationToken ct) =>
        PostAsync(() => CommissionWork.AbolishAsync(Db, Actor, CommissionId, new AbolishCommission(OptionalDate(AbolishedOn, "abolishedOn"), Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    /// <summary>A meeting of this commission alone; a joint meeting is recorded on the list of commissions.</summary>
    public Task<IActionResult> OnPostMeetingAsync(CancellationToken ct) =>
        PostAsync(() =>
            {
                var body = Meeting.ToCommand(single: true);
                return CommissionWork.RecordMeetingAsync(Db, Actor, body with { Participants = body.Participants!.Where(p => p.CommissionId == CommissionId).ToList() }, time, ct);
            },
            Here + "#meetings", () => LoadAsync(ct), ct);
}
