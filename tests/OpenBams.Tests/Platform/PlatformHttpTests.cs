using System.Net;
using System.Text.Json;
using OpenBams.Testing;

namespace OpenBams.Tests.Platform;

/// <summary>What every client relies on: health, the OpenAPI description, problem+json errors, the two languages.</summary>
public abstract class PlatformHttpTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var r = await App.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("Healthy", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_register_api()
    {
        using var doc = JsonDocument.Parse(await App.Client().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/municipalities", out var list));
        Assert.True(list.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/v1/municipalities/{id}", out _));
        Assert.Equal("OpenBAMS API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/municipalities?kind=castle", "kind")]
    [InlineData("/api/v1/municipalities?page=first", "page")]
    [InlineData("/api/v1/municipalities?regionId=x", "regionId")]
    public async Task Bad_query_values_are_problem_json_naming_the_field(string url, string field)
    {
        var r = await App.Client().GetAsync(url + "&lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(field, doc.RootElement.GetProperty("field").GetString());
        Assert.Contains(field, doc.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Unknown_records_are_problem_json_404()
    {
        var r = await App.Client().GetAsync("/api/v1/municipalities/987654");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Azerbaijani_is_the_default_and_English_is_one_click_away()
    {
        var client = App.Client();
        var az = await client.GetStringAsync("/Register");
        Assert.Contains("lang=\"az\"", az);
        Assert.Contains("Bələdiyyələrin Dövlət reyestri", az);   // UTF-8, not HTML entities

        var switched = await client.GetAsync("/lang/en?returnUrl=%2FRegister");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Register", switched.Headers.Location?.OriginalString);
        var en = await client.GetStringAsync("/Register");
        Assert.Contains("State register of municipalities", en);
        Assert.Contains("lang=\"en\"", en);

        // The switch only follows local return URLs.
        var offsite = await client.GetAsync("/lang/az?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dates_are_shown_as_dd_MM_yyyy_in_both_languages()
    {
        var id = await App.WithDbAsync(async db =>
        {
            var m = db.Municipalities.OrderBy(x => x.Id).Skip(40).First();
            m.CharterRegistrationNumber = "N-1";
            m.CharterRegisteredOn = new DateOnly(2021, 3, 9);
            await db.SaveChangesAsync();
            return m.Id;
        });
        Assert.Contains("09.03.2021", await App.Client().GetStringAsync($"/Register/{id}?lang=az"));
        Assert.Contains("09.03.2021", await App.Client().GetStringAsync($"/Register/{id}?lang=en"));
    }
}

public sealed class PlatformHttpTests_Sqlite(SqliteFixture f) : PlatformHttpTests(f), IClassFixture<SqliteFixture>;
public sealed class PlatformHttpTests_Postgres(PostgresFixture f) : PlatformHttpTests(f), IClassFixture<PostgresFixture>;
