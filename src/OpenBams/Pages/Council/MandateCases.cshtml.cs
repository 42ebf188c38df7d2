using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>
/// Mandate cases (SL 21, 22): staff raise a ground, or the SL 22.6 grounds from the attendance record, record the
/// court decision SL 23 requires (which suspends the powers, SL 22-1.2) and dismiss a case. Only the council's
/// decision on an agenda item ends a mandate (SL 23); this page never does.
/// </summary>
public sealed class MandateCasesModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    /// <summary>open (default), decided, dismissed or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public IReadOnlyList<MandateCaseView> Cases { get; private set; } = [];
    public IReadOnlyList<MemberView> Sitting { get; private set; } = [];
    /// <summary>The grounds a case may be raised on: every ground of SL 21 and 22 but the term's expiry, which ends powers by itself.</summary>
    public static IReadOnlyList<MandateEndGround> Grounds { get; } = Enum.GetValues<MandateEndGround>().Where(g => g != MandateEndGround.TermExpired).ToList();

    [BindProperty] public int? MemberId { get; set; }
    [BindProperty] public MandateEndGround? Ground { get; set; }
    [BindProperty] public string? Detail { get; set; }
    [BindProperty] public string? CourtDecisionReference { get; set; }
    [BindProperty] public string? CourtDecisionInForceOn { get; set; }
    [BindProperty] public int CaseId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private string Here => $"/Council/{MunicipalityId}/MandateCases" + (string.IsNullOrEmpty(Show) ? "" : $"?show={Uri.EscapeDataString(Show)}");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        MandateCaseStatus? status = Show switch
        {
            "all" => null,
            "decided" => MandateCaseStatus.Decided,
            "dismissed" => MandateCaseStatus.Dismissed,
            _ => MandateCaseStatus.Open,
        };
        Cases = await MandateCases.ListAsync(Db, MunicipalityId, status, null, ct);
        Sitting = await Members.ListAsync(Db, MunicipalityId, null, includeEnded: false, ct);
    }

    public Task<IActionResult> OnPostRaiseAsync(CancellationToken ct) =>
        PostAsync(() =>
            {
                if (MemberId is not { } member) throw new OpenBams.Platform.Http.InputError("memberId", new Text("Üzvü seçin", "Choose the member"));
                if (Ground is not { } ground) throw new OpenBams.Platform.Http.InputError("ground", new Text("Əsası seçin (BS 21, 22)", "Choose the ground (SL 21, 22)"));
                return MandateCases.RaiseAsync(Db, Actor, new NewMandateCase(member, ground, Detail, CourtDecisionReference,
                    OptionalDate(CourtDecisionInForceOn, "courtDecisionInForceOn")), time, ct);
            },
            Here, () => LoadAsync(ct), ct);

    /// <summary>SL 22.6 from the attendance of closed sessions; says how many cases it opened (running it twice opens none).</summary>
    public async Task<IActionResult> OnPostAbsencesAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        IReadOnlyList<MandateCaseView> raised = [];
        var ok = await TryAsync(async () => raised = await MandateCases.RaiseAbsencesAsync(Db, Actor, time, ct));
        if (ok)
            Message = raised.Count == 0
                ? Tr("Davamiyyət qeydlərində yeni əsas tapılmadı (BS 22.6)", "No new ground in the attendance record (SL 22.6)")
                : Tr($"Davamiyyət qeydlərinə görə {raised.Count} iş açıldı (BS 22.6): ", $"{raised.Count} case(s) opened from the attendance record (SL 22.6): ")
                  + string.Join(", ", raised.Select(r => r.Member));
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostCourtAsync(CancellationToken ct) =>
        PostAsync(() => MandateCases.RecordCourtDecisionAsync(Db, Actor, CaseId,
                new CourtDecisionEntry(CourtDecisionReference, OptionalDate(CourtDecisionInForceOn, "courtDecisionInForceOn"), Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken ct) =>
        PostAsync(() => MandateCases.DismissAsync(Db, Actor, CaseId, new DismissMandateCase(Reason, Version), time, ct),
            Here, () => LoadAsync(ct), ct);
}
