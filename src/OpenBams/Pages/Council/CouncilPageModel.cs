using OpenBams.Council;
using OpenBams.Pages.Shared;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>Council pages call the same commands as the API; who may do what is the <see cref="CouncilActor"/>.</summary>
public abstract class CouncilPageModel(AppDb db) : CommandPageModel(db)
{
    public CouncilActor Actor { get; private set; } = null!;
    public string? Message { get; set; }

    protected override async Task LoadActorAsync(CancellationToken ct)
    {
        Actor = await CouncilActor.ForAsync(Db, MunicipalityId, ct);
        await LoadMunicipalityAsync(ct);
    }

    public static bool TryDate(string? s, out DateOnly d) => Fmt.TryParseDate(s, out d);
}
