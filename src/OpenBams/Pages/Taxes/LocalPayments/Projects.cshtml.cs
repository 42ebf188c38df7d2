using Microsoft.AspNetCore.Mvc;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Taxes;

namespace OpenBams.Pages.Taxes.LocalPayments;

/// <summary>Voluntary one-time payment projects (LTP 3.3-3.5, 9.2): the list with balances, search, paging, exports, and opening one on a poll's result.</summary>
public sealed class ProjectsModel(AppDb db, TimeProvider time) : TaxesPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public PageOf<VoluntaryProjectView> Result { get; private set; } = null!;

    [BindProperty] public string? ProjectName { get; set; }
    [BindProperty] public string? ProjectPurpose { get; set; }
    [BindProperty] public string? PollReference { get; set; }
    [BindProperty] public string? PollHeldOn { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? OpenedOn { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = TaxRatesApi.Page(await LocalPaymentsApi.ProjectsAsync(Db, MunicipalityId, Q, ct), PageNumber, 50);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        OpenBams.Taxes.VoluntaryProject? created = null;
        if (await TryAsync(async () =>
            {
                Actor.RequireKeeper();
                var target = RequiredDecimal(Target, "target");
                created = await LocalPaymentsApi.AddProjectAsync(Db, MunicipalityId, new NewVoluntaryProject(ProjectName, ProjectPurpose, PollReference,
                    OptionalDate(PollHeldOn, "pollHeldOn"), target, OptionalDate(OpenedOn, "openedOn")), time, ct);
            }))
            return Redirect($"/Taxes/{MunicipalityId}/Projects/{created!.Id}");
        await LoadAsync(ct);
        return Page();
    }
}
