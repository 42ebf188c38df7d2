using Microsoft.AspNetCore.Mvc;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.LocalPayments;

/// <summary>One voluntary payment project: its balance, the payments received (never cash, SL 43.1), and spending only on it (LTP 3.5).</summary>
public sealed class ProjectModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [FromRoute] public int ProjectId { get; set; }
    [BindProperty(SupportsGet = true)] public int PaymentsPage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int SpendingsPage { get; set; } = 1;
    public VoluntaryProjectView Project { get; private set; } = null!;
    public PageOf<ProjectPaymentView> Payments { get; private set; } = null!;
    public PageOf<ProjectSpendingView> Spendings { get; private set; } = null!;

    [BindProperty] public string? PayAmount { get; set; }
    [BindProperty] public string? PayOn { get; set; }
    [BindProperty] public PaymentChannel PayChannel { get; set; } = PaymentChannel.Bank;
    [BindProperty] public string? PayExternalId { get; set; }
    [BindProperty] public string? PayerName { get; set; }
    [BindProperty] public string? SpendAmount { get; set; }
    [BindProperty] public string? SpendOn { get; set; }
    [BindProperty] public string? SpendPurpose { get; set; }
    [BindProperty] public string? SpendDocument { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Project = await LocalPaymentsApi.ProjectAsync(Db, MunicipalityId, ProjectId, ct);
        Payments = await LocalPaymentsApi.ProjectPaymentsAsync(Db, ProjectId, PaymentsPage, 50, ct);
        Spendings = await LocalPaymentsApi.SpendingsAsync(Db, ProjectId, SpendingsPage, 50, ct);
    }

    private string Back => $"/Taxes/{MunicipalityId}/Projects/{ProjectId}";

    public Task<IActionResult> OnPostPaymentAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequirePayments();
        var amount = RequiredDecimal(PayAmount, "amount");
        await LocalPaymentsApi.ReceiveAsync(Db, MunicipalityId, ProjectId, new NewProjectPayment(amount, RequiredDate(PayOn, "paidOn"), PayChannel, PayExternalId, PayerName),
            Actor.Name, time, ct);
    }, Back + "#payments", () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostSpendAsync(CancellationToken ct) => PostAsync(async () =>
    {
        Actor.RequirePayments();
        var amount = RequiredDecimal(SpendAmount, "amount");
        await LocalPaymentsApi.SpendAsync(Db, MunicipalityId, ProjectId, new NewProjectSpending(amount, OptionalDate(SpendOn, "spentOn"), SpendPurpose, SpendDocument),
            Actor.Name, time, ct);
    }, Back + "#spendings", () => LoadAsync(ct), ct);
}
