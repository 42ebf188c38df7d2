using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Law.Taxes;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.Rates;

/// <summary>
/// The municipality's rates and reliefs: rates in force on a day and their history, entering a rate or relief the council
/// decided (SL 43.3, FL 7.2, LTP 10.1-10.2, LML 18.5), and the LML 18.9 persons with their chosen plots.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Person { get; set; }

    public DateOnly OnDate { get; private set; }
    public IReadOnlyList<TaxRateView> InForce { get; private set; } = [];
    public PageOf<TaxRateView> History { get; private set; } = null!;
    public IReadOnlyList<TaxReliefView> Reliefs { get; private set; } = [];
    public PageOf<Relief102View> Statutory { get; private set; } = null!;
    public IReadOnlyList<RateClassView> Classes { get; private set; } = [];
    public IReadOnlyList<CouncilDecision> Decisions { get; private set; } = [];
    public Relief102View? Chosen { get; private set; }
    public IReadOnlyList<(int Id, string Address)> OwnedPlots { get; private set; } = [];

    [BindProperty] public string? RateClass { get; set; }
    [BindProperty] public string? RateValue { get; set; }
    [BindProperty] public int? RateDecisionId { get; set; }
    [BindProperty] public string? RateFrom { get; set; }
    [BindProperty] public bool RateAbolished { get; set; }

    [BindProperty] public LocalTax ReliefTax { get; set; } = LocalTax.LandTax;
    [BindProperty] public string? ReliefCategory { get; set; }
    [BindProperty] public string? ReliefCategoryName { get; set; }
    [BindProperty] public ReliefKind ReliefKind { get; set; } = ReliefKind.PercentReduction;
    [BindProperty] public string? ReliefValue { get; set; }
    [BindProperty] public string? ReliefRateClass { get; set; }
    [BindProperty] public string? ReliefFrom { get; set; }
    [BindProperty] public string? ReliefTo { get; set; }
    [BindProperty] public int? ReliefDecisionId { get; set; }

    [BindProperty] public int R102TaxpayerId { get; set; }
    [BindProperty] public bool R102Eligible { get; set; }
    [BindProperty] public int? R102PlotId { get; set; }
    [BindProperty] public long R102Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        OnDate = Fmt.TryParseDate(On, out var d) ? d : Clock.Today(time);
        InForce = await TaxRatesApi.InForceAsync(Db, MunicipalityId, OnDate, null, ct);
        History = TaxRatesApi.Page(await TaxRatesApi.HistoryAsync(Db, MunicipalityId, null, Q, ct), PageNumber, 50);
        Reliefs = await TaxRatesApi.ReliefsAsync(Db, MunicipalityId, null, null, ct);
        Statutory = await TaxRatesApi.StatutoryAsync(Db, MunicipalityId, null, 1, 100, ct);
        Classes = await TaxRatesApi.ClassesAsync(Db, OnDate, ct);
        Decisions = await Db.CouncilDecisions.AsNoTracking()
            .Where(x => x.MunicipalityId == MunicipalityId && x.Area == DecisionArea.LocalTaxesAndPayments && x.Status != DecisionStatus.Revoked)
            .OrderByDescending(x => x.AdoptedOn).ThenByDescending(x => x.Id).Take(200).ToListAsync(ct);
        if (Person is { } pid)
        {
            Chosen = (await TaxRatesApi.StatutoryAsync(Db, MunicipalityId, null, 1, 1, ct, pid)).Items.FirstOrDefault();
            if (Chosen is not null)
            {
                var today = Clock.Today(time);
                var ids = await Db.ObjectHoldings.AsNoTracking().Where(h => h.TaxpayerId == pid && h.ObjectKind == ObjectKind.LandPlot && h.Right == HoldingRight.Ownership
                                                                             && h.From <= today && (h.To == null || h.To > today)).Select(h => h.ObjectId).ToListAsync(ct);
                OwnedPlots = (await Db.LandPlots.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Address).Select(p => new { p.Id, p.Address }).ToListAsync(ct))
                    .Select(p => (p.Id, p.Address)).ToList();
            }
        }
    }

    private string Back => $"/Taxes/{MunicipalityId}/Rates";

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) => PostAsync(async () =>
    {
        decimal? rate = string.IsNullOrWhiteSpace(RateValue) ? null : RequiredDecimal(RateValue, "rate");
        var decision = RateDecisionId ?? throw new InputError("decisionId", new("Dərəcəni müəyyən edən qərarı seçin", "Choose the decision setting the rate"));
        Actor.RequireKeeper();
        await TaxRatesApi.AddRateAsync(Db, MunicipalityId, new NewTaxRate(RateClass, rate, RequiredDate(RateFrom, "validFrom"), decision, RateAbolished), Actor.Name, time, ct);
    }, Back + "#rates-in-force", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostReliefAsync(CancellationToken ct) => PostAsync(async () =>
    {
        decimal? value = string.IsNullOrWhiteSpace(ReliefValue) ? null : RequiredDecimal(ReliefValue, "value");
        var decision = ReliefDecisionId ?? throw new InputError("decisionId", new("Güzəşti müəyyən edən qərarı seçin", "Choose the decision setting the relief"));
        Actor.RequireKeeper();
        await TaxRatesApi.AddReliefAsync(Db, MunicipalityId, new NewTaxRelief(ReliefTax, ReliefCategory, ReliefCategoryName, ReliefKind, value,
            string.IsNullOrWhiteSpace(ReliefRateClass) ? null : ReliefRateClass, RequiredDate(ReliefFrom, "validFrom"), OptionalDate(ReliefTo, "validTo"), decision),
            Actor.Name, time, ct);
    }, Back + "#reliefs", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostStatutoryAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequireKeeper();
        await TaxRatesApi.SetRelief102Async(Db, MunicipalityId, R102TaxpayerId, new Relief102Change(R102Eligible, R102PlotId, R102Version), time, ct);
    }, Back + "#relief-102-2", () => LoadAsync(ct), ct);
}
