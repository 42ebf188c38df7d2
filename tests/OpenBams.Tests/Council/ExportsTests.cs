using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Council;
using OpenBams.Law.Council;
using OpenBams.Testing;
using OpenBams.Tests.Registry;
using static OpenBams.Tests.Council.DutiesSetup;

namespace OpenBams.Tests.Council;

/// <summary>
/// The council's open data read back as a client would: the iCalendar feed checked line by line against RFC 5545
/// (CRLF, 75-octet folding, escaping, stable UIDs, Asia/Baku times, cancelled sessions), the Popolo JSON (roles,
/// roll calls of open votes, never a secret ballot's choices), and the CSV/XLSX registers.
/// </summary>
public abstract class ExportsTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private const string LongTitle = "Şəhərin mərkəzi küçələrinin, o cümlədən Nizami, Füzuli və Xətai küçələrinin abadlaşdırılması proqramı; 2027-ci il üçün xərclər";
    private const string Place = "Bələdiyyə binası, iclas zalı; 2-ci mərtəbə";

    private sealed record Data(DutiesCouncil C, int Held, int Cancelled, int Called, int CommissionId, int OpenItem, int SecretItem, int SecretVote, int OpenVote, DateOnly HeldOn);

    private async Task<Data> PrepareAsync()
    {
        var c = await App.CouncilAsync(members: 3);
        var heldOn = Today.AddDays(-10);
        var held = await App.SessionAsync(c.MunicipalityId, heldOn, SessionStatus.Closed,
            new Dictionary<int, AttendanceStatus> { [c.Member(0)] = AttendanceStatus.Present, [c.Member(1)] = AttendanceStatus.Present, [c.Member(2)] = AttendanceStatus.Present },
            LongTitle, "Sədr müavininin seçilməsi");
        var cancelled = await App.SessionAsync(c.MunicipalityId, Today.AddDays(5), SessionStatus.Cancelled);
        var called = await App.SessionAsync(c.MunicipalityId, Today.AddDays(20), SessionStatus.Called, null, "Büdcə");
        var ids = await App.WithDbAsync(async db =>
        {
            await db.CouncilSessions.Where(s => s.Id == held).ExecuteUpdateAsync(s => s.SetProperty(x => x.Place, Place));
            var items = await db.AgendaItems.Where(i => i.SessionId == held).OrderBy(i => i.Number).ToListAsync();
            var now = DateTime.UtcNow;
            CouncilVote Vote(int? item, BallotKind kind, int f, int a, int ab) => new()
            {
                MunicipalityId = c.MunicipalityId, SessionId = held, AgendaItemId = item, Ballot = kind, Members = 3, Present = 3, For = f, Against = a, Abstain = ab,
                Required = 2, Adopted = f >= 2, Status = VoteStatus.Closed, OpenedAt = now, ClosedAt = now,
            };
            var agenda = Vote(null, BallotKind.Open, 3, 0, 0);
            var open = Vote(items[0].Id, BallotKind.Open, 2, 1, 0);
            var secret = Vote(items[1].Id, BallotKind.Secret, 2, 1, 0);
            db.CouncilVotes.AddRange(agenda, open, secret);
            items[0].Status = items[1].Status = AgendaItemStatus.Adopted;
            await db.SaveChangesAsync();
            db.Ballots.AddRange(
                new Ballot { MunicipalityId = c.MunicipalityId, VoteId = open.Id, MemberId = c.Member(0), Choice = VoteChoice.For, CastAt = now },
                new Ballot { MunicipalityId = c.MunicipalityId, VoteId = open.Id, MemberId = c.Member(1), Choice = VoteChoice.For, CastAt = now },
                new Ballot { MunicipalityId = c.MunicipalityId, VoteId = open.Id, MemberId = c.Member(2), Choice = VoteChoice.Against, CastAt = now },
                new Ballot { MunicipalityId = c.MunicipalityId, VoteId = secret.Id, MemberId = c.Member(0), CastAt = now },
                new Ballot { MunicipalityId = c.MunicipalityId, VoteId = secret.Id, MemberId = c.Member(1), CastAt = now },
                new Ballot { MunicipalityId = c.MunicipalityId, VoteId = secret.Id, MemberId = c.Member(2), CastAt = now });
            db.CouncilDecisions.Add(new CouncilDecision
            {
                MunicipalityId = c.MunicipalityId, Year = heldOn.Year, Number = 1, AdoptedOn = heldOn, SessionId = held, AgendaItemId = items[0].Id, VoteId = open.Id,
                Area = DecisionArea.Other, Title = LongTitle, Text = LongTitle, Rule = MajorityRule.SimpleMajority, Members = 3, Present = 3, For = 2, Against = 1, Required = 2,
                OversightDueOn = heldOn.AddDays(7),
            });
            db.CouncilOffices.Add(new CouncilOffice { MunicipalityId = c.MunicipalityId, MemberId = c.Member(0), Post = Post.Chairman, ElectedOn = Today.AddYears(-1) });
            var commission = new Commission { MunicipalityId = c.MunicipalityId, Name = "Yerli büdcə məsələləri", Kind = CommissionKind.Permanent, EstablishedOn = Today.AddMonths(-11), ChairMemberId = c.Member(1) };
            db.Commissions.Add(commission);
            await db.SaveChangesAsync();
            foreach (var i in Enumerable.Range(0, 3))
                db.CommissionMemberships.Add(new CommissionMembership { MunicipalityId = c.MunicipalityId, CommissionId = commission.Id, MemberId = c.Member(i) });
            await db.SaveChangesAsync();
            return (commission.Id, items[0].Id, items[1].Id, secret.Id, open.Id);
        });
        return new Data(c, held, cancelled, called, ids.Item1, ids.Item2, ids.Item3, ids.Item4, ids.Item5, heldOn);
    }

    /// <summary>RFC 5545 3.1: a CRLF followed by one space or tab is a fold.</summary>
    private static List<string> Unfold(string text) =>
        text.Replace("\r\n ", "").Replace("\r\n\t", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public async Task The_sessions_feed_is_RFC_5545_with_CRLF_folding_stable_UIDs_and_Baku_times()
    {
        var d = await PrepareAsync();
        var client = await App.LoginAsync(d.C.Login(2));
        var r = await client.GetAsync(d.C.Api("/sessions.ics"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/calendar", r.Content.Headers.ContentType?.MediaType);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') Assert.True(i > 0 && text[i - 1] == '\r', $"bare LF at {i}");
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        var physical = text.Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(physical, l => l.StartsWith(' '));  // the long agenda was folded

        var lines = Unfold(text);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("TZID:Asia/Baku", lines);
        Assert.Equal(3, lines.Count(l => l == "BEGIN:VEVENT"));
        var events = Events(lines);
        var held = events.Single(e => e.Contains($"UID:council-session-{d.Held}-m{d.C.MunicipalityId}@openbams"));
        Assert.Contains($"DTSTART;TZID=Asia/Baku:{d.HeldOn:yyyyMMdd}T100000", held);
        Assert.Contains("LOCATION:Bələdiyyə binası\\, iclas zalı\\; 2-ci mərtəbə", held);
        var description = held.Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.Contains("1. " + LongTitle.Replace(",", "\\,").Replace(";", "\\;"), description);
        Assert.Contains("\\n2. Sədr müavininin seçilməsi", description);
        Assert.Contains("STATUS:CONFIRMED", held);
        Assert.Contains(held, l => l.StartsWith("DTEND:", StringComparison.Ordinal) && l.EndsWith('Z'));
        var cancelled = events.Single(e => e.Contains($"UID:council-session-{d.Cancelled}-m{d.C.MunicipalityId}@openbams"));
        Assert.Contains("STATUS:CANCELLED", cancelled);
        Assert.All(events, e => Assert.Single(e, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z')));

        // The same session keeps its UID in the next download.
        var again = Unfold(await (await client.GetAsync(d.C.Api("/sessions.ics"))).Content.ReadAsStringAsync());
        Assert.Equal(lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)), again.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)));
    }

    private static List<List<string>> Events(List<string> lines)
    {
        var result = new List<List<string>>();
        List<string>? current = null;
        foreach (var l in lines)
        {
            if (l == "BEGIN:VEVENT") current = [];
            else if (l == "END:VEVENT") { result.Add(current!); current = null; }
            else current?.Add(l);
        }
        return result;
    }

    [Fact]
    public async Task Popolo_has_people_bodies_roles_sessions_and_roll_calls_but_never_a_secret_ballots_choices()
    {
        var d = await PrepareAsync();
        var client = await App.LoginAsync(d.C.Secretary);
        var r = await client.GetAsync(d.C.Api("/popolo.json"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var council = $"organization/council-{d.C.MunicipalityId}";
        string P(int i) => $"person/{d.C.Member(i)}";

        Assert.Equal(3, root.GetProperty("persons").GetArrayLength());
        Assert.Contains(root.GetProperty("persons").EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith("Üzv0 Şəkiliyev", StringComparison.Ordinal));
        var orgs = root.GetProperty("organizations").EnumerateArray().ToList();
        Assert.Contains(orgs, o => o.GetProperty("id").GetString() == council && o.GetProperty("classification").GetString() == "council");
        var commission = orgs.Single(o => o.GetProperty("id").GetString() == $"organization/commission-{d.CommissionId}");
        Assert.Equal(("committee", council), (commission.GetProperty("classification").GetString(), commission.GetProperty("parent_id").GetString()));

        var ms = root.GetProperty("memberships").EnumerateArray().ToList();
        Assert.Contains(ms, m => m.GetProperty("person_id").GetString() == P(0) && m.GetProperty("organization_id").GetString() == council && m.GetProperty("role").GetString() == "chairman");
        Assert.Equal(3, ms.Count(m => m.GetProperty("organization_id").GetString() == council && m.GetProperty("role").GetString() == "member"));
        Assert.Contains(ms, m => m.GetProperty("person_id").GetString() == P(1) && m.GetProperty("organization_id").GetString() == commission.GetProperty("id").GetString()
                                 && m.GetProperty("role").GetString() == "chair" && m.GetProperty("start_date").GetString() == Today.AddMonths(-11).ToString("yyyy-MM-dd"));

        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(3, events.Count);
        var held = events.Single(e => e.GetProperty("id").GetString() == $"event/session-{d.Held}");
        Assert.Equal(($"{d.HeldOn:yyyy-MM-dd}T10:00:00+04:00", "passed", Place), (held.GetProperty("start_date").GetString(), held.GetProperty("status").GetString(), held.GetProperty("location").GetString()));
        Assert.Equal(2, held.GetProperty("agenda").GetArrayLength());
        Assert.Equal("cancelled", events.Single(e => e.GetProperty("id").GetString() == $"event/session-{d.Cancelled}").GetProperty("status").GetString());

        var motions = root.GetProperty("motions").EnumerateArray().ToList();
        Assert.Equal("pass", motions.Single(m => m.GetProperty("id").GetString() == $"motion/item-{d.OpenItem}").GetProperty("result").GetString());
        Assert.Contains(motions, m => m.GetProperty("id").GetString() == $"motion/agenda-{d.Held}");

        var votes = root.GetProperty("vote_events").EnumerateArray().ToList();
        var open = votes.Single(v => v.GetProperty("id").GetString() == $"vote-event/{d.OpenVote}");
        var roll = open.GetProperty("votes").EnumerateArray().Select(v => (v.GetProperty("voter_id").GetString(), v.GetProperty("option").GetString())).ToList();
        Assert.Equal(new (string?, string?)[] { (P(0), "yes"), (P(1), "yes"), (P(2), "no") }.Order(), roll.Order());
        var secret = votes.Single(v => v.GetProperty("id").GetString() == $"vote-event/{d.SecretVote}");
        Assert.Equal("secret", secret.GetProperty("ballot_kind").GetString());
        Assert.False(secret.TryGetProperty("votes", out _));
        var counts = secret.GetProperty("counts").EnumerateArray().ToDictionary(x => x.GetProperty("option").GetString()!, x => x.GetProperty("value").GetInt32());
        Assert.Equal((2, 1, 0), (counts["yes"], counts["no"], counts["abstain"]));
        Assert.Equal($"motion/item-{d.SecretItem}", secret.GetProperty("motion_id").GetString());

        var decision = Assert.Single(root.GetProperty("decisions").EnumerateArray());
        Assert.Equal(($"1/{d.HeldOn.Year}", $"vote-event/{d.OpenVote}"), (decision.GetProperty("identifier").GetString(), decision.GetProperty("vote_event_id").GetString()));
    }

    [Fact]
    public async Task Members_and_decisions_export_as_CSV_and_XLSX()
    {
        var d = await PrepareAsync();
        await App.AddMemberAsync(d.C.MunicipalityId, "Keçmiş, Üzv", Today.AddYears(-1), change: x => { x.Status = MemberStatus.Ended; x.MandateEndedOn = Today.AddDays(-3); x.MandateEndGround = MandateEndGround.Resignation; });
        var client = await App.LoginAsync(d.C.Login(1));

        var r = await client.GetAsync(d.C.Api("/members/export.csv"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = RegistryHttp.ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("Full name", rows[0][1]);
        Assert.Equal(1 + 4, rows.Count);
        var ended = rows.Single(x => x[1] == "Keçmiş, Üzv");
        Assert.Equal("mandate ended", ended[9]);
        Assert.StartsWith("SL 22.2", ended[11]);
        Assert.Contains(rows, x => x[1].StartsWith("Üzv0 Şəkiliyev", StringComparison.Ordinal) && x[8] == "chairman");
        var sitting = RegistryHttp.ParseCsv(Encoding.UTF8.GetString((await (await client.GetAsync(d.C.Api("/members/export.csv?includeEnded=false"))).Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(1 + 3, sitting.Count);

        var x = await client.GetAsync(d.C.Api("/members/export.xlsx"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", x.Content.Headers.ContentType?.MediaType);
        var sheet = ReadXlsx(await x.Content.ReadAsByteArrayAsync());
        Assert.Equal(5, sheet.Count);
        Assert.Contains(sheet, row => row[1] == "Keçmiş, Üzv");

        var dec = RegistryHttp.ParseCsv(Encoding.UTF8.GetString((await (await client.GetAsync(d.C.Api("/decisions/export.csv"))).Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(2, dec.Count);
        Assert.Equal(($"1/{d.HeldOn.Year}", LongTitle, "2", "1"), (dec[1][1], dec[1][3], dec[1][8], dec[1][9]));
        var decX = ReadXlsx(await (await client.GetAsync(d.C.Api("/decisions/export.xlsx"))).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, decX.Count);
        Assert.Equal(LongTitle, decX[1][3]);
    }

    private static List<List<string>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
        var ws = (DocumentFormat.OpenXml.Packaging.WorksheetPart)wb.GetPartById(sheet.Id!);
        return ws.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
    }
}

public sealed class ExportsTests_Sqlite(SqliteFixture f) : ExportsTests(f), IClassFixture<SqliteFixture>;
public sealed class ExportsTests_Postgres(PostgresFixture f) : ExportsTests(f), IClassFixture<PostgresFixture>;
