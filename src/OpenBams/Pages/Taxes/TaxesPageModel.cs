using OpenBams.Law;
using OpenBams.Pages.Shared;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes;

/// <summary>
/// Every page under /Taxes/{municipalityId} is for the municipality's tax staff (<see cref="TaxActor"/>): a resident uses /MyTaxes.
/// </summary>
public abstract class TaxesPageModel(AppDb db) : CommandPageModel(db)
{
    public TaxActor Actor { get; private set; } = null!;
    public string? Message { get; set; }

    protected override Task LoadActorAsync(CancellationToken ct) => LoadActorAsync(ct, reportsOnly: false);

    /// <summary>Loads the actor and the municipality; refuses (403) users who may not read the register (or, for the reports, its reports).</summary>
    protected async Task LoadActorAsync(CancellationToken ct, bool reportsOnly)
    {
        Actor = TaxActor.For(Db, MunicipalityId);
        if (reportsOnly) Actor.RequireReports(); else Actor.RequireRead();
        await LoadMunicipalityAsync(ct);
    }
}
