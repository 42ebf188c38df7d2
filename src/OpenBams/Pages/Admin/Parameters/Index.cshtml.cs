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

[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db) : PageModel
{
    public List<ParameterView> Parameters { get; } = [];
    public List<FieldError> Errors { get; private set; } = [];
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public decimal Value { get; set; }
    [BindProperty] public string? Citation { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool FromSeeds { get; set; }
    [BindProperty] public int? CorrectsId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (LegalParameterKeys.All.All(d => d.Key != Key)) return NotFound();
        if (!Fmt.TryParseDate(ValidFrom, out var from))
            Errors.Add(new("validFrom", T.BadDate));
        else
            Errors = await LegalParameters.AddAsync(db, Key!, new NewParameterValue(from, Value, Citation, FromSeeds, Note, CorrectsId), User.Identity?.Name, ct);
        if (Errors.Count == 0) return RedirectToPage();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        foreach (var def in LegalParameterKeys.All) Parameters.Add(await ParametersApi.ViewAsync(db, def, ct));
    }
}
