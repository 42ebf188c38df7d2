using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;

namespace OpenBams.Pages.Council;

/// <summary>One decision: the chairman signs (SL 19.4), staff publish (SL 52-1) and send the copy to oversight (SL 48.1).</summary>
public sealed class DecisionModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [FromRoute] public int DecisionId { get; set; }
    public DecisionView Decision { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        try { Decision = await DecisionRegister.ViewAsync(Db, (await DecisionRegister.FindAsync(Db, MunicipalityId, DecisionId, ct)).Id, time, ct); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }

    private Task<IActionResult> Run(Func<Task> command, CancellationToken ct) =>
        PostAsync(command, $"/Council/{MunicipalityId}/Decisions/{DecisionId}",
            async () => Decision = await DecisionRegister.ViewAsync(Db, (await DecisionRegister.FindAsync(Db, MunicipalityId, DecisionId, ct)).Id, time, ct), ct);

    public Task<IActionResult> OnPostSignAsync(CancellationToken ct) => Run(() => DecisionRegister.SignAsync(Db, Actor, DecisionId, time, ct), ct);
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => Run(() => DecisionRegister.PublishAsync(Db, Actor, DecisionId, time, ct), ct);
    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) => Run(() => DecisionRegister.SendToOversightAsync(Db, Actor, DecisionId, time, ct), ct);
}
