using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Verify;

/// <summary>
/// The public check of a payment notice: the QR on the paper opens it. Anyone sees that the notice exists, for which
/// municipality, year and amount, and whether it is still in force; never the person (tax secrecy, TAX-REG 3.1.10).
/// </summary>
public sealed class NoticeModel(AppDb db) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";
    public NoticeVerification? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Result = await NoticesApi.VerifyAsync(db, Code, ct);
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
