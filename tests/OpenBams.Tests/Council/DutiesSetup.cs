using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Platform.Data;
using OpenBams.Platform.Identity;
using OpenBams.Registry;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;

namespace OpenBams.Tests.Council;

/// <summary>A council made for one test, straight in the database: its own municipality, members with logins, a secretary.</summary>
internal sealed record DutiesCouncil(int MunicipalityId, IReadOnlyList<(int Id, string UserName)> Members, string Secretary)
{
    public string Api(string path) => $"/api/v1/municipalities/{MunicipalityId}/council{path}{(path.Contains('?') ? "&" : "?")}lang=en";
    public int Member(int i) => Members[i].Id;
    public string Login(int i) => Members[i].UserName;
}

/// <summary>Builds council data for the duties tests without going through the session flow, which is not under test here.</summary>
internal static class DutiesSetup
{
    private static int _next = 200;

    /// <summary>Today in Baku, as the server computes it (Clock.Today).</summary>
    public static DateOnly Today => OpenBams.Testing.TestClock.StartDay;

    /// <summary>
    /// A fresh council in a municipality no other test of the run uses: the population sets the seats (EC 210.2;
    /// 499 → 5), the members' mandates were confirmed on <paramref name="confirmedOn"/> (default: a year ago).
    /// </summary>
    public static async Task<DutiesCouncil> CouncilAsync(this TestApp app, int members = 5, int? population = 499, DateOnly? confirmedOn = null)
    {
        var slot = Interlocked.Increment(ref _next);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var m = await app.WithDbAsync(async db =>
        {
            var x = await db.Municipalities.Where(v => v.Status == MunicipalityStatus.Active).OrderBy(v => v.Id).Skip(slot).FirstAsync();
            x.Population = population;
            x.PopulationDate = population is null ? null : new DateOnly(2019, 10, 1);
            x.PopulationSource = population is null ? null : "test";
            x.CharterRegisteredOn = null;
            x.CharterRegistrationNumber = null;
            await db.SaveChangesAsync();
            return x.Id;
        });
        var confirmed = confirmedOn ?? Today.AddYears(-1);
        var list = new List<(int, string)>();
        for (var i = 0; i < members; i++)
        {
            var login = $"uzv{i}-{suffix}";
            var user = await app.CreateUserAsync(login, Role.CouncilMember, m);
            var id = await app.AddMemberAsync(m, $"Üzv{i} Şəkiliyev {suffix}", confirmed, user.Id);
            list.Add((id, login));
        }
        var secretary = $"katib-{suffix}";
        await app.CreateUserAsync(secretary, Role.Secretary, m);
        return new DutiesCouncil(m, list, secretary);
    }

    public static Task<int> AddMemberAsync(this TestApp app, int municipalityId, string name, DateOnly confirmedOn, Guid? userId = null,
        Action<CouncilMember>? change = null) =>
        app.WithDbAsync(async db =>
        {
            var member = new CouncilMember
            {
                MunicipalityId = municipalityId, FullName = name, UserId = userId, ElectedOn = confirmedOn.AddDays(-3), MandateConfirmedOn = confirmedOn,
                MandateConfirmedBy = "Ərazi seçki komissiyası №1", TermEndsOn = Mandates.TermEnds(confirmedOn.AddDays(-3)),
            };
            change?.Invoke(member);
            db.CouncilMembers.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });

    /// <summary>A session straight in the database with the members' attendance (null: no row).</summary>
    public static Task<int> SessionAsync(this TestApp app, int municipalityId, DateOnly on, SessionStatus status,
        IReadOnlyDictionary<int, AttendanceStatus>? attendance = null, params string[] agenda) =>
        app.WithDbAsync(async db =>
        {
            var s = new CouncilSession
            {
                MunicipalityId = municipalityId, ScheduledOn = on, StartsAt = new TimeOnly(10, 0), Place = "İclas zalı, Mərkəzi küçə 1",
                CalledOn = on.AddDays(-7), CalledBy = "test", Status = status, Members = 5,
                ClosedAt = status == SessionStatus.Closed ? on.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc) : null,
            };
            db.CouncilSessions.Add(s);
            await db.SaveChangesAsync();
            foreach (var (member, a) in attendance ?? new Dictionary<int, AttendanceStatus>())
                db.SessionAttendance.Add(new SessionAttendance { MunicipalityId = municipalityId, SessionId = s.Id, MemberId = member, Status = a });
            var n = 0;
            foreach (var title in agenda)
                db.AgendaItems.Add(new AgendaItem { MunicipalityId = municipalityId, SessionId = s.Id, Number = ++n, Title = title, Area = DecisionArea.Other, Rule = MajorityRule.SimpleMajority });
            await db.SaveChangesAsync();
            return s.Id;
        });

    /// <summary>An adopted decision of a closed session, straight in the database.</summary>
    public static Task<int> DecisionAsync(this TestApp app, int municipalityId, DateOnly adoptedOn, DateOnly oversightDueOn, string title = "Qərar") =>
        app.WithDbAsync(async db =>
        {
            var s = new CouncilSession
            {
                MunicipalityId = municipalityId, ScheduledOn = adoptedOn, StartsAt = new TimeOnly(10, 0), Place = "Zal", CalledOn = adoptedOn.AddDays(-7),
                CalledBy = "test", Status = SessionStatus.Closed, Members = 5,
            };
            db.CouncilSessions.Add(s);
            await db.SaveChangesAsync();
            var item = new AgendaItem { MunicipalityId = municipalityId, SessionId = s.Id, Number = 1, Title = title, Area = DecisionArea.Other, Rule = MajorityRule.SimpleMajority, Status = AgendaItemStatus.Adopted };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            var vote = new CouncilVote { MunicipalityId = municipalityId, SessionId = s.Id, AgendaItemId = item.Id, Members = 5, Present = 5, For = 4, Against = 1, Required = 3, Adopted = true, Status = VoteStatus.Closed, OpenedAt = DateTime.UtcNow, ClosedAt = DateTime.UtcNow };
            db.CouncilVotes.Add(vote);
            await db.SaveChangesAsync();
            var number = (await db.CouncilDecisions.Where(d => d.MunicipalityId == municipalityId && d.Year == adoptedOn.Year).Select(d => (int?)d.Number).MaxAsync() ?? 0) + 1;
            var d = new CouncilDecision
            {
                MunicipalityId = municipalityId, Year = adoptedOn.Year, Number = number, AdoptedOn = adoptedOn, SessionId = s.Id, AgendaItemId = item.Id, VoteId = vote.Id,
                Area = DecisionArea.Other, Title = title, Text = title, Rule = MajorityRule.SimpleMajority, Members = 5, Present = 5, For = 4, Against = 1, Required = 3,
                OversightDueOn = oversightDueOn,
            };
            db.CouncilDecisions.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    public static Task UpdateMemberAsync(this TestApp app, int memberId, Action<CouncilMember> change) =>
        app.WithDbAsync(async db =>
        {
            var x = await db.CouncilMembers.SingleAsync(v => v.Id == memberId);
            change(x);
            return await db.SaveChangesAsync();
        });

    public static Task<MemberStatus> MemberStatusAsync(this TestApp app, int memberId) =>
        app.WithDbAsync(db => db.CouncilMembers.Where(v => v.Id == memberId).Select(v => v.Status).SingleAsync());

    public static async Task<List<CouncilFlag>> FlagsAsync(this TestApp app, DutiesCouncil c)
    {
        var client = await app.LoginAsync(c.Secretary);
        return await (await client.GetAsync(c.Api("/flags"))).OkAsync<List<CouncilFlag>>();
    }

    /// <summary>A 422 (or other status) problem naming the field and citing the article.</summary>
    public static async Task<JsonElement> AssertRuleAsync(this HttpResponseMessage r, string field, string rule, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        var p = await r.AssertProblemAsync(status, field);
        Assert.True(p.TryGetProperty("rule", out var cited), $"No rule cited: {p}");
        Assert.Equal(rule, cited.GetString());
        return p;
    }
}
