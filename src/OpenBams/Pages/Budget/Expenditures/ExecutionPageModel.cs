using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Budget;
using OpenBams.Law;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Budget.Execution;

/// <summary>
/// The execution pages (expenditures, revenue, the summary) call the same commands as the API; a refused command shows its
/// field and article on the page. For the municipality's officials (BudgetActor reads); recording is the accountant's.
/// </summary>
[Authorize]
public abstract class ExecutionPageModel(AppDb db, TimeProvider time) : PageModel
{
    protected AppDb Db => db;
    protected TimeProvider Time => time;
    [FromRoute] public int MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int BudgetYear => Year ?? Clock.Today(time).Year;
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

    protected async Task<bool> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (LegalRuleViolation v) { (Error, ErrorRule, ErrorField) = (new Text(v.MessageAz, v.MessageEn), v.Rule.ToString(), v.Field); }
        catch (InputError e) { (Error, ErrorField) = (e.Text, e.Field); }
        catch (NotPermitted n) { Error = n.Why; }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) { Error = T.ChangedMeanwhile; }
        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>Post/redirect/get: run the command, go to <paramref name="redirectTo"/>, or show the page again with the refusal.</summary>
    protected async Task<IActionResult> PostAsync(Func<Task> command, Func<string> redirectTo, Func<Task> reload, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        if (await TryAsync(command)) return Redirect(redirectTo());
        await reload();
        return Page();
    }

    public static string Tr(string az, string en) => Text.English ? en : az;
    public static string M(decimal v) => Fmt.Money(Money.Manat(v));

    protected static DateOnly RequiredDate(string? s, string field) =>
        Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

    protected static decimal RequiredDecimal(string? s, string field) =>
        TaxInput.TryDecimal(s, out var v) ? v : throw new InputError(field, new Text("Məbləğ düzgün yazılmayıb", "The amount is not well formed"));
}
