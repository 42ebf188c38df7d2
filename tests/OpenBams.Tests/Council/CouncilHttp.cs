using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;

namespace OpenBams.Tests.Council;

/// <summary>A council set up for a test: its municipality, staff, and members each with their own login.</summary>
internal sealed class CouncilScenario
{
    public required TestApp App { get; init; }
    public required int MunicipalityId { get; init; }
    public required int Seats { get; init; }
    public required HttpClient Secretary { get; init; }
    public required List<(int Id, string UserName)> Members { get; init; }
    private readonly Dictionary<int, HttpClient> _clients = [];

    public string Api => $"/api/v1/municipalities/{MunicipalityId}/council";

    public async Task<HttpClient> AsMemberAsync(int index)
    {
        if (!_clients.TryGetValue(index, out var c)) _clients[index] = c = await App.LoginAsync(Members[index].UserName);
        return c;
    }

    private static int _next;

    /// <summary>A fresh active municipality given a population whose council has <paramref name="seats"/> seats (EC 210.2),
    /// a staff secretary, and <paramref name="members"/> members recorded through the API with their accounts.</summary>
    public static async Task<CouncilScenario> CreateAsync(TestApp app, int seats = 7, int? members = null)
    {
        var population = seats switch { 5 => 400, 7 => 700, 9 => 2000, 11 => 6000, 13 => 12000, 15 => 30000, 17 => 60000, _ => 150000 };
        var skip = 300 + Interlocked.Increment(ref _next) * 7;
        var id = await app.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.Where(x => x.Status == MunicipalityStatus.Active).OrderBy(x => x.Id).Skip(skip).FirstAsync();
            m.Population = population;
            await db.SaveChangesAsync();
            return m.Id;
        });
        var tag = Guid.NewGuid().ToString("N")[..6];
        await app.CreateUserAsync($"sec-{tag}", Role.Secretary, id);
        var secretary = await app.LoginAsync($"sec-{tag}");
        var list = new List<(int, string)>();
        for (var i = 0; i < (members ?? seats); i++)
        {
            var user = $"mem{i}-{tag}";
            await app.CreateUserAsync(user, Role.CouncilMember, id);
            var r = await secretary.PostAsJsonAsync($"/api/v1/municipalities/{id}/council/members",
                new NewMember($"Üzv {(char)('A' + i)}ğayev {tag}", new DateOnly(2024, 1, 29), new DateOnly(2024, 2, 2), "Dairə seçki komissiyası №12", UserName: user,
                    Email: $"{user}@example.az"), CouncilJson.Options);
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            list.Add(((await r.Content.ReadFromJsonAsync<MemberView>(CouncilJson.Options))!.Id, user));
        }
        return new CouncilScenario { App = app, MunicipalityId = id, Seats = seats, Secretary = secretary, Members = list };
    }

    public async Task<SessionView> CallFirstSessionAsync(DateOnly today, IReadOnlyList<NewAgendaItem> agenda, int noticeDays = 5)
    {
        App.Clock.SetToday(today);
        var r = await Secretary.PostAsJsonAsync(Api + "/sessions?lang=en",
            new CallSession(today.AddDays(noticeDays), new TimeOnly(10, 0), "Bələdiyyənin iclas zalı", IsFirstSession: true, Agenda: agenda), CouncilJson.Options);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CalledSession>(CouncilJson.Options))!.Session;
    }

    public async Task RegisterAsync(int sessionId, params int[] memberIndexes)
    {
        foreach (var i in memberIndexes)
        {
            var r = await (await AsMemberAsync(i)).PostAsJsonAsync($"{Api}/sessions/{sessionId}/attendance?lang=en", new RegisterAttendance(null), CouncilJson.Options);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Opens a vote, has the given members vote, closes it; returns the closed vote.</summary>
    public async Task<VoteView> VoteAsync(HttpClient chair, int sessionId, int? itemId, params (int Member, VoteChoice Choice)[] ballots)
    {
        var session = await PostOkAsync<SessionView>(chair, $"{Api}/sessions/{sessionId}/votes?lang=en", new OpenVote(itemId));
        var vote = session.Votes.Last();
        foreach (var (m, choice) in ballots)
            await PostOkAsync<SessionView>(await AsMemberAsync(m), $"{Api}/sessions/{sessionId}/votes/{vote.Id}/ballots?lang=en", new CastBallot(choice));
        var closed = await PostOkAsync<SessionView>(chair, $"{Api}/sessions/{sessionId}/votes/{vote.Id}/close?lang=en", (object?)null);
        return closed.Votes.Single(v => v.Id == vote.Id);
    }

    public static async Task<T> PostOkAsync<T>(HttpClient client, string url, object? body)
    {
        var r = await client.PostAsync(url, body is null ? null : JsonContent.Create(body, body.GetType(), options: CouncilJson.Options));
        Assert.True(r.IsSuccessStatusCode, $"POST {url} → {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<T>(CouncilJson.Options))!;
    }
}

internal sealed record CalledSession(SessionView Session, string? Warning);

internal static class CouncilJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.Content.Headers.ContentType?.MediaType == "application/problem+json", $"Expected problem+json, got {(int)r.StatusCode} {r.Content.Headers.ContentType}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Rule(this JsonElement problem) => problem.TryGetProperty("rule", out var r) ? r.GetString() ?? "" : "";
    public static string Field(this JsonElement problem) => problem.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "";
}
