using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;
using OpenBams.Taxes;

namespace OpenBams.Pages.Shared;

/// <summary>
/// A page of one municipality whose forms run the same commands as the API: post/redirect/get, and a refused command keeps the
/// page with its message, field and article (never a 500, nothing half-saved: the command's own transaction). The module bases
/// (taxes, budget planning, budget execution) add only who may read and act (<see cref="LoadActorAsync"/>).
/// </summary>
[Authorize]
public abstract class CommandPageModel(AppDb db) : PageModel
{
    protected AppDb Db => db;
    [FromRoute] public int MunicipalityId { get; set; }
    public string MunicipalityName { get; private set; } = "";
    public string? Error { get; private set; }
    public string? ErrorRule { get; private set; }
    public string? ErrorField { get; private set; }

    /// <summary>Loads the module's actor and refuses (403) users who may not read the page; then <see cref="LoadMunicipalityAsync"/>.</summary>
    protected abstract Task LoadActorAsync(CancellationToken ct);

    protected async Task LoadMunicipalityAsync(CancellationToken ct) =>
        MunicipalityName = (await db.Municipalities.FindAsync([MunicipalityId], ct))?.Name ?? "";

    /// <summary>Runs a command; on a refusal keeps the page with the message, the field and the article.</summary>
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

    protected Task<IActionResult> PostAsync(Func<Task> command, string redirectTo, Func<Task> reload, CancellationToken ct) =>
        PostAsync(command, () => redirectTo, reload, ct);

    public static string Tr(string az, string en) => Text.English ? en : az;

    /// <summary>A date as a form field's value: dd.MM.yyyy, or empty.</summary>
    public static string DateValue(DateOnly? d) => d is null ? "" : Fmt.Date(d);

    protected static DateOnly RequiredDate(string? s, string field) =>
        Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

    protected static DateOnly? OptionalDate(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

    /// <summary>Reads a decimal as people type it ("1 234,56" or "1234.56"); a malformed one is refused with its field.</summary>
    protected static decimal RequiredDecimal(string? s, string field) =>
        TaxInput.TryDecimal(s, out var v) ? v : throw new InputError(field, new Text("Rəqəm düzgün yazılmayıb", "The number is not well formed"));
}
