using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Council;

/// <summary>The council at a glance: composition, members, sessions; staff record members, the chairman calls sessions.</summary>
public sealed class IndexModel(AppDb db, TimeProvider time, Notifier notifier) : CouncilPageModel(db)
{
    public CouncilComposition Composition { get; private set; } = null!;
    public IReadOnlyList<MemberView> MemberList { get; private set; } = [];
    public IReadOnlyList<SessionSummary> SessionList { get; private set; } = [];
    public IReadOnlyList<CouncilFlag> Flags { get; private set; } = [];
    public IReadOnlyList<CommissionView> CommissionList { get; private set; } = [];
    public IReadOnlyList<CitizensMeetingView> CitizensMeetingList { get; private set; } = [];
    public CharterOverview Charter { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? ElectedOn { get; set; }
    [BindProperty] public string? MandateConfirmedOn { get; set; }
    [BindProperty] public string? MandateConfirmedBy { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? ScheduledOn { get; set; }
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public bool IsFirstSession { get; set; }
    [BindProperty] public string? ShortNoticeReason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Composition = await Members.CompositionAsync(Db, MunicipalityId, ct);
        MemberList = await Members.ListAsync(Db, MunicipalityId, Q, includeEnded: false, ct);
        SessionList = await SessionFlow.ListAsync(Db, MunicipalityId, null, ct);
        Flags = await CouncilDuties.FlagsAsync(Db, MunicipalityId, time, ct);
        CommissionList = await CommissionWork.ListAsync(Db, MunicipalityId, includeAbolished: false, time, ct);
        CitizensMeetingList = await CitizensMeetingBook.ListAsync(Db, MunicipalityId, ct);
        Charter = await CharterBook.OverviewAsync(Db, MunicipalityId, ct);
    }

    public async Task<IActionResult> OnPostMemberAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        if (!TryDate(ElectedOn, out var elected) || !TryDate(MandateConfirmedOn, out var confirmed))
            await TryAsync(() => throw new OpenBams.Platform.Http.InputError("electedOn", Platform.Localization.T.BadDate));
        else if (await TryAsync(() => Members.AddAsync(Db, Actor, new NewMember(FullName ?? "", elected, confirmed, MandateConfirmedBy ?? "", UserName: UserName, Email: Email), ct)))
            return Redirect($"/Council/{MunicipalityId}");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        SessionView? called = null;
        if (!TryDate(ScheduledOn, out var day) || !TimeOnly.TryParse(StartsAt, System.Globalization.CultureInfo.InvariantCulture, out var at))
            await TryAsync(() => throw new OpenBams.Platform.Http.InputError("scheduledOn", Platform.Localization.T.BadDate));
        else if (await TryAsync(async () => called = (await SessionFlow.CallAsync(Db, Actor, new CallSession(day, at, Place ?? "", SessionInitiative.Chairman, IsFirstSession,
                     ShortNoticeReason: ShortNoticeReason), time, notifier, ct)).Session))
            return Redirect($"/Council/{MunicipalityId}/Sessions/{called!.Id}");
        await LoadAsync(ct);
        return Page();
    }
}
