using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Council;

/// <summary>
/// The council's commissions (SL 17, COMM): the list with chairs and report due dates, setting one up (at least three
/// sitting members, COMM 6; an end date within the council's term for an "other" one, COMM 5), and the meetings,
/// single or joint (COMM 8, 9, 14).
/// </summary>
public sealed class CommissionsModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [BindProperty(SupportsGet = true)] public bool IncludeAbolished { get; set; }
    public IReadOnlyList<CommissionView> List { get; private set; } = [];
    public IReadOnlyList<MemberView> Sitting { get; private set; } = [];
    public IReadOnlyList<DecisionView> DecisionList { get; private set; } = [];
    public IReadOnlyList<CommissionMeetingView> Meetings { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public CommissionKind Kind { get; set; }
    [BindProperty] public List<int> MemberIds { get; set; } = [];
    [BindProperty] public string? EndsOn { get; set; }
    [BindProperty] public string? EstablishedOn { get; set; }
    [BindProperty] public int? EstablishedByDecisionId { get; set; }
    [BindProperty] public CommissionMeetingForm Meeting { get; set; } = new();

    /// <summary>CommissionWork.RecordMeetingAsync: staff, the chairman, a deputy, or a commission's chair.</summary>
    public bool RecordsMeetings => Actor.KeepsRecords || Actor.IsChairman || Actor.IsDeputy
        || Actor.Member is { } me && List.Any(c => c.Chair?.Id == me.Id);
    public IReadOnlyList<CommissionView> Active => List.Where(c => c.Active).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        List = await CommissionWork.ListAsync(Db, MunicipalityId, IncludeAbolished, time, ct);
        Sitting = (await Members.ListAsync(Db, MunicipalityId, null, includeEnded: false, ct)).Where(m => m.Status == MemberStatus.Active).ToList();
        DecisionList = (await DecisionRegister.PageAsync(Db, MunicipalityId, new DecisionQuery(PageSize: 200), publishedOnly: false, time, ct)).Items;
        Meetings = await CommissionWork.MeetingsAsync(Db, MunicipalityId, null, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        CommissionView? created = null;
        if (await TryAsync(async () => created = await CommissionWork.CreateAsync(Db, Actor, new NewCommission(Name, Kind, MemberIds,
                OptionalDate(EndsOn, "endsOn"), OptionalDate(EstablishedOn, "establishedOn"), EstablishedByDecisionId), time, ct)))
            return Redirect($"/Council/{MunicipalityId}/Commissions/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostMeetingAsync(CancellationToken ct) =>
        PostAsync(() => CommissionWork.RecordMeetingAsync(Db, Actor, Meeting.ToCommand(single: false), time, ct),
            $"/Council/{MunicipalityId}/Commissions#meetings", () => LoadAsync(ct), ct);
}
