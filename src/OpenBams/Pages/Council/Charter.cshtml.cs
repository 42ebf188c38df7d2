using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>
/// The charter (SL 8): the version in force with its ten contents (SL 8.2, 8.5), the versions awaiting state
/// registration, adopting a new one by a council decision or a citizens' meeting (SL 8.1, 28.3), and the Ministry
/// of Justice's registration (SL 8.3) or refusal (SL 8.4).
/// </summary>
public sealed class CharterModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    public CharterOverview Overview { get; private set; } = null!;
    public IReadOnlyList<DecisionView> DecisionList { get; private set; } = [];
    public IReadOnlyList<CitizensMeetingView> MeetingList { get; private set; } = [];
    /// <summary>CouncilActor.RequireRecordKeeper: the secretary, the administrator, the chairman or a deputy.</summary>
    public bool Keeps => Actor.KeepsRecords || Actor.IsChairman || Actor.IsDeputy;

    /// <summary>The ten contents of SL 8.2 by key, posted as Sections[key].</summary>
    [BindProperty] public Dictionary<string, string?> Sections { get; set; } = [];
    /// <summary>"d:{id}" for a council decision, "m:{id}" for a citizens' meeting.</summary>
    [BindProperty] public string? AdoptedBy { get; set; }
    [BindProperty] public int CharterVersionId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RegistrationNumber { get; set; }
    [BindProperty] public string? RegisteredOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private string Here => $"/Council/{MunicipalityId}/Charter";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Overview = await CharterBook.OverviewAsync(Db, MunicipalityId, ct);
        DecisionList = (await DecisionRegister.PageAsync(Db, MunicipalityId, new DecisionQuery(PageSize: 200), publishedOnly: false, time, ct)).Items
            .Where(d => d.Status != DecisionStatus.Revoked).ToList();
        MeetingList = (await CitizensMeetingBook.ListAsync(Db, MunicipalityId, ct)).Where(m => m.Quorate).ToList();
    }

    /// <summary>Splits the "adopted by" choice into the command's two identifiers; anything else names neither, which SL 8.1 refuses.</summary>
    public static (int? DecisionId, int? CitizensMeetingId) ParseAdoptedBy(string? choice)
    {
        if (choice is { Length: > 2 } && int.TryParse(choice.AsSpan(2), out var id))
        {
            if (choice.StartsWith("d:", StringComparison.Ordinal)) return (id, null);
            if (choice.StartsWith("m:", StringComparison.Ordinal)) return (null, id);
        }
        return (null, null);
    }

    public Task<IActionResult> OnPostAdoptAsync(CancellationToken ct) =>
        PostAsync(() =>
            {
                var (decision, meeting) = ParseAdoptedBy(AdoptedBy);
                // Only the sections of SL 8.2 are offered; a blank one is left for the command to name (SL 8.2).
                var sections = CharterContents.Required.ToDictionary(r => r.Key, r => Sections.GetValueOrDefault(r.Key));
                return CharterBook.AdoptAsync(Db, Actor, new NewCharterVersion(sections, decision, meeting), ct);
            },
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) =>
        PostAsync(() => CharterBook.RegisterAsync(Db, Actor, CharterVersionId, new CharterRegistration(RegistrationNumber, OptionalDate(RegisteredOn, "registeredOn"), Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        PostAsync(() => CharterBook.RefuseAsync(Db, Actor, CharterVersionId, new CharterRefusal(Reason, Version), ct),
            Here, () => LoadAsync(ct), ct);
}
