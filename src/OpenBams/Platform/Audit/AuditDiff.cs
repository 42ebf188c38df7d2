using System.Text.Json;

namespace OpenBams.Platform.Audit;

/// <summary>Turns an entry's before/after JSON into the fields that changed.</summary>
public static class AuditDiff
{
    public sealed record Change(string Field, string? Before, string? After);

    /// <summary>Fields whose value differs between before and after (every field of a creation or deletion).</summary>
    public static IReadOnlyList<Change> Of(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
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
            return doc.RootElement.ValueKind != JsonValueKind.Object
                ? new() { ["(value)"] = doc.RootElement.GetRawText() }
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return new() { ["(raw)"] = json };
        }
    }

    /// <summary>The stored JSON as a JSON value for API clients; text that is not JSON stays a string.</summary>
    public static JsonElement? AsJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
