using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Parameters;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Parameters;

/// <summary>One parameter: its full history (corrected rows struck through) and the form for a new value or a correction.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class KeyModel(AppDb db) : PageModel
{
    public const int PageSize = 50;

    [FromRoute] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool HideSuperseded { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "saved")] public bool JustSaved { get; set; }

    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Citation { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool FromSeeds { get; set; }
    [BindProperty] public int? CorrectsId { get; set; }

    public ParameterView View { get; private set; } = null!;
    public Paged<ParameterValueView> Rows { get; private set; } = new([], 0, 1, PageSize);
    public List<FieldError> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (LegalParameters.Definition(Key) is not { } def) return NotFound();
        if (def.Key != Key) return RedirectToPage(new { key = def.Key });
        await LoadAsync(def, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (LegalParameters.Definition(Key) is not { } def) return NotFound();
        DateOnly from = default;
        if (string.IsNullOrWhiteSpace(ValidFrom) && CorrectsId is { } cid)
        {
            // A correction may leave the date empty: it keeps the corrected row's date.
            var corrected = await db.LegalParameters.FindAsync([cid], ct);
            if (corrected is not null && corrected.Key == def.Key) from = corrected.ValidFrom;
        }
        else if (!Fmt.TryParseDate(ValidFrom, out from))
            Errors.Add(new("validFrom", T.BadDate));
        if (!TryParseNumber(Value, out var value))
            Errors.Add(new("value", ParameterTexts.BadNumber));
        if (Errors.Count == 0)
        {
            var (_, errors) = await LegalParameters.AddAsync(db, def.Key, new NewParameterValue(from, value, Citation, FromSeeds, Note, CorrectsId), User.Identity?.Name, ct);
            Errors.AddRange(errors);
        }
        if (Errors.Count == 0) return RedirectToPage(new { key = def.Key, saved = true });
        await LoadAsync(def, ct);
        return Page();
    }

    /// <summary>Accepts 1,10 and 1.10 alike (Azerbaijani and English decimal separators); no thousands separators.</summary>
    public static bool TryParseNumber(string? s, out decimal value) =>
        decimal.TryParse(s?.Trim().Replace(" ", "").Replace("\u00A0", "").Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out value);

    private async Task LoadAsync(LegalParameterDefinition def, CancellationToken ct)
    {
        View = await ParametersApi.ViewAsync(db, def, ct);
        var rows = View.History.Where(h => !HideSuperseded || !h.Superseded).OrderByDescending(h => h.ValidFrom).ThenByDescending(h => h.Id).ToList();
        var page = Math.Max(1, PageNumber);
        Rows = new Paged<ParameterValueView>(rows.Skip((page - 1) * PageSize).Take(PageSize).ToList(), rows.Count, page, PageSize);
    }

    public string PageLink(int page) => $"?HideSuperseded={HideSuperseded.ToString().ToLowerInvariant()}&page={page}";

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } e ? e.Message.ToString() : null;
}
