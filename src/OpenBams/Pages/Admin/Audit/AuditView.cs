using System.Text.Json;
using OpenBams.Platform.Audit;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Admin.Audit;

public static class AuditTexts
{
    public static readonly Text Title = new("Audit jurnalı", "Audit log");
    public static readonly Text Intro = new("Hər dəyişiklik: kim, nə vaxt, nəyi, əvvəl və sonra. Jurnal yalnız əlavə olunur, dəyişdirilə və silinə bilməz.",
        "Every change: who, when, what, before and after. The log is append-only; nothing in it can be changed or deleted.");
    public static readonly Text When = new("Vaxt", "When");
    public static readonly Text Who = new("Kim", "Who");
    public static readonly Text What = new("Nə", "What");
    public static readonly Text Action = new("Əməliyyat", "Action");
    public static readonly Text Field = new("Sahə", "Field");
    public static readonly Text Before = new("Əvvəl", "Before");
    public static readonly Text After = new("Sonra", "After");
    public static readonly Text Entity = new("Qeyd növü", "Record type");
    public static readonly Text EntityId = new("Qeyd №", "Record id");
    public static readonly Text User = new("İstifadəçi", "User");
    public static readonly Text From = new("Başlanğıc tarixi", "From");
    public static readonly Text To = new("Son tarix", "To");
    public static readonly Text Changes = new("Dəyişikliklər", "Changes");
}

/// <summary>Turns an entry's before/after JSON into the rows of changed fields.</summary>
public static class AuditDiff
{
    public sealed record Change(string Field, string? Before, string? After);

    public static IReadOnlyList<Change> Of(AuditRow row)
    {
        var before = Parse(row.Before);
        var after = Parse(row.After);
        return before.Keys.Union(after.Keys)
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != JsonValueKind.Object ? []
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
        }
        catch (JsonException)
        {
            return new() { ["(raw)"] = json };
        }
    }
}
