using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.Registry;

/// <summary>The register API as a client sees it: JSON in the shapes the API documents, over real HTTP.</summary>
internal static class RegistryHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public const int OfficialListCount = 2718;
    public const int RegionCount = 65;

    public static async Task<Paged<MunicipalityRow>> ListAsync(this HttpClient client, string query = "")
    {
        var r = await client.GetAsync("/api/v1/municipalities" + (query.Length > 0 ? "?" + query : ""));
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<Paged<MunicipalityRow>>(Json))!;
    }

    public static async Task<MunicipalityDetail> DetailAsync(this HttpClient client, int id, string lang = "az")
    {
        var r = await client.GetAsync($"/api/v1/municipalities/{id}?lang={lang}");
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<MunicipalityDetail>(Json))!;
    }

    public static async Task<List<RegionView>> RegionsAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<RegionView>>("/api/v1/regions", Json))!;

    public static async Task<RegisterStatisticsView> StatisticsAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<RegisterStatisticsView>("/api/v1/statistics", Json))!;

    public static async Task<int> RegionIdAsync(this HttpClient client, string name) =>
        (await client.RegionsAsync()).Single(r => r.Name == name).Id;

    /// <summary>The id of the register entry with exactly this name in this region (found through the search API).</summary>
    public static async Task<int> IdOfAsync(this HttpClient client, string name, string region)
    {
        var regionId = await client.RegionIdAsync(region);
        var page = await client.ListAsync($"q={Uri.EscapeDataString(RegisterEdits.BaseName(name))}&regionId={regionId}&pageSize=500");
        return page.Items.Single(m => m.Name == name).Id;
    }

    /// <summary>Active municipalities of one region that cover printed territorial units, in register order.</summary>
    public static Task<List<int>> ActiveWithUnitsAsync(this TestApp app, string region, int skip, int take) =>
        app.WithDbAsync(db => db.Municipalities
            .Where(m => m.Region!.Name == region && m.Status == MunicipalityStatus.Active && m.TerritorialUnits.Count > 0)
            .OrderBy(m => m.ListNumber).ThenBy(m => m.Id).Select(m => m.Id).Skip(skip).Take(take).ToListAsync());

    /// <summary>The PUT body that changes nothing: every field as the detail shows it.</summary>
    public static MunicipalityUpdate ToUpdate(this MunicipalityDetail d) => new(
        d.Version, d.Name, d.Kind, d.Population, d.PopulationDate, d.PopulationSource,
        d.CouncilSize.Source == "Override" ? d.CouncilSize.Seats : null, d.CouncilSize.Justification,
        d.RegisterCertificateNumber, d.RegisterCertificateDate, d.CharterRegistrationNumber, d.CharterRegisteredOn, d.TerritoryText);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, int id, MunicipalityUpdate body, string lang = "en") =>
        client.PutAsJsonAsync($"/api/v1/municipalities/{id}?lang={lang}", body, Json);

    public static Task<HttpResponseMessage> MergeAsync(this HttpClient client, MergerCommand body) =>
        client.PostAsJsonAsync("/api/v1/registry/mergers?lang=en", body, Json);

    /// <summary>Reads an application/problem+json answer, failing with the body when it is something else.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"Expected application/problem+json, got {r.Content.Headers.ContentType}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The field names a problem's "errors" member names.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().Select(p => p.Name).ToList()
            : [];

    /// <summary>RFC 4180 parsing, independent of the product's own reader: quoted fields may hold commas, quotes and newlines.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row.ToArray()); row.Clear(); break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }
}
