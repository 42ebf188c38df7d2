using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Law;
using OpenBams.Pages.Shared;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Budget;

/// <summary>
/// The budget planning pages call <see cref="BudgetPlanning"/>. Readers are the municipality's officials and members
/// (<see cref="BudgetActor"/>).
/// </summary>
public abstract class PlanningPageModel(AppDb db) : CommandPageModel(db)
{
    public BudgetActor Actor { get; private set; } = null!;

    protected override async Task LoadActorAsync(CancellationToken ct)
    {
        Actor = BudgetActor.For(Db, MunicipalityId);
        Actor.RequireRead();
        await LoadMunicipalityAsync(ct);
    }

    /// <summary>The municipality's council decisions on the budget that can make an act take effect (not revoked).</summary>
    protected Task<List<CouncilDecision>> BudgetDecisionsAsync(CancellationToken ct) =>
        Db.CouncilDecisions.AsNoTracking().Where(d => d.MunicipalityId == MunicipalityId && d.Area == DecisionArea.Budget && d.Status != DecisionStatus.Revoked)
            .OrderByDescending(d => d.AdoptedOn).Take(200).ToListAsync(ct);


    /// <summary>Manat as people type them, to whole qəpiks (never rounded).</summary>
    protected static long Qepik(string? s, string field, bool allowNegative = false)
    {
        var t = s?.Trim() ?? "";
        var negative = allowNegative && t.StartsWith('-');
        if (negative) t = t[1..];
        if (!TaxInput.TryMoney(t, out var m) || m < Money.Zero)
            throw new InputError(field, new Text("Məbləğ manatla, ən çox iki onluq rəqəmlə yazılır", "Amounts are in manat with at most two decimals"));
        return negative ? -m.Qepik : m.Qepik;
    }
}
