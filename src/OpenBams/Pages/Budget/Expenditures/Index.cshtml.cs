using Microsoft.AspNetCore.Mvc;
using OpenBams.Budget;
using OpenBams.Law.Budget;
using OpenBams.Platform.Data;
using OpenBams.Taxes;
using Spend = OpenBams.Budget.Expenditures;

namespace OpenBams.Pages.Budget.Execution;

/// <summary>
/// Expenditures of a budget year (seed 000: every expenditure through the system): the list with search, filters, paging and
/// exports; the form that records a commitment, a payment of one or a direct payment with each line's available amount
/// (FL 13.1); one expenditure and its cancellation.
/// </summary>
public sealed class ExpendituresModel(AppDb db, TimeProvider time) : ExecutionPageModel(db, time)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? LineId { get; set; }
    [BindProperty(SupportsGet = true)] public ExpenditureKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public long? ExpenditureId { get; set; }

    [BindProperty] public ExpenditureKind NewKind { get; set; } = ExpenditureKind.DirectPayment;
    [BindProperty] public int NewLineId { get; set; }
    [BindProperty] public long? CommitmentId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Payee { get; set; }
    [BindProperty] public string? PayeeTaxId { get; set; }
    [BindProperty] public bool PayeeIsNaturalPerson { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Document { get; set; }
    [BindProperty] public int? DecisionId { get; set; }
    [BindProperty] public string? Contract { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long Version { get; set; }

    public PageOf<ExpenditureView> Result { get; private set; } = new(0, 1, 50, []);
    public ExecutionSummary? Summary { get; private set; }
    public IReadOnlyList<ExpenditureView> OpenCommitments { get; private set; } = [];
    public ExpenditureView? Detail { get; private set; }

    public string Filters => string.Join("&", new[] { ("year", Year?.ToString()), ("q", Q), ("lineId", LineId?.ToString()), ("kind", Kind?.ToString()), ("month", Month?.ToString()) }
        .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Summary = await BudgetExecution.SummaryForYearAsync(Db, MunicipalityId, BudgetYear, ct);
        Result = await Spend.PageAsync(Db, MunicipalityId, new(BudgetYear, Q, LineId, Kind, Month, null, PageNumber, 50), Time, ct);
        OpenCommitments = (await Spend.PageAsync(Db, MunicipalityId, new(BudgetYear, null, null, ExpenditureKind.Commitment, null, ExpenditureStatus.Active, 1, 500), Time, ct))
            .Items.Where(c => c.Unpaid > 0).ToList();
        if (ExpenditureId is { } id) await TryAsync(async () => Detail = await Spend.ViewAsync(Db, MunicipalityId, id, ct));
    }

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        long created = 0;
        return PostAsync(async () =>
        {
            Actor.RequireExecutor();
            var input = new NewExpenditure(NewLineId, NewKind, NewKind == ExpenditureKind.PaymentOfCommitment ? CommitmentId : null, RequiredDecimal(Amount, "amount"),
                RequiredDate(On, "on"), Payee, PayeeTaxId, PayeeIsNaturalPerson, Purpose, Document, DecisionId, Contract);
            created = (await Spend.RecordAsync(Db, MunicipalityId, input, Actor.Name, Time, ct)).Id;
        }, () => $"/Budget/{MunicipalityId}/Expenditures?year={BudgetYear}&expenditureId={created}&recorded=1", () => LoadAsync(ct), ct);
    }

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => PostAsync(async () =>
        {
            Actor.RequireExecutor();
            await Spend.CancelAsync(Db, MunicipalityId, ExpenditureId ?? 0, new(Reason, Version), Actor.Name, Time, ct);
        }, () => $"/Budget/{MunicipalityId}/Expenditures?year={BudgetYear}&expenditureId={ExpenditureId}&cancelled=1", () => LoadAsync(ct), ct);
}
