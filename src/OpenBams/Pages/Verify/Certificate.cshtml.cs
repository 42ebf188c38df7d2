using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Taxes;

namespace OpenBams.Pages.Verify;

/// <summary>
/// Anyone who holds a certificate of debts checks it here from its QR code (SL 30.2): the municipality, the number, the
/// issue time and whether it states a debt. Tax secrecy (TAX-REG 3.1.10): the name and the FIN are never shown.
/// </summary>
public sealed class CertificateModel(AppDb db) : PageModel
{
    public string Code { get; private set; } = "";
    public CertificateVerification? Result { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Code = code;
        Result = await Certificates.VerifyAsync(db, code, ct);
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
