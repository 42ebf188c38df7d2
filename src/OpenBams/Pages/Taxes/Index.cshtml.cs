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

    /// <summary>The taxes pages, in the order of the work: registers, rates, assessment and notices, money, services, reports.</summary>
    public static readonly (string Path, string Az, string En)[] Pages =
    [
        ("Taxpayers", "Vergi ödəyiciləri", "Taxpayers"),
        ("Plots", "Torpaq sahələri", "Land plots"),
        ("Buildings", "Binalar", "Buildings"),
        ("Vehicles", "Nəqliyyat vasitələri", "Vehicles"),
        ("LateRegistrations", "Gecikmiş qeydiyyatlar", "Late registrations"),
        ("Settings", "Parametrlər", "Settings"),
        ("Rates", "Dərəcələr", "Rates"),
        ("Reliefs", "Güzəştlər", "Reliefs"),
        ("Returns", "Yerli ödənişlər üzrə bəyannamələr", "Local payment returns"),
        ("Projects", "Könüllü ödəniş layihələri", "Voluntary payment projects"),
        ("Assessment", "Hesablama", "Assessment"),
        ("Notices", "Tədiyyə bildirişləri", "Payment notices"),
        ("Certificates", "Borc arayışları", "Debt certificates"),
        ("Payments", "Ödənişlər", "Payments"),
        ("Imports", "Bank çıxarışları", "Bank statements"),
        ("Service", "Vergi xidməti: yoxlamalar, aktlar, şikayətlər", "Tax service: audits, acts, complaints"),
        ("Reports", "Hesabatlar", "Reports"),
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
