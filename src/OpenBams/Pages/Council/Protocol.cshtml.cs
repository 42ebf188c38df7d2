using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;

namespace OpenBams.Pages.Council;

/// <summary>The protocol (SL 16.6): members read it and add remarks; the session's chair and secretary sign it.</summary>
public sealed class ProtocolModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [FromRoute] public int ProtocolId { get; set; }
    public ProtocolView Protocol { get; private set; } = null!;
    [BindProperty] public string? Remark { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        try { Protocol = await ProtocolBook.ViewAsync(Db, MunicipalityId, ProtocolId, ct); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }

    private Task<IActionResult> Run(Func<Task> command, CancellationToken ct) =>
        PostAsync(command, $"/Council/{MunicipalityId}/Protocols/{ProtocolId}",
            async () => Protocol = await ProtocolBook.ViewAsync(Db, MunicipalityId, ProtocolId, ct), ct);

    public Task<IActionResult> OnPostRemarkAsync(CancellationToken ct) => Run(() => ProtocolBook.RemarkAsync(Db, Actor, ProtocolId, new NewRemark(Remark ?? ""), time, ct), ct);
    public Task<IActionResult> OnPostSignAsync(CancellationToken ct) => Run(() => ProtocolBook.SignAsync(Db, Actor, ProtocolId, time, ct), ct);
    public Task<IActionResult> OnPostRedraftAsync(CancellationToken ct) => Run(() => ProtocolBook.RedraftAsync(Db, Actor, ProtocolId, ct), ct);
}
