using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenBams.Council;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Council;

/// <summary>Council pages call the same commands as the API; a refused command shows its rule on the page.</summary>
[Authorize]
public abstract class CouncilPageModel(AppDb db) : PageModel
{
    protected AppDb Db => db;
    [FromRoute] public int MunicipalityId { get; set; }
    public string MunicipalityName { get; private set; } = "";
    public CouncilActor Actor { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorRule { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Message { get; set; }

    protected async Task LoadActorAsync(CancellationToken ct)
    {
        Actor = await CouncilActor.ForAsync(db, MunicipalityId, ct);
        MunicipalityName = (await db.Municipalities.FindAsync([MunicipalityId], ct))?.Name ?? "";
    }

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

    public static string Tr(string az, string en) => Text.English ? en : az;

    public static bool TryDate(string? s, out DateOnly d) => Fmt.TryParseDate(s, out d);

    /// <summary>A date as a form field's value: dd.MM.yyyy, or empty.</summary>
    public static string DateValue(DateOnly? d) => d is null ? "" : Fmt.Date(d);

    /// <summary>A date the form requires (dd.MM.yyyy); a blank or malformed one is refused with its field, inside <see cref="TryAsync"/>.</summary>
    protected static DateOnly RequiredDate(string? s, string field) =>
        Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

    /// <summary>A date the form may leave blank (null); a malformed one is refused with its field, inside <see cref="TryAsync"/>.</summary>
    protected static DateOnly? OptionalDate(string? s, string field) =>
        string.IsNullOrWhiteSpace(s) ? null : Fmt.TryParseDate(s, out var d) ? d : throw new InputError(field, T.BadDate);

    /// <summary>
    /// The post pattern of the council pages: run the command; on success go back to <paramref name="redirectTo"/>
    /// (post/redirect/get), on a refusal show the page again with the message, the field and the article.
    /// </summary>
    protected async Task<IActionResult> PostAsync(Func<Task> command, string redirectTo, Func<Task> reload, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        if (await TryAsync(command)) return Redirect(redirectTo);
        await reload();
        return Page();
    }
}
