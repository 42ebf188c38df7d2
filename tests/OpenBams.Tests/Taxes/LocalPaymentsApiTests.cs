using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Identity;
using OpenBams.Taxes;
using OpenBams.Testing;
using OpenBams.Tests.PlatformApi;
using OpenBams.Tests.Admin;
using static OpenBams.Tests.Admin.AdminHttp;

namespace OpenBams.Tests.Taxes;

/// <summary>
/// Local payments and voluntary projects through the API on a real database: returns at the rate in force (LTP 9.1.1-9.1.5),
/// due on the 5th of the next month and late on the 6th (LTP 11.2), the municipality's day (LTP 11.3), the charge settled in
/// the same transaction; projects on a poll result (LTP 3.3), never cash (SL 43.1), spending only what was collected (LTP 3.5).
/// </summary>
public abstract class LocalPaymentsApiTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static string Voen() => "1" + Random.Shared.Next(100_000_000, 999_999_999);

    private static Task<HttpResponseMessage> File(TaxScenario s, object body) => s.Accountant.PostAsJsonAsync($"{s.Api}/returns?lang=en", body, TaxJson.Options);

    [Fact]
    public async Task LTP_11_2_a_hotel_return_is_due_on_the_5th_of_the_next_month_and_late_on_the_6th_and_its_charge_is_settled_at_once()
    {
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Hotel, 1.10m, 2026);
        var hotel = await s.LegalPersonAsync(Voen(), "Dağ Mehmanxanası MMC");
        // Credit the hotel already has (a payment with nothing due yet) pays the new charge in the same transaction.
        await App.WithDbAsync(async db =>
        {
            db.Payments.Add(new Payment { MunicipalityId = s.MunicipalityId, TaxpayerId = hotel.Id, AmountQepik = 500, PaidOn = new DateOnly(2026, 10, 20),
                RecordedAt = DateTime.UtcNow, Channel = PaymentChannel.Bank, ExternalId = "test:" + Guid.NewGuid().ToString("N") });
            return await db.SaveChangesAsync();
        });
        var onTime = await (await File(s, new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2026, month = 10, site = "Korpus A", quantity = 10,
            filedOn = new DateOnly(2026, 11, 5) })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((new DateOnly(2026, 11, 5), false, 11.00m, 1.10m), (onTime.DueOn, onTime.Late, onTime.Amount, onTime.Rate));
        var late = await (await File(s, new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2026, month = 10, site = "Korpus B", quantity = 3,
            filedOn = new DateOnly(2026, 11, 6) })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((true, 1, 3.30m), (late.Late, late.DaysLate, late.Amount));

        var charges = await s.ChargesAsync(hotel.Id);
        Assert.Equal([1100L, 330L], charges.Select(c => c.AmountQepik));
        Assert.All(charges, c => Assert.Equal((ChargeKind.Return, LocalTax.HotelPayment, 10, new DateOnly(2026, 11, 5)), (c.Kind, c.Tax, c.Period, c.DueOn)));
        var allocated = await App.WithDbAsync(db => db.PaymentAllocations.Where(a => a.TaxpayerId == hotel.Id).SumAsync(a => a.AmountQepik));
        Assert.Equal(500L, allocated);

        var lateList = await s.Officer.GetFromJsonAsync<PageOf<LocalPaymentReturnView>>($"{s.Api}/returns?late=true", TaxJson.Options);
        Assert.Equal("Korpus B", Assert.Single(lateList!.Items).Site);
        var search = await s.Officer.GetFromJsonAsync<PageOf<LocalPaymentReturnView>>($"{s.Api}/returns?q=dağ&pageSize=1", TaxJson.Options);
        Assert.Equal((2, 1), (search!.Total, search.Items.Count));
        Assert.Contains("Korpus B", await s.Officer.GetStringAsync($"{s.Api}/returns/export.csv?late=true"));

        // The same site and month again; a month that has not begun; guest-nights that are not whole.
        await (await File(s, new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2026, month = 10, site = "Korpus A", quantity = 1 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "site");
        App.Clock.SetToday(new DateOnly(2026, 12, 31)); // January has not begun on the last day of December
        try
        {
            await (await File(s, new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2027, month = 1, site = "Korpus A", quantity = 1 }))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "month");
        }
        finally { App.Clock.Reset(); }
        await (await File(s, new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2026, month = 9, site = "Korpus A", quantity = 1.5m }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "quantity");
    }

    [Fact]
    public async Task LTP_11_2_a_filed_return_is_corrected_the_original_stays_superseded_the_difference_goes_through_the_ledger_and_lateness_stays()
    {
        App.Clock.SetToday(new DateOnly(2026, 12, 3));
        var s = await TaxScenario.CreateAsync(App);
        await s.RateAsync(RateClasses.Hotel, 1.10m, 2026);
        var hotel = await s.LegalPersonAsync(Voen(), "Düzəliş Mehmanxanası MMC");
        var first = await (await File(s, new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2026, month = 10, site = "Korpus A", quantity = 10,
            filedOn = new DateOnly(2026, 11, 5) })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.False(first.Late);
        Task<HttpResponseMessage> Correct(int id, object body) => s.Accountant.PostAsJsonAsync($"{s.Api}/returns/{id}/correct?lang=en", body, TaxJson.Options);

        // Bad figures and a missing version are refused with their field; nothing is written.
        await (await Correct(first.Id, new { quantity = 2.5m, version = first.Version })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "quantity");
        await (await Correct(first.Id, new { quantity = 12 })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "version");
        Assert.Single(await s.ChargesAsync(hotel.Id));

        // Four more guest-nights, corrected on 3 December: after the 5 November due day, so the correction is late, the original is not.
        var fixedUp = await (await Correct(first.Id, new { quantity = 14, version = first.Version })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((1, 15.40m, new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 3), true, 28), (fixedUp.Revision, fixedUp.Amount, fixedUp.DueOn, fixedUp.FiledOn,
            fixedUp.Late, fixedUp.DaysLate));
        var original = await s.Officer.GetFromJsonAsync<LocalPaymentReturnView>($"{s.Api}/returns/{first.Id}", TaxJson.Options);
        Assert.Equal((fixedUp.Id, false, 11.00m), (original!.SupersededById, original.Late, original.Amount));
        var charges = await s.ChargesAsync(hotel.Id);
        Assert.Equal([(ChargeKind.Return, 1100L), (ChargeKind.Adjustment, 440L)], charges.Select(c => (c.Kind, c.AmountQepik)));
        Assert.All(charges, c => Assert.Equal(new DateOnly(2026, 11, 5), c.DueOn)); // interest on the increase runs from the month's due day
        var list = await s.Officer.GetFromJsonAsync<PageOf<LocalPaymentReturnView>>($"{s.Api}/returns?q=korpus", TaxJson.Options);
        Assert.Equal(2, list!.Total); // both visible

        // The original again (already corrected), or the correction with a stale version: 409, nothing written.
        Assert.Equal(HttpStatusCode.Conflict, (await Correct(first.Id, new { quantity = 9, version = original.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Correct(fixedUp.Id, new { quantity = 9, version = fixedUp.Version + 7 })).StatusCode);
        Assert.Equal(2, (await s.ChargesAsync(hotel.Id)).Count);

        // Fewer guest-nights: the difference is a negative adjustment, and the account owes exactly the corrected amount.
        var down = await (await Correct(fixedUp.Id, new { quantity = 4, version = fixedUp.Version })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((2, 4.40m), (down.Revision, down.Amount));
        Assert.Equal(440L, (await s.ChargesAsync(hotel.Id)).Sum(c => c.AmountQepik));

        // The page shows the superseded ones and corrects the one in force through its form, without JavaScript.
        var page = $"/Taxes/{s.MunicipalityId}/LocalPayments";
        var html = await s.Officer.GetStringAsync(page);
        Assert.Contains($"id=\"return-{first.Id}-superseded\"", html);
        Assert.Contains($"id=\"return-{down.Id}-correct-form\"", html);
        Assert.DoesNotContain($"id=\"return-{first.Id}-correct-form\"", html);
        var post = await s.Accountant.PostFormAsync(page, [F("CorrectId", down.Id), F("CorrectVersion", down.Version), F("CorrectQuantity", "5")],
            page + "?handler=Correct");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(550L, (await s.ChargesAsync(hotel.Id)).Sum(c => c.AmountQepik));
        var stale = await s.Accountant.PostFormAsync(page + "?lang=en", [F("CorrectId", down.Id), F("CorrectVersion", down.Version), F("CorrectQuantity", "6")],
            page + "?handler=Correct&lang=en");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"errors\"", await stale.Content.ReadAsStringAsync());
        var bad = await s.Accountant.PostFormAsync(page + "?lang=en", [F("CorrectId", down.Id + 1), F("CorrectVersion", 0), F("CorrectQuantity", "x")],
            page + "?handler=Correct&lang=en");
        Assert.Contains("<code>quantity</code>", await bad.Content.ReadAsStringAsync());
        Assert.Equal(550L, (await s.ChargesAsync(hotel.Id)).Sum(c => c.AmountQepik));

        // A resident is refused (TAX-REG 3.1.10).
        var login = "res-" + Guid.NewGuid().ToString("N")[..8];
        await App.CreateUserAsync(login, Role.Resident, s.MunicipalityId);
        var resident = await App.LoginAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"{s.Api}/returns/{down.Id}/correct", new { quantity = 1, version = 0 })).StatusCode);
    }

    [Fact]
    public async Task LTP_9_1_5_parking_at_a_tenth_of_SMV_is_due_on_the_municipalitys_day_and_a_month_without_a_rate_is_refused()
    {
        var s = await TaxScenario.CreateAsync(App);
        var park = await s.LegalPersonAsync(Voen(), "Mərkəz Dayanacaq MMC");
        var noRate = await File(s, new { taxpayerId = park.Id, tax = LocalTax.ParkingPayment, year = 2026, month = 3, site = "Bazar yanı", quantity = 100 });
        var p = await noRate.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "tax");
        Assert.Equal("FL 7.2", p.GetProperty("rule").GetString());
        await s.RateAsync(RateClasses.Parking, 0.11m, 2026);
        var r = await (await File(s, new { taxpayerId = park.Id, tax = LocalTax.ParkingPayment, year = 2026, month = 3, site = "Bazar yanı", quantity = 100,
            filedOn = new DateOnly(2026, 4, 2) })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((11.00m, new DateOnly(2026, 4, 10), false), (r.Amount, r.DueOn, r.Late));
    }

    [Fact]
    public async Task LTP_9_1_1_advertising_by_zone_and_LTP_9_1_3_trade_only_on_a_municipal_plot()
    {
        var s = await TaxScenario.CreateAsync(App);
        var d = await s.TaxDecisionAsync(new DateOnly(2025, 12, 10));
        var below = await s.Officer.PostAsJsonAsync($"{s.Api}/rates?lang=en",
            new { rateClass = RateClasses.Advertising(2), rate = 0.49m, validFrom = new DateOnly(2026, 1, 1), decisionId = d.Id }, TaxJson.Options);
        Assert.Equal("FL 7.2", (await below.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "rate")).GetProperty("rule").GetString());
        await (await s.Officer.PostAsJsonAsync($"{s.Api}/rates",
            new { rateClass = RateClasses.Advertising(2), rate = 0.50m, validFrom = new DateOnly(2026, 1, 1), decisionId = d.Id }, TaxJson.Options))
            .OkAsync<TaxRateView>(HttpStatusCode.Created);
        await s.RateAsync(RateClasses.Trade, 2.00m, 2026);
        var firm = await s.LegalPersonAsync(Voen(), "Reklam və Ticarət MMC");
        var ad = await (await File(s, new { taxpayerId = firm.Id, tax = LocalTax.AdvertisingPayment, year = 2026, month = 5, site = "Lövhə 7", quantity = 2.5m, months = 3,
            zone = 2, filedOn = new DateOnly(2026, 5, 2) })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((3.75m, RateClasses.Advertising(2), new DateOnly(2026, 6, 10)), (ad.Amount, ad.RateClass, ad.DueOn));
        await (await File(s, new { taxpayerId = firm.Id, tax = LocalTax.AdvertisingPayment, year = 2026, month = 6, site = "Lövhə 7", quantity = 2.5m, zone = 4 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "zone");
        var noPlot = await File(s, new { taxpayerId = firm.Id, tax = LocalTax.TradePayment, year = 2026, month = 5, site = "Köşk 3", quantity = 6 });
        Assert.Equal("LTP 9.1.3", (await noPlot.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "plotId")).GetProperty("rule").GetString());
        var plot = await s.PlotAsync(200, OpenBams.Law.Taxes.LandCategory.NonResidential);
        var trade = await (await File(s, new { taxpayerId = firm.Id, tax = LocalTax.TradePayment, year = 2026, month = 5, site = "Köşk 3", quantity = 6, plotId = plot.Id,
            filedOn = new DateOnly(2026, 6, 1) })).OkAsync<LocalPaymentReturnView>(HttpStatusCode.Created);
        Assert.Equal((12.00m, plot.Id), (trade.Amount, trade.PlotId));
    }

    [Fact]
    public async Task LTP_3_3_3_5_a_project_rests_on_a_poll_takes_no_cash_and_spends_no_more_than_collected_nor_for_another_project()
    {
        var s = await TaxScenario.CreateAsync(App);
        var url = $"{s.Api}/projects?lang=en";
        var noPoll = await s.Officer.PostAsJsonAsync(url, new { name = "Kənd yolu", purpose = "Kənd yolunun asfaltlanması", target = 5000m }, TaxJson.Options);
        Assert.Equal("LTP 3.3", (await noPoll.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "pollReference")).GetProperty("rule").GetString());
        var project = await (await s.Officer.PostAsJsonAsync(url, new { name = "Kənd yolu", purpose = "Kənd yolunun asfaltlanması", pollReference = "Sorğu 1/2026",
            pollHeldOn = new DateOnly(2026, 9, 1), target = 5000m, openedOn = new DateOnly(2026, 9, 10) }, TaxJson.Options)).OkAsync<VoluntaryProjectView>(HttpStatusCode.Created);
        var other = await (await s.Officer.PostAsJsonAsync(url, new { name = "Park", purpose = "Uşaq parkı", pollReference = "Sorğu 2/2026",
            pollHeldOn = new DateOnly(2026, 9, 1), target = 1000m }, TaxJson.Options)).OkAsync<VoluntaryProjectView>(HttpStatusCode.Created);

        var pay = $"{s.Api}/projects/{project.Id}/payments?lang=en";
        var cash = await s.Accountant.PostAsJsonAsync(pay, new { amount = 100m, paidOn = new DateOnly(2026, 10, 1), channel = PaymentChannel.Cash, externalId = "x1" }, TaxJson.Options);
        Assert.Equal("SL 43.1", (await cash.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "channel")).GetProperty("rule").GetString());
        var ext = "bank:" + Guid.NewGuid().ToString("N");
        var body = new { amount = 100m, paidOn = new DateOnly(2026, 10, 1), channel = PaymentChannel.Bank, externalId = ext, payerName = "Əliyev Əli" };
        await (await s.Accountant.PostAsJsonAsync(pay, body, TaxJson.Options)).OkAsync<ProjectPaymentView>(HttpStatusCode.Created);
        await (await s.Accountant.PostAsJsonAsync(pay, body, TaxJson.Options)).OkAsync<ProjectPaymentView>(HttpStatusCode.OK);

        var spend = $"{s.Api}/projects/{project.Id}/spendings?lang=en";
        await (await s.Accountant.PostAsJsonAsync(spend, new { amount = 60m, purpose = "Asfalt", document = "Akt 1" }, TaxJson.Options))
            .OkAsync<ProjectSpendingView>(HttpStatusCode.Created);
        var tooMuch = await s.Accountant.PostAsJsonAsync(spend, new { amount = 40.01m, purpose = "Asfalt", document = "Akt 2" }, TaxJson.Options);
        Assert.Equal("LTP 3.5", (await tooMuch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount")).GetProperty("rule").GetString());
        var elsewhere = await s.Accountant.PostAsJsonAsync(spend, new { amount = 10m, purpose = "Park", document = "Akt 3", forProjectId = other.Id }, TaxJson.Options);
        await elsewhere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "projectId");
        await (await s.Accountant.PostAsJsonAsync(spend, new { amount = 40m, purpose = "Asfalt", document = "Akt 2" }, TaxJson.Options))
            .OkAsync<ProjectSpendingView>(HttpStatusCode.Created);

        var view = await s.Officer.GetFromJsonAsync<VoluntaryProjectView>($"{s.Api}/projects/{project.Id}", TaxJson.Options);
        Assert.Equal((100m, 100m, 0m, 1), (view!.Collected, view.Spent, view.Balance, view.Payments));
        // The voluntary money is not tax credit: the payer's account is untouched.
        Assert.Empty(await App.WithDbAsync(db => db.PaymentAllocations.Where(a => a.MunicipalityId == s.MunicipalityId).ToListAsync()));
        Assert.Contains("Kənd yolu", await s.Officer.GetStringAsync($"{s.Api}/projects/export.csv"));
        Assert.Equal(2, (await s.Officer.GetFromJsonAsync<PageOf<ProjectSpendingView>>($"{s.Api}/projects/{project.Id}/spendings", TaxJson.Options))!.Total);
    }

    [Fact]
    public async Task TAX_REG_3_1_10_a_resident_is_refused_returns_and_projects()
    {
        var s = await TaxScenario.CreateAsync(App);
        var login = "res-" + Guid.NewGuid().ToString("N")[..6];
        await App.CreateUserAsync(login, Role.Resident, s.MunicipalityId);
        var resident = await App.LoginAsync(login);
        foreach (var path in new[] { "/returns", "/returns/export.csv", "/projects", "/projects/export.xlsx" })
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(s.Api + path)).StatusCode);
        var hotel = await s.LegalPersonAsync(Voen(), "Sahil MMC");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"{s.Api}/returns",
            new { taxpayerId = hotel.Id, tax = LocalTax.HotelPayment, year = 2026, month = 10, site = "A", quantity = 1 }, TaxJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"{s.Api}/projects",
            new { name = "X", purpose = "Y", pollReference = "Z", pollHeldOn = new DateOnly(2026, 1, 1), target = 1m }, TaxJson.Options)).StatusCode);
        Assert.Empty(await App.WithDbAsync(db => db.LocalPaymentReturns.Where(r => r.TaxpayerId == hotel.Id).ToListAsync()));
    }
}

public sealed class LocalPaymentsApiTests_Sqlite(SqliteFixture f) : LocalPaymentsApiTests(f), IClassFixture<SqliteFixture>;
public sealed class LocalPaymentsApiTests_Postgres(PostgresFixture f) : LocalPaymentsApiTests(f), IClassFixture<PostgresFixture>;
