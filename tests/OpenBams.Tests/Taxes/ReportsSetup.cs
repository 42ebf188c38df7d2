using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// A municipality with three taxpayers assessed for 2026 and paid in part, for the reports tests. Land tax at 0.50 ₼ per
/// 100 m² and property tax at 0.1 % of value:
///   Alpha   plot 1 000 m²  →  5.00 ₼ (2.50 due 15.08 and 15.11); pays 2.50 on 14.08, and 7.00 on 01.09 that is reversed;
///   Bravo   plot 2 000 m²  → 10.00 ₼ (5.00 + 5.00); pays 15.00 on 17.08 (the last day: 15.08 is a Saturday), 5.00 stays credit;
///   Charlie building 40 000 ₼ → 40.00 ₼ (20.00 + 20.00); pays 10.00 late, on 20.11;
///   and a voluntary payment of 3.00 on 05.10 to a project.
/// Payments go in as rows and are booked by Ledger.SettleAsync (the payments API is tested elsewhere).
/// </summary>
public sealed record ReportsScenario(TaxScenario S, int Alpha, int Bravo, int Charlie, string Municipality)
{
    public const int Year = 2026;

    public static async Task<ReportsScenario> CreateAsync(TestApp app)
    {
        app.Clock.SetToday(new DateOnly(2026, 12, 3));
        var s = await TaxScenario.CreateAsync(app);
        await s.RateAsync(RateClasses.Residential("villages"), 0.5m, Year);
        await s.RateAsync(RateClasses.Building, 0.1m, Year);
        var tag = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var alpha = await s.TaxpayerAsync("RA" + tag[..4] + "1", "Reports Alpha");
        var bravo = await s.TaxpayerAsync("RB" + tag[..4] + "2", "Reports Bravo");
        var charlie = await s.TaxpayerAsync("RC" + tag[..4] + "3", "Reports Charlie");
        var p1 = await s.PlotAsync(1_000);
        var p2 = await s.PlotAsync(2_000);
        var b = await s.BuildingAsync(40_000);
        await s.HoldAsync(alpha.Id, ObjectKind.LandPlot, p1.Id, new DateOnly(2015, 1, 1));
        await s.HoldAsync(bravo.Id, ObjectKind.LandPlot, p2.Id, new DateOnly(2015, 1, 1));
        await s.HoldAsync(charlie.Id, ObjectKind.Building, b.Id, new DateOnly(2015, 1, 1));
        await s.AssessAsync(Year);
        await PayAsync(app, s.MunicipalityId, alpha.Id, 250, new DateOnly(2026, 8, 14));
        await PayAsync(app, s.MunicipalityId, alpha.Id, 700, new DateOnly(2026, 9, 1), reversed: true);
        await PayAsync(app, s.MunicipalityId, bravo.Id, 1_500, new DateOnly(2026, 8, 17));
        await PayAsync(app, s.MunicipalityId, charlie.Id, 1_000, new DateOnly(2026, 11, 20));
        var projectId = await app.WithDbAsync(async db =>
        {
            var p = new VoluntaryProject { MunicipalityId = s.MunicipalityId, Name = "Park", Purpose = "Park", PollReference = "poll 1", PollHeldOn = new DateOnly(2026, 5, 1),
                OpenedOn = new DateOnly(2026, 6, 1), TargetQepik = 100_000 };
            db.VoluntaryProjects.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        await PayAsync(app, s.MunicipalityId, null, 300, new DateOnly(2026, 10, 5), projectId: projectId);
        var name = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == s.MunicipalityId).Select(m => m.Name).SingleAsync());
        return new ReportsScenario(s, alpha.Id, bravo.Id, charlie.Id, name);
    }

    public string Api => S.Api + "/reports";

    public static Task PayAsync(TestApp app, int municipalityId, int? taxpayerId, long qepik, DateOnly paidOn, bool reversed = false, int? projectId = null) =>
        app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await OpenBams.Budget.TaxRevenuePosting.WritingPaymentsAsync(db, default);
            db.Payments.Add(new Payment
            {
                MunicipalityId = municipalityId, TaxpayerId = taxpayerId, ProjectId = projectId, AmountQepik = qepik, PaidOn = paidOn, RecordedAt = DateTime.UtcNow,
                Channel = PaymentChannel.Bank, ExternalId = "test:" + Guid.NewGuid().ToString("N"), Status = reversed ? PaymentStatus.Reversed : PaymentStatus.Posted,
                ReversedAt = reversed ? DateTime.UtcNow : null, ReversalReason = reversed ? "test" : null,
            });
            await db.SaveChangesAsync();
            if (taxpayerId is { } t)
                await Ledger.SettleAsync(db, [t], DateTime.UtcNow, await Ledger.Rules.LoadAsync(db, new DateOnly(2026, 12, 3), default));
            await tx.CommitAsync();
            return 0;
        });

    public async Task<HttpClient> UserAsync(Role role, int? municipalityId)
    {
        var login = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}";
        await S.App.CreateUserAsync(login, role, municipalityId);
        return await S.App.LoginAsync(login);
    }
}

internal static class ReportJson
{
    public static long Qepik(this JsonElement e, string property) => e.GetProperty(property).GetProperty("qepik").GetInt64();

    public static JsonElement Tax(this JsonElement rows, string tax) => rows.EnumerateArray().Single(r => r.GetProperty("tax").GetString() == tax);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The first sheet's cells as text, row by row (numbers as the invariant text XLSX stores).</summary>
    public static List<List<string>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First();
        var ws = (WorksheetPart)wb.GetPartById(sheet.Id!);
        return ws.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }

    /// <summary>pdftotext writes a no-break space as such; amounts are compared with plain spaces.</summary>
    public static string Plain(string s) => s.Replace('\u00A0', ' ');
}
