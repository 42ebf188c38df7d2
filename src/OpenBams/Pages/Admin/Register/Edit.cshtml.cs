using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>
/// An administrator corrects a register entry. The rules are RegisterEdits' (Validate/Apply), shared with
/// PUT /api/v1/municipalities/{id}; a stale Version is refused like the API's 409.
/// </summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class EditModel(AppDb db, TimeProvider time) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public MunicipalityKind Kind { get; set; }
    [BindProperty] public int? Population { get; set; }
    [BindProperty] public string? PopulationDate { get; set; }
    [BindProperty] public string? PopulationSource { get; set; }
    [BindProperty] public int? CouncilSizeOverride { get; set; }
    [BindProperty] public string? CouncilSizeJustification { get; set; }
    [BindProperty] public string? RegisterCertificateNumber { get; set; }
    [BindProperty] public string? RegisterCertificateDate { get; set; }
    [BindProperty] public string? CharterRegistrationNumber { get; set; }
    [BindProperty] public string? CharterRegisteredOn { get; set; }
    [BindProperty] public string? TerritoryText { get; set; }
    public List<FieldError> Errors { get; } = [];
    public bool Stale { get; private set; }
    /// <summary>The entry as stored (council size and its explanation as the register shows them).</summary>
    public MunicipalityDetail Stored { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var d = await RegistryApi.DetailAsync(db, Id, ct);
        if (d is null) return NotFound();
        Stored = d;
        var m = await db.Municipalities.AsNoTracking().FirstAsync(x => x.Id == Id, ct);
        (Version, Name, Kind, Population, PopulationSource) = (m.Version, m.Name, m.Kind, m.Population, m.PopulationSource);
        (CouncilSizeOverride, CouncilSizeJustification, RegisterCertificateNumber, CharterRegistrationNumber, TerritoryText) =
            (m.CouncilSizeOverride, m.CouncilSizeJustification, m.RegisterCertificateNumber, m.CharterRegistrationNumber, m.TerritoryText);
        PopulationDate = m.PopulationDate is null ? null : Fmt.Date(m.PopulationDate);
        RegisterCertificateDate = m.RegisterCertificateDate is null ? null : Fmt.Date(m.RegisterCertificateDate);
        CharterRegisteredOn = m.CharterRegisteredOn is null ? null : Fmt.Date(m.CharterRegisteredOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.Include(x => x.TerritorialUnits).FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null) return NotFound();
        var update = new MunicipalityUpdate(Version, Name, Kind, Population, Date(PopulationDate, "populationDate"), PopulationSource,
            CouncilSizeOverride, CouncilSizeJustification, RegisterCertificateNumber, Date(RegisterCertificateDate, "registerCertificateDate"),
            CharterRegistrationNumber, Date(CharterRegisteredOn, "charterRegisteredOn"), TerritoryText);
        if (m.Version != Version) return await StaleAsync(ct);
        if (Errors.Count == 0) Errors.AddRange(RegisterEdits.Validate(update, Platform.Clock.Today(time)));
        if (Errors.Count > 0) return await ShowAsync(ct);
        RegisterEdits.Apply(m, update);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(ct);
        }
        return Redirect($"/Register/{Id}");
    }

    /// <summary>Someone saved the entry since this form was opened: keep what the user typed, say so, offer to reopen.</summary>
    private async Task<IActionResult> StaleAsync(CancellationToken ct)
    {
        Stale = true;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Stored = (await RegistryApi.DetailAsync(db, Id, ct))!;
        return Page();
    }

    private DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Fmt.TryParseDate(text, out var d)) return d;
        Errors.Add(new(field, T.BadDate));
        return null;
    }

    /// <summary>The error of one field with the rule it breaks, e.g. "… (EC 210.2)".</summary>
    public string? ErrorFor(params string[] fields) => Errors.FirstOrDefault(e => fields.Contains(e.Field)) is { } e
        ? e.Message + (e.Rule is null ? "" : $" ({e.Rule})") : null;
}
