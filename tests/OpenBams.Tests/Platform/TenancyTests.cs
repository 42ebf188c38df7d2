using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Testing;

namespace OpenBams.Tests.Platform;

/// <summary>
/// Tenancy, proven from the route table: every API endpoint and page is called by users of
/// municipality A with the identifiers of municipality B's records. Nothing of B may be read
/// (B's secret marker never appears in a response) and nothing of B may change. A new endpoint
/// is covered automatically; one with a route parameter this test cannot fill fails the test,
/// so its author has to say which record it addresses.
/// </summary>
public abstract class TenancyTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Marker = "Marker-B-7f3c9e";
    private TestApp App => fixture.App;
    private int _a, _b;
    private AppUser _bUser = null!;

    /// <summary>Endpoints anybody may call (public register, public reference data, login).</summary>
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "GET /", "GET /health", "GET /openapi/{documentName}.json", "GET /lang/{lang}",
        "GET /api/v1/municipalities", "GET /api/v1/municipalities/{id:int}", "GET /api/v1/municipalities/export.csv",
        "GET /api/v1/municipalities/export.xlsx", "GET /api/v1/regions", "GET /api/v1/statistics",
        "POST /api/v1/auth/login", "POST /api/v1/auth/logout", "GET /api/v1/auth/me",
        // SL 52-1: published decisions of every council are public.
        "GET /api/v1/public/decisions", "GET /api/v1/public/decisions/{decisionId:int}", "GET /api/v1/public/decisions/{decisionId:int}/pdf", "GET /api/v1/public/sessions.ics",
        // A payment notice's QR: anyone verifies it, and sees no person (initials only).
        "GET /api/v1/public/verify/notices/{code}",
        // SL 30.2: anyone holding a certificate of debts checks it by its QR code; the answer names nobody (no name, no FIN).
        "GET /api/v1/public/verify/certificates/{code}", "GET /Verify/Certificate/{code}",
        // A payment receipt's QR: amount, day, municipality and the reference masked; never the payer.
        "GET /Verify/Receipt/{code}",
        // Issue 5, seed 000: the public portal of municipal revenues and expenditures and its open data. It shows B's
        // published budget to anyone (BudgetOfB keeps the marker in fields the portal never shows).
        "GET /Portal", "GET /Portal/{municipalityId:int}/{year:int?}", "GET /Portal/Compare",
        "GET /api/v1/portal/{year:int}", "GET /api/v1/portal/{year:int}/municipalities", "GET /api/v1/portal/{year:int}/municipalities.csv",
        "GET /api/v1/portal/{year:int}/index.json", "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/expenditures",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/budget-lines.csv",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/execution.csv",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/expenditures.csv",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/budget-lines.xlsx",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/execution.xlsx",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/expenditures.xlsx",
        "GET /api/v1/portal/municipalities/{municipalityId:int}/{year:int}/datapackage.json",
    };

    public async Task InitializeAsync()
    {
        var ids = await App.WithDbAsync(db => db.Municipalities.OrderBy(m => m.Id).Select(m => m.Id).Skip(10).Take(2).ToListAsync());
        (_a, _b) = (ids[0], ids[1]);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync($"a-admin-{suffix}", Role.MunicipalAdministrator, _a);
        await App.CreateUserAsync($"a-chair-{suffix}", Role.Chairman, _a);
        await App.CreateUserAsync($"b-admin-{suffix}", Role.MunicipalAdministrator, _b);
        _bUser = await App.CreateUserAsync($"b-staff-{suffix}", Role.TaxOfficer, _b);
        await App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == _bUser.Id);
            u.FullName = Marker;
            return await db.SaveChangesAsync();
        });
        _suffix = suffix;
        await SeedCouncilOfBAsync();
        await SeedCouncilDutiesOfBAsync();
        await TaxesOfB.SeedAsync(App, _b, Marker, _councilOfB);
        await BudgetOfB.SeedAsync(App, _b, Marker, _councilOfB);
    }

    private readonly Dictionary<string, string> _councilOfB = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One council record of B of each kind the council routes address; the member carries the marker.</summary>
    private async Task SeedCouncilOfBAsync()
    {
        await App.WithDbAsync(async db =>
        {
            var member = new OpenBams.Council.CouncilMember { MunicipalityId = _b, FullName = Marker, ElectedOn = new DateOnly(2024, 1, 29),
                MandateConfirmedOn = new DateOnly(2024, 2, 1), MandateConfirmedBy = "DSK", TermEndsOn = new DateOnly(2029, 1, 29) };
            db.CouncilMembers.Add(member);
            var session = new OpenBams.Council.CouncilSession { MunicipalityId = _b, Place = "Zal", CalledBy = "test", ScheduledOn = new DateOnly(2026, 3, 10),
                CalledOn = new DateOnly(2026, 3, 2), Members = 5, Status = OpenBams.Council.SessionStatus.Closed, AgendaApproved = true };
            db.CouncilSessions.Add(session);
            await db.SaveChangesAsync();
            var item = new OpenBams.Council.AgendaItem { MunicipalityId = _b, SessionId = session.Id, Number = 1, Title = "Məsələ", Status = OpenBams.Council.AgendaItemStatus.Adopted };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            var vote = new OpenBams.Council.CouncilVote { MunicipalityId = _b, SessionId = session.Id, AgendaItemId = item.Id, Members = 5, Present = 5, For = 5,
                Required = 3, Adopted = true, Status = OpenBams.Council.VoteStatus.Closed };
            db.CouncilVotes.Add(vote);
            await db.SaveChangesAsync();
            var next = (await db.CouncilDecisions.Where(d => d.MunicipalityId == _b && d.Year == 2026).Select(d => (int?)d.Number).MaxAsync() ?? 0) + 1;
            var decision = new OpenBams.Council.CouncilDecision { MunicipalityId = _b, Year = 2026, Number = next, AdoptedOn = session.ScheduledOn, SessionId = session.Id,
                AgendaItemId = item.Id, VoteId = vote.Id, Title = "Qərar", Text = "Mətn", Members = 5, Present = 5, For = 5, Required = 3,
                Status = OpenBams.Council.DecisionStatus.Signed, SignedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow, SentToOversightAt = DateTime.UtcNow,
                OversightDueOn = new DateOnly(2026, 3, 17) };
            db.CouncilDecisions.Add(decision);
            var content = new OpenBams.Council.ProtocolContent("B", 1, 2026, "Zal", session.ScheduledOn, new TimeOnly(10, 0), OpenBams.Law.Council.SessionInitiative.Chairman,
                5, [Marker], [], [], Marker, Marker, ["1. Məsələ"], null, []);
            var protocol = new OpenBams.Council.Protocol { MunicipalityId = _b, SessionId = session.Id, Year = 2026, Number = next, DraftedAt = DateTime.UtcNow,
                Content = System.Text.Json.JsonSerializer.Serialize(content, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) };
            db.Protocols.Add(protocol);
            await db.SaveChangesAsync();
            _councilOfB["memberId"] = member.Id.ToString();
            _councilOfB["sessionId"] = session.Id.ToString();
            _councilOfB["itemId"] = item.Id.ToString();
            _councilOfB["voteId"] = vote.Id.ToString();
            _councilOfB["decisionId"] = decision.Id.ToString();
            _councilOfB["protocolId"] = protocol.Id.ToString();
            return 0;
        });
    }

    /// <summary>B's records of the council-duties routes: a mandate case, an inquiry, a commission with a meeting (and a separate opinion), a citizens' meeting, a charter version.</summary>
    private async Task SeedCouncilDutiesOfBAsync()
    {
        var memberId = int.Parse(_councilOfB["memberId"]);
        await App.WithDbAsync(async db =>
        {
            var today = OpenBams.Testing.TestClock.StartDay;
            var mandateCase = new OpenBams.Council.MandateCase { MunicipalityId = _b, MemberId = memberId, Ground = OpenBams.Law.Council.MandateEndGround.Resignation,
                RaisedOn = today, RaisedBy = "test", Detail = Marker };
            var inquiry = new OpenBams.Council.MemberInquiry { MunicipalityId = _b, MemberId = memberId, Addressee = "Sədr", Subject = Marker, ReceivedOn = today, DueOn = today.AddDays(15) };
            var commission = new OpenBams.Council.Commission { MunicipalityId = _b, Name = Marker, Kind = OpenBams.Law.Council.CommissionKind.Permanent, EstablishedOn = today };
            var meeting = new OpenBams.Council.CitizensMeeting { MunicipalityId = _b, HeldOn = today, Subject = Marker, ResidentVoters = 100, Participants = 30, Quorate = true };
            db.AddRange(mandateCase, inquiry, commission, meeting);
            await db.SaveChangesAsync();
            db.CommissionMemberships.Add(new OpenBams.Council.CommissionMembership { MunicipalityId = _b, CommissionId = commission.Id, MemberId = memberId });
            var tallies = System.Text.Json.JsonSerializer.Serialize(new[] { new OpenBams.Council.CommissionTally(commission.Id, Marker, 1, [memberId], 1, 1, 0, 0, 1, true, [], [], []) },
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
            var commissionMeeting = new OpenBams.Council.CommissionMeeting { MunicipalityId = _b, HeldOn = today, NotifiedOn = today.AddDays(-3), Subject = Marker,
                DecisionText = Marker, Adopted = true, Tallies = tallies, Minutes = Marker, PresidedByMemberId = memberId,
                PresidingBasis = OpenBams.Law.Council.PresidingBasis.DesignatedByChairman };
            db.CommissionMeetings.Add(commissionMeeting);
            await db.SaveChangesAsync();
            db.CommissionDissents.Add(new OpenBams.Council.CommissionDissent { MunicipalityId = _b, MeetingId = commissionMeeting.Id, CommissionId = commission.Id,
                MemberId = memberId, Text = Marker, SubmittedAt = DateTime.UtcNow, RecordedBy = "test" });
            var charter = new OpenBams.Council.CharterVersion { MunicipalityId = _b, Sections = "{}", AdoptedOn = today, AdoptedByCitizensMeetingId = meeting.Id };
            db.CharterVersions.Add(charter);
            await db.SaveChangesAsync();
            _councilOfB["caseId"] = mandateCase.Id.ToString();
            _councilOfB["inquiryId"] = inquiry.Id.ToString();
            _councilOfB["commissionId"] = commission.Id.ToString();
            _councilOfB["commissionMeetingId"] = commissionMeeting.Id.ToString();
            _councilOfB["citizensMeetingId"] = meeting.Id.ToString();
            _councilOfB["charterVersionId"] = charter.Id.ToString();
            return 0;
        });
    }

    private string _suffix = "";

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Users_of_one_municipality_cannot_read_or_change_another_municipalitys_records()
    {
        var endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.Pattern.Contains("{municipalityId", StringComparison.Ordinal));
        var problems = new List<string>();
        foreach (var user in new[] { $"a-admin-{_suffix}", $"a-chair-{_suffix}" })
        {
            var client = await App.LoginAsync(user);
            var token = await AntiforgeryTokenAsync(client);
            foreach (var (method, pattern, isPage) in endpoints)
            {
                var key = $"{method} {pattern}";
                if (pattern.Contains("/auth/logout", StringComparison.Ordinal) || pattern == "/Account/Logout") continue;
                var url = Fill(pattern, problems);
                if (url is null) continue;
                var before = await SnapshotOfBAsync();
                var response = await SendAsync(client, method, url, isPage, token);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (body.Contains(Marker, StringComparison.Ordinal))
                    problems.Add($"{user}: {key} → {status} shows a record of municipality B");
                if (method != "GET")
                {
                    var after = await SnapshotOfBAsync();
                    if (after != before) problems.Add($"{user}: {key} → {status} changed municipality B's records");
                    if (!Public.Contains(key) && status is >= 200 and < 300 && pattern.Contains("municipalityId", StringComparison.Ordinal))
                        problems.Add($"{user}: {key} → {status}: a write to B was accepted");
                }
                else if (pattern.Contains("municipalityId", StringComparison.Ordinal) && !Public.Contains(key) && !Refused(response))
                {
                    problems.Add($"{user}: {key} → {status}: B's page or endpoint was served to A");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_same_routes_serve_the_municipalitys_own_administrator()
    {
        // Positive control: the refusals above come from tenancy, not from broken URLs.
        var client = await App.LoginAsync($"b-admin-{_suffix}");
        var served = 0;
        var problems = new List<string>();
        foreach (var (method, pattern, _) in Endpoints().Where(e => e.Method == "GET" && e.Pattern.Contains("municipalityId", StringComparison.Ordinal)
                                                                     && !Public.Contains($"GET {e.Pattern}")))
        {
            var url = Fill(pattern, problems)!;
            var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode) served++;
            else problems.Add($"GET {pattern} → {(int)response.StatusCode} for B's own administrator");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(served > 0);
    }

    [Fact]
    public async Task Anonymous_users_get_nothing_but_public_endpoints()
    {
        var client = App.Client();
        var problems = new List<string>();
        foreach (var (method, pattern, isPage) in Endpoints().Where(e => e.Method == "GET"))
        {
            var url = Fill(pattern, problems);
            if (url is null) continue;
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains(Marker, StringComparison.Ordinal)) problems.Add($"anonymous: GET {pattern} shows B's record");
            if (pattern.Contains("municipalityId", StringComparison.Ordinal) && !Public.Contains($"GET {pattern}") && !Refused(response))
                problems.Add($"anonymous: GET {pattern} → {(int)response.StatusCode}");
            if (pattern.StartsWith("/api/v1/", StringComparison.Ordinal) && !Public.Contains($"GET {pattern}") && !IsAnonymousRead(pattern)
                && response.IsSuccessStatusCode)
                problems.Add($"anonymous: GET {pattern} → {(int)response.StatusCode} but it is not declared public");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Reference data the law makes public: legal parameters and the working-day calendar.</summary>
    private static bool IsAnonymousRead(string pattern) =>
        pattern.StartsWith("/api/v1/parameters", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/calendar", StringComparison.Ordinal);

    private static bool Refused(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString is { } l
            && (l.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || l.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)));

    private List<(string Method, string Pattern, bool IsPage)> Endpoints()
    {
        var source = App.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<(string, string, bool)>();
        foreach (var e in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
                         || e.Metadata.Any(m => m.GetType().Name == "PageRouteMetadata");
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (isPage ? ["GET", "POST"] : ["GET"]);
            foreach (var m in methods) list.Add((m, pattern, isPage));
        }
        return list.Distinct().OrderBy(x => x.Item2).ThenBy(x => x.Item1).ToList();
    }

    /// <summary>Fills every route parameter with an identifier of a record of municipality B.</summary>
    private string? Fill(string pattern, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["municipalityId"] = _b.ToString(),
            ["id"] = _b.ToString(), // register entries are public; other {id}s are administrator-only
            ["userId"] = _bUser.Id.ToString(),
            ["key"] = "SMV",
            ["year"] = TestClock.StartDay.Year.ToString(), // the year BudgetOfB seeds
            ["lang"] = "en",
            ["documentName"] = "v1",
            ["handler"] = "",
            ["path"] = "css/site.css",
            ["format"] = "csv",
        };
        foreach (var (k, v) in _councilOfB) values[k] = v;
        var missing = new List<string>();
        var url = Regex.Replace(pattern, @"\{\*{0,2}(?<name>\w+)(:[^}=?]+)*(=[^}]*)?\??\}", m =>
        {
            var name = m.Groups["name"].Value;
            if (values.TryGetValue(name, out var v)) return v;
            missing.Add(name);
            return "";
        });
        if (missing.Count > 0)
        {
            problems.Add($"{pattern}: no record of B for route parameter(s) {string.Join(", ", missing)} — add one to TenancyTests.Fill");
            return null;
        }
        return url.Replace("//", "/");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, bool isPage, string token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET" && method != "HEAD")
            request.Content = isPage
                ? new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
                : new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Register");
        var m = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return m.Success ? m.Groups[1].Value : "";
    }

    /// <summary>Everything of B that a write could touch, as one comparable string.</summary>
    private Task<string> SnapshotOfBAsync() => App.WithDbAsync(async db =>
    {
        var users = await db.Users.Where(u => db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == _b))
            .OrderBy(u => u.Id).Select(u => $"{u.Id}|{u.UserName}|{u.FullName}|{u.PasswordHash}|{u.Disabled}|{u.LockoutEnd}|{u.TwoFactorEnabled}|{u.ConcurrencyStamp}")
            .ToListAsync();
        var roles = await db.RoleAssignments.Where(r => r.MunicipalityId == _b).OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.UserId}|{r.Role}").ToListAsync();
        var m = await db.Municipalities.Where(x => x.Id == _b).Select(x => $"{x.Version}|{x.Status}|{x.Name}").SingleAsync();
        var audit = await db.AuditLog.CountAsync(a => a.MunicipalityId == _b);
        return string.Join("\n", users.Concat(roles).Append(m).Append(audit.ToString()));
    });
}

public sealed class TenancyTests_Sqlite(SqliteFixture f) : TenancyTests(f), IClassFixture<SqliteFixture>;
public sealed class TenancyTests_Postgres(PostgresFixture f) : TenancyTests(f), IClassFixture<PostgresFixture>;
