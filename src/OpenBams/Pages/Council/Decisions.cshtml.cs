using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Council;

/// <summary>The council's register of decisions, searched and paged.</summary>
public sealed class DecisionsModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public DecisionPage Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Result = await DecisionRegister.PageAsync(Db, MunicipalityId, new DecisionQuery(Q, Year, Page: PageNumber), publishedOnly: false, time, ct);
    }
}
