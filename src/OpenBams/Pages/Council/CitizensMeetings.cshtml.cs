using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Council;

/// <summary>
/// Citizens' meetings (SL 28): in municipalities of fewer than 500 inhabitants, or on merging or separating
/// (SL 28.1, 28.5); valid with at least 25% of the resident voters (SL 28.4).
/// </summary>
public sealed class CitizensMeetingsModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    public IReadOnlyList<CitizensMeetingView> List { get; private set; } = [];
    public int? Population { get; private set; }
    public int? ResidentVotersOnRecord { get; private set; }
    public bool Keeps => Actor.KeepsRecords || Actor.IsChairman || Actor.IsDeputy;

    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public bool AboutMergerOrSeparation { get; set; }
    [BindProperty] public int? ResidentVoters { get; set; }
    [BindProperty] public int? Participants { get; set; }
    [BindProperty] public string? Decisions { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        List = await CitizensMeetingBook.ListAsync(Db, MunicipalityId, ct);
        Population = (await Db.Municipalities.FindAsync([MunicipalityId], ct))?.Population;
        ResidentVotersOnRecord = (await Members.SettingsAsync(Db, MunicipalityId, ct)).ResidentVoters;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        PostAsync(() => CitizensMeetingBook.RecordAsync(Db, Actor, new NewCitizensMeeting(RequiredDate(HeldOn, "heldOn"), Subject, AboutMergerOrSeparation,
                ResidentVoters, Participants ?? throw new OpenBams.Platform.Http.InputError("participants",
                    new OpenBams.Platform.Localization.Text("İştirakçıların sayı tələb olunur", "The number of participants is required")), Decisions), time, ct),
            $"/Council/{MunicipalityId}/CitizensMeetings", () => LoadAsync(ct), ct);
}
