using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Platform.Parameters;
using OpenBams.Registry;

namespace OpenBams.Pages.Admin.Parameters;

/// <summary>Every legal parameter with its value in force today; each links to its history and correction form.</summary>
[Authorize(Policy = IdentitySetup.Administrator)]
public sealed class IndexModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<ParameterView> Result { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await ParametersApi.ListAsync(db, Q, ct);
        var page = Math.Max(1, PageNumber);
        Result = new Paged<ParameterView>(all.Skip((page - 1) * 50).Take(50).ToList(), all.Count, page, 50);
    }

    public string PageLink(int page) => $"?q={Uri.EscapeDataString(Q ?? "")}&page={page}";

    /// <summary>Money parameters show as manat with qəpik (₼); others as plain numbers.</summary>
    public static string Show(string unit, decimal v) => unit == "manat"
        ? Platform.Localization.Fmt.Money(OpenBams.Law.Money.Manat(v)) + (decimal.Round(v, 2) != v ? $" ({v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)})" : "")
        : v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
