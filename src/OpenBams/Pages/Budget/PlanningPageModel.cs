using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenBams.Budget;
using OpenBams.Council;
using OpenBams.Law;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Budget;

/// <summary>
/// The budget planning pages call the same commands as the API (<see cref="BudgetPlanning"/>); a refused command shows its field and
/// article on the page (post/redirect/get). Readers are the municipality's officials and members (<see cref="BudgetActor"/>).
/// </summary>
[Authorize]
public abstract class PlanningPageModel(AppDb db) : PageModel
{
    protected AppDb Db => db;
    [FromRoute] public int MunicipalityId { get; set; }
    public string MunicipalityName { get; private set; } = "";
    public BudgetActor Actor { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorRule { get; private set; }
    public string? ErrorField { get; private set; }

    protected async Task LoadActorAsync(CancellationToken ct)
    {
        Actor = BudgetActor.For(db, MunicipalityId);
        Actor.RequireRead();
        MunicipalityName = (await db.Municipalities.FindAsync([MunicipalityId], ct))?.Name ?? "";
    }

    protected Task<IActionResult> PostAsync(Func<Task> command, string redirectTo, Func<Task> reload, CancellationToken ct) =>
        PostAsync(command, () => redirectTo, reload, ct);

    protected async Task<IActionResult> PostAsync(Func<Task> command, Func<string> redirectTo, Func<Task> reload, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        try
        {
            await command();
            return Redirect(redirectTo());
        }
        catch (LegalRuleViolation v) { (Error, ErrorRule, ErrorField) = (new Text(v.MessageAz, v.MessageEn), v.Rule.ToString(), v.Field); }
        catch (InputError e) { (Error, ErrorField) = (e.Text, e.Field); }
        catch (NotPermitted n) { Error = n.Why; }
        catch (DbUpdateConcurrencyException) { Error = T.ChangedMeanwhile; }
        db.ChangeTracker.Clear();
        await reload();
        return Page();
    }

    /// <summary>The municipality's council decisions on the budget that can make an act take effect (not revoked).</summary>
    protected Task<List<CouncilDecision>> BudgetDecisionsAsync(CancellationToken ct) =>
        db.CouncilDecisions.AsNoTracking().Where(d => d.MunicipalityId == MunicipalityId && d.Area == DecisionArea.Budget && d.Status != DecisionStatus.Revoked)
            .OrderByDescending(d => d.AdoptedOn).Take(200).ToListAsync(ct);

    public static string Tr(string az, string en) => Text.English ? en : az;
    public static string Q(long qepik) => Fmt.Money(Money.FromQepik(qepik));

    protected static DateOnly? OptionalDate(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

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
