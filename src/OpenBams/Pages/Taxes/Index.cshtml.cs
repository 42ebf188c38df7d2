using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes;

/// <summary>
/// The taxes overview of a municipality: this year's statutory dates (LML 18.11, 18.13, the quarterly report) with whether
/// each was met, the registers' counts, the year's collection and the way to every taxes page. Only aggregates: a national
/// reader may open it too.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    public TaxOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct, reportsOnly: true);
        Overview = await TaxOverview.ComputeAsync(Db, MunicipalityId, Clock.Today(time), Text.Lang, ct);
    }

    /// <summary>
    /// The taxes pages, in the order of the work: registers, rates, assessment and notices, money, services, reports.
    /// Each path is a page's real route (a test opens every one); the id names the link for browser tests.
    /// </summary>
    public static readonly (string Id, string Path, string Az, string En)[] Pages =
    [
        ("taxpayers", "Taxpayers", "Vergi ödəyiciləri", "Taxpayers"),
        ("plots", "Objects/plots", "Torpaq sahələri", "Land plots"),
        ("buildings", "Objects/buildings", "Binalar", "Buildings"),
        ("vehicles", "Objects/vehicles", "Nəqliyyat vasitələri", "Vehicles"),
        ("lateregistrations", "Register/Late", "Gecikmiş qeydiyyatlar", "Late registrations"),
        ("rates", "Rates", "Dərəcələr", "Rates"),
        ("reliefs", "Rates#reliefs", "Güzəştlər", "Reliefs"),
        ("returns", "LocalPayments", "Yerli ödənişlər üzrə bəyannamələr", "Local payment returns"),
        ("projects", "Projects", "Könüllü ödəniş layihələri", "Voluntary payment projects"),
        ("assessment", "Assessments", "Hesablama", "Assessment"),
        ("notices", "Notices", "Tədiyyə bildirişləri", "Payment notices"),
        ("certificates", "Certificates", "Borc arayışları", "Debt certificates"),
        ("payments", "Payments", "Ödənişlər", "Payments"),
        ("imports", "Payments/Imports", "Bank çıxarışları", "Bank statements"),
        ("service", "Service", "Vergi xidməti: yoxlamalar, aktlar, şikayətlər", "Tax service: audits, acts, complaints"),
        ("reports", "Reports", "Hesabatlar", "Reports"),
    ];

    public static string StateName(DateState s) => s switch
    {
        DateState.Done => Tr("icra edilib", "done"),
        DateState.DoneLate => Tr("gecikmə ilə icra edilib", "done late"),
        DateState.Overdue => Tr("gecikib", "overdue"),
        _ => Tr("qarşıdadır", "upcoming"),
    };

    public static string StateClass(DateState s) => s switch
    {
        DateState.Done => "ok",
        DateState.DoneLate => "warn",
        DateState.Overdue => "bad",
        _ => "muted",
    };
}
