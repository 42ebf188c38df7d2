using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Platform.Http;

/// <summary>
/// Every API error is application/problem+json that names the field and the rule (and the article
/// where a law says no). The "errors" member maps field → messages, as ASP.NET validation does.
/// </summary>
public static class Problems
{
    public static IResult Field(string field, Text message, LegalReference? rule = null, int status = StatusCodes.Status422UnprocessableEntity) =>
        Fields(status, rule, (field, message));

    public static IResult Fields(int status, LegalReference? rule, params (string Field, Text Message)[] errors)
    {
        var ext = new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message.ToString()).ToArray()),
        };
        if (rule is not null) ext["rule"] = rule.Value.ToString();
        if (errors.Length == 1) ext["field"] = errors[0].Field;
        var title = errors.Length == 1 ? errors[0].Message.ToString() : new Text("Daxil edilən məlumatlar qaydalara uyğun deyil", "The input breaks one or more rules").ToString();
        return Results.Problem(statusCode: status, title: title, type: TypeFor(status), extensions: ext);
    }

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: 404, title: $"{what} not found", type: TypeFor(404));

    public static IResult Forbidden(string why) =>
        Results.Problem(statusCode: 403, title: why, type: TypeFor(403));

    public static IResult Conflict() =>
        Results.Problem(statusCode: 409, title: T.ChangedMeanwhile, type: TypeFor(409),
            extensions: new Dictionary<string, object?> { ["field"] = "version", ["errors"] = new Dictionary<string, string[]> { ["version"] = [T.ChangedMeanwhile] } });

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        _ => "about:blank",
    };
}

/// <summary>Input that breaks a rule of the application (not of a law): 422 naming the field.</summary>
public sealed class InputError(string field, Text message, int status = StatusCodes.Status422UnprocessableEntity) : Exception(message.En)
{
    public string Field { get; } = field;
    public Text Text { get; } = message;
    public int Status { get; } = status;
}

/// <summary>The user's role does not allow the action here: 403 with the reason.</summary>
public sealed class NotPermitted(Text why) : Exception(why.En)
{
    public Text Why { get; } = why;
}

/// <summary>The addressed record does not exist (or is another municipality's): 404.</summary>
public sealed class NotFound(string what) : Exception($"{what} not found")
{
    public string What { get; } = what;
}

/// <summary>Turns domain exceptions into problem+json; anything else stays a logged 500 without details.</summary>
public sealed class DomainExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception reaches this handler outside the localisation middleware, whose culture does not flow back
        // out: take the request's language again so ?lang=en gives English problems.
        if (http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } lang)
        {
            System.Globalization.CultureInfo.CurrentCulture = lang.RequestCulture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = lang.RequestCulture.UICulture;
        }
        IResult? result = exception switch
        {
            LegalRuleViolation v => Problems.Field(v.Field, new Text(v.MessageAz, v.MessageEn), v.Rule),
            TenantViolation t => Problems.Forbidden(t.Message),
            InputError i => Problems.Field(i.Field, i.Text, status: i.Status),
            NotPermitted n => Problems.Forbidden(n.Why),
            NotFound f => Problems.NotFound(f.What),
            DbUpdateConcurrencyException => Problems.Conflict(),
            BadHttpRequestException b => BadInput(b),
            _ => null,
        };
        if (result is null) return false;
        await result.ExecuteAsync(http);
        return true;
    }

    private static IResult BadInput(BadHttpRequestException b)
    {
        // A JSON body error knows its path: "$.population" → population.
        if (b.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path })
        {
            var f = Camel(path.TrimStart('$', '.'));
            return Problems.Field(f, new Text($"«{f}» sahəsinin dəyəri düzgün formatda deyil", $"The value of '{f}' has the wrong format"), status: 400);
        }
        // 'Failed to bind parameter "Nullable<int> Page" from "x".'
        var m = System.Text.RegularExpressions.Regex.Match(b.Message, "parameter \"[^\"]*?(\\w+)\" from \"([^\"]*)\"");
        if (m.Success)
        {
            var f = Camel(m.Groups[1].Value);
            var v = m.Groups[2].Value;
            return Problems.Field(f, new Text($"«{v}» «{f}» üçün qəbul edilən dəyər deyil", $"'{v}' is not a valid value for '{f}'"), status: 400);
        }
        return Problems.Field("body", new Text("Sorğu oxunmadı: " + b.Message, "The request could not be read: " + b.Message), status: 400);
    }

    private static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
