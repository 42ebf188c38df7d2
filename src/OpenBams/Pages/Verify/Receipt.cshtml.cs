using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Verify;

/// <summary>
/// Anyone holding a payment receipt checks it here from its QR code: the municipality, the amount, the day, the masked
/// reference and whether the payment stands. Tax secrecy (TAX-REG 3.1.10): no name, no FIN, no account.
/// </summary>
public sealed class ReceiptModel(AppDb db) : PageModel
{
    public ReceiptVerification? Result { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Result = await Payments.VerifyReceiptAsync(db, code, ct);
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
