using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Register;

/// <summary>An administrator corrects a register entry; the rules are RegisterEdits', shared with the API.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class EditModel(AppDb db) : PageModel
{
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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        (Version, Name, Kind, Population, PopulationSource) = (m.Version, m.Name, m.Kind, m.Population, m.PopulationSource);
        (CouncilSizeOverride, CouncilSizeJustification, RegisterCertificateNumber, CharterRegistrationNumber, TerritoryText) =
            (m.CouncilSizeOverride, m.CouncilSizeJustification, m.RegisterCertificateNumber, m.CharterRegistrationNumber, m.TerritoryText);
        PopulationDate = m.PopulationDate is null ? null : Fmt.Date(m.PopulationDate);
        RegisterCertificateDate = m.RegisterCertificateDate is null ? null : Fmt.Date(m.RegisterCertificateDate);
        CharterRegisteredOn = m.CharterRegisteredOn is null ? null : Fmt.Date(m.CharterRegisteredOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var m = await db.Municipalities.Include(x => x.TerritorialUnits).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        var update = new MunicipalityUpdate(Version, Name, Kind, Population, Date(PopulationDate, "populationDate"), PopulationSource,
            CouncilSizeOverride, CouncilSizeJustification, RegisterCertificateNumber, Date(RegisterCertificateDate, "registerCertificateDate"),
            CharterRegistrationNumber, Date(CharterRegisteredOn, "charterRegisteredOn"), TerritoryText);
        if (m.Version != Version) { Stale = true; return Page(); }
        if (Errors.Count == 0) Errors.AddRange(RegisterEdits.Validate(update, DateOnly.FromDateTime(DateTime.UtcNow)));
        if (Errors.Count > 0) return Page();
        RegisterEdits.Apply(m, update);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Stale = true;
            return Page();
        }
        return Redirect($"/Register/{id}");
    }

    private DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Fmt.TryParseDate(text, out var d)) return d;
        Errors.Add(new(field, T.BadDate));
        return null;
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } e
        ? e.Message + (e.Rule is null ? "" : $" ({e.Rule})") : null;
}
