using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using OpenBams.Budget;
using OpenBams.Law;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Portal;

/// <summary>
/// The public portal's pages (issue 5): no login, no JavaScript, printable, one column on a phone; anonymous responses come
/// from the output cache (<see cref="global::OpenBams.Budget.Portal"/>) and every response carries Cache-Control and an ETag.
/// </summary>
[AllowAnonymous]
[Platform.Tenancy.PublicAcrossMunicipalities]
[OutputCache(PolicyName = global::OpenBams.Budget.Portal.CachePolicy)]
public abstract class PortalPageModel : PageModel
{
    public static string Tr(string az, string en) => Text.English ? en : az;
    public static readonly string[] MonthsAz = ["yan", "fev", "mar", "apr", "may", "iyn", "iyl", "avq", "sen", "okt", "noy", "dek"];
    public static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    public static string Month(int i) => Text.English ? MonthsEn[i] : MonthsAz[i];

    public static string StatusName(global::OpenBams.Budget.BudgetStatus? s) => s switch
    {
        global::OpenBams.Budget.BudgetStatus.Approved => Tr("təsdiq edilib", "approved"),
        global::OpenBams.Budget.BudgetStatus.Closed => Tr("bağlanıb (il başa çatıb)", "closed (year ended)"),
        global::OpenBams.Budget.BudgetStatus.Published => Tr("layihə — dərc edilib", "draft — published"),
        _ => Tr("dərc edilmiş büdcə yoxdur", "no public budget"),
    };

    /// <summary>The month chart's groups: revenue and paid expenditure per month.</summary>
    public static List<(string Label, long[] Values)> Months(long[] revenue, long[] paid) =>
        Enumerable.Range(0, 12).Select(i => (Month(i), new[] { revenue[i], paid[i] })).ToList();
}
