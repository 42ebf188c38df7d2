using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.MyTaxes;

/// <summary>
/// The resident's own taxes (self-service): what they owe and why, notices, instalments, payments, interest, the reference
/// to pay with, and certificates of debts (SL 30.2). Found by the FIN on the account, in every municipality.
/// </summary>
[Authorize]
public sealed class IndexModel(AppDb db, TimeProvider time, IConfiguration config) : PageModel
{
    public MyTaxesView View { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public int? Requested { get; set; }
    [BindProperty] public int? TaxpayerId { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    public string? Error { get; private set; }

    public static string Tr(string az, string en) => Text.English ? en : az;

    public string? PayLink(MyNotice n) => PortalPayLink.For(config, n.Reference, n.ToPay);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var self = await SelfService.OpenAsync(HttpContext.RequestServices, db.Tenant, ct);
        View = await self.ViewAsync(time, ct);
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        await using var self = await SelfService.OpenAsync(HttpContext.RequestServices, db.Tenant, ct);
        try
        {
            var c = await self.RequestCertificateAsync(new MyCertificateRequest(TaxpayerId, Purpose), db.Tenant.UserName ?? "", time, ct);
            return Redirect($"/MyTaxes?requested={c.Id}#mytaxes-certificates");
        }
        catch (InputError e) { Error = e.Text.ToString(); }
        catch (NotFound) { Error = Tr("Belə vergi ödəyicisi qeydiniz yoxdur", "You have no such taxpayer record"); }
        self.Db.ChangeTracker.Clear();
        View = await self.ViewAsync(time, ct);
        return Page();
    }
}
