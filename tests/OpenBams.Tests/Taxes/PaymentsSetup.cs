using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Taxes;
using OpenBams.Testing;

namespace OpenBams.Tests.Taxes;

/// <summary>A statement in the documented CSV format (docs/payments.md), written line by line.</summary>
public sealed class Statement
{
    private readonly StringBuilder _sb = new("bank;line_id;value_date;amount;currency;reference;payer_id;payer_name;channel\n");

    public Statement Line(string lineId, string reference, string amount, string date = "2026-08-01", string channel = "bank", string currency = "AZN",
        string bank = "KAPITAL", string payerId = "", string payerName = "Ödəyici")
    {
        _sb.Append($"{bank};{lineId};{date};{amount};{currency};{reference};{payerId};{payerName};{channel}\n");
        return this;
    }

    public Statement Raw(string line)
    {
        _sb.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => _sb.ToString();
}

/// <summary>An assessed account: a taxpayer with one plot taxed 30.00 ₼ for 2026 (two halves of 15.00, LML 18.13) and its notice.</summary>
public sealed record Assessed(TaxScenario S, Taxpayer Taxpayer, PaymentNotice Notice);

internal static class PaymentsSetup
{
    public const int Year = 2026;
    private static int _fin;

    /// <summary>A fresh FIN for a test taxpayer.</summary>
    public static string Fin() => "P" + Interlocked.Increment(ref _fin).ToString("D3") + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();

    /// <summary>A municipality whose land rate makes 10 000 m² cost 30.00 ₼ a year, with <paramref name="taxpayers"/> assessed accounts.</summary>
    public static async Task<List<Assessed>> AssessedAsync(TestApp app, int taxpayers = 1, decimal areaSqm = 10_000)
    {
        var s = await TaxScenario.CreateAsync(app);
        await s.RateAsync(RateClasses.Residential("villages"), 0.3m, Year);
        var list = new List<Taxpayer>();
        for (var i = 0; i < taxpayers; i++)
        {
            var t = await s.TaxpayerAsync(Fin(), $"Əli Məmmədov {i}");
            var plot = await s.PlotAsync(areaSqm);
            await s.HoldAsync(t.Id, ObjectKind.LandPlot, plot.Id, new DateOnly(2015, 1, 1));
            list.Add(t);
        }
        await s.AssessAsync(Year);
        var result = new List<Assessed>();
        foreach (var t in list) result.Add(new Assessed(s, t, (await s.NoticesAsync(t.Id)).Single()));
        return result;
    }

    /// <summary>Posts a statement as the accountant (a raw text/csv body) and waits for the job to finish it.</summary>
    public static async Task<PaymentImportView> ImportAsync(this TaxScenario s, string csv, bool applyValidLines = false, bool dryRun = false, HttpClient? client = null)
    {
        var r = await (client ?? s.Accountant).PostAsync($"{s.Api}/imports?applyValidLines={applyValidLines}&dryRun={dryRun}&fileName=statement.csv&lang=en",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        var view = (await r.Content.ReadFromJsonAsync<PaymentImportView>(TaxJson.Options))!;
        return await s.WaitImportAsync(view.Id, client);
    }

    public static async Task<PaymentImportView> WaitImportAsync(this TaxScenario s, int importId, HttpClient? client = null)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var view = (await (client ?? s.Accountant).GetFromJsonAsync<PaymentImportView>($"{s.Api}/imports/{importId}?lang=en", TaxJson.Options))!;
            if (view.Finished) return view;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Import {importId} still {view.Status} at {view.Percent}%");
            await Task.Delay(50);
        }
    }

    public static async Task<List<ImportIssueView>> IssuesAsync(this TaxScenario s, int importId, string? kind = null)
    {
        var page = await s.Accountant.GetFromJsonAsync<PageOf<ImportIssueView>>($"{s.Api}/imports/{importId}/issues?pageSize=500&lang=en{(kind is null ? "" : "&kind=" + kind)}",
            TaxJson.Options);
        return page!.Items.ToList();
    }

    public static Task<List<Payment>> PaymentsOfAsync(this TaxScenario s, int taxpayerId) =>
        s.App.WithDbAsync(db => db.Payments.Where(p => p.TaxpayerId == taxpayerId).OrderBy(p => p.Id).ToListAsync());

    /// <summary>What the account still owes (net of payments), by instalment, in qəpik.</summary>
    public static Task<Dictionary<(LocalTax, int), long>> OutstandingAsync(this TaxScenario s, int taxpayerId) => s.App.WithDbAsync(async db =>
    {
        var charges = await db.TaxCharges.Where(c => c.TaxpayerId == taxpayerId).ToListAsync();
        var allocs = await db.PaymentAllocations.Where(a => a.TaxpayerId == taxpayerId).ToListAsync();
        return charges.GroupBy(c => (c.Tax, c.Instalment)).ToDictionary(g => g.Key,
            g => g.Sum(c => c.AmountQepik) - allocs.Where(a => a.Tax == g.Key.Tax && a.Instalment == g.Key.Instalment).Sum(a => a.AmountQepik));
    });

    public static async Task<PaymentDetail> PaymentAsync(this TaxScenario s, long paymentId) =>
        (await s.Accountant.GetFromJsonAsync<PaymentDetail>($"{s.Api}/payments/{paymentId}", TaxJson.Options))!;
}
