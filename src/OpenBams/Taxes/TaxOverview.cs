using Microsoft.EntityFrameworkCore;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Calendar;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Taxes;

public enum DateState
{
    /// <summary>Still ahead.</summary>
    Upcoming = 0,
    Done = 1,
    /// <summary>Done, but after the day.</summary>
    DoneLate = 2,
    /// <summary>The day has passed and it is not done.</summary>
    Overdue = 3,
}

/// <summary>A day the law fixes for the year, with whether the municipality has met it and how.</summary>
public sealed record StatutoryDate(string Id, string What, string Citation, DateOnly Due, DateState State, string Detail);

/// <summary>The first page of a municipality's taxes: this year's statutory dates, the registers' counts and the year's collection.</summary>
public sealed record TaxOverview(int Year, DateOnly Today, int Taxpayers, int Plots, int Buildings, int Vehicles, int Notices, int NoticesUndelivered,
    int CertificatesOpen, int CertificatesOverdue, int LateRegistrations, IReadOnlyList<StatutoryDate> Dates, CollectionReport Collection)
{
    public static async Task<TaxOverview> ComputeAsync(AppDb db, int m, DateOnly today, string lang, CancellationToken ct = default)
    {
        var y = today.Year;
        var en = lang == "en";
        string Tr(string az, string e) => en ? e : az;
        var calendar = await WorkingCalendars.LoadAsync(db, y - 1, y + 1, ct);

        var taxpayers = await db.Taxpayers.CountAsync(t => t.MunicipalityId == m, ct);
        var plots = await db.LandPlots.CountAsync(p => p.MunicipalityId == m && p.RetiredOn == null, ct);
        var buildings = await db.Buildings.CountAsync(b => b.MunicipalityId == m && b.RetiredOn == null, ct);
        var vehicles = await db.Vehicles.CountAsync(v => v.MunicipalityId == m && v.RetiredOn == null, ct);
        var deliverBy = TaxCalendar.DeliverBy(y);
        var notices = await db.PaymentNotices.Where(n => n.MunicipalityId == m && n.Year == y)
            .GroupBy(n => n.IsCurrent)
            .Select(g => new { Current = g.Key, Count = g.Count(), Undelivered = g.Count(n => n.DeliveredOn == null), Late = g.Count(n => n.DeliveredOn > deliverBy),
                FirstIssued = g.Min(n => (DateOnly?)n.IssuedOn), LastDelivered = g.Max(n => n.DeliveredOn) })
            .ToListAsync(ct);
        var current = notices.FirstOrDefault(n => n.Current);
        var firstIssued = notices.Select(n => n.FirstIssued).Where(d => d != null).DefaultIfEmpty().Min();
        var requested = db.DebtCertificates.Where(c => c.MunicipalityId == m && c.Status == CertificateStatus.Requested);
        var certificatesOpen = await requested.CountAsync(ct);
        var certificatesOverdue = await requested.CountAsync(c => c.DueOn < today, ct); // SL 30.2: 1 working day
        // LML 18.3: registered more than a month after the title; pairs of days, so a bulk registration is one row.
        var registrations = await db.ObjectHoldings.Where(h => h.MunicipalityId == m && h.TitleReceivedOn != null && h.RegisteredOn >= new DateOnly(y, 1, 1)
                && h.RegisteredOn <= new DateOnly(y, 12, 31))
            .GroupBy(h => new { h.TitleReceivedOn, h.RegisteredOn }).Select(g => new { g.Key.TitleReceivedOn, g.Key.RegisteredOn, Count = g.Count() }).ToListAsync(ct);
        var late = registrations.Where(r => TaxCalendar.IsLateRegistration(calendar, r.TitleReceivedOn!.Value, r.RegisteredOn, today)).Sum(r => r.Count);

        var dates = new List<StatutoryDate>();
        var assessBy = TaxCalendar.AssessBy(y);
        dates.Add(new StatutoryDate("assess", Tr("Torpaq və əmlak vergisinin hesablanması", "Assessment of land and property tax"), "LML 18.11", assessBy,
            firstIssued is { } fi ? (fi > assessBy ? DateState.DoneLate : DateState.Done) : today > assessBy ? DateState.Overdue : DateState.Upcoming,
            firstIssued is { } f2 ? Tr($"{current?.Count ?? 0} bildiriş, ilk {Fmt.Date(f2)}", $"{current?.Count ?? 0} notices, first on {Fmt.Date(f2)}")
                : Tr("hələ hesablanmayıb", "not assessed yet")));
        var count = current?.Count ?? 0;
        var undelivered = current?.Undelivered ?? 0;
        dates.Add(new StatutoryDate("deliver", Tr("Tədiyyə bildirişlərinin çatdırılması", "Delivery of payment notices"), "LML 18.11", deliverBy,
            count > 0 && undelivered == 0 ? ((current?.Late ?? 0) > 0 ? DateState.DoneLate : DateState.Done) : today > deliverBy ? DateState.Overdue : DateState.Upcoming,
            Tr($"{count - undelivered} / {count} çatdırılıb" + ((current?.Late ?? 0) > 0 ? $", {current!.Late} gecikmə ilə" : ""),
                $"{count - undelivered} of {count} delivered" + ((current?.Late ?? 0) > 0 ? $", {current!.Late} late" : ""))));
        foreach (var (number, due) in new[] { (1, TaxCalendar.FirstInstalment(y)), (2, TaxCalendar.SecondInstalment(y)) })
        {
            var charged = await db.TaxCharges.Where(c => c.MunicipalityId == m && c.Year == y && c.Instalment == number
                    && (c.Tax == LocalTax.LandTax || c.Tax == LocalTax.PropertyTax)).SumAsync(c => (long?)c.AmountQepik, ct) ?? 0;
            var paid = await db.PaymentAllocations.Where(a => a.MunicipalityId == m && a.Year == y && a.Instalment == number
                    && (a.Tax == LocalTax.LandTax || a.Tax == LocalTax.PropertyTax)).SumAsync(a => (long?)a.AmountQepik, ct) ?? 0;
            var last = TaxCalendar.LastDayToPay(calendar, due);
            var owed = Math.Max(0, charged - paid);
            dates.Add(new StatutoryDate($"instalment{number}", Tr($"{number}-ci yarı: torpaq və əmlak vergisinin ödənilməsi", $"Instalment {number}: land and property tax paid"),
                "LML 18.13", due, today <= last ? DateState.Upcoming : owed == 0 ? DateState.Done : DateState.Overdue,
                Tr($"ödənilib {Money.FromQepik(paid).Format("az")} / {Money.FromQepik(charged).Format("az")}", $"paid {Money.FromQepik(paid).Format("en")} of {Money.FromQepik(charged).Format("en")}")
                + (last != due ? Tr($"; son gün {Fmt.Date(last)}", $"; last day {Fmt.Date(last)}") : "")));
        }
        foreach (var q in await TaxReports.QuartersAsync(db, m, y, today, lang, ct))
            dates.Add(new StatutoryDate($"quarter{q.Quarter}", Tr($"{q.Quarter}-ci rübün yığım hesabatı Maliyyə Nazirliyinə", $"Q{q.Quarter} collection report to the Ministry of Finance"),
                TaxReports.QuarterlyCitation, q.DueOn, q.State switch
                {
                    QuarterState.Sent => DateState.Done,
                    QuarterState.SentLate => DateState.DoneLate,
                    QuarterState.Overdue => DateState.Overdue,
                    _ => DateState.Upcoming,
                }, (q.SentOn is { } s ? Tr($"göndərilib {Fmt.Date(s)}; ", $"sent {Fmt.Date(s)}; ") : "") + q.DueExplanation));

        var collection = await TaxReports.CollectionAsync(db, m, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), ReportPeriod.Month, lang, ct);
        return new TaxOverview(y, today, taxpayers, plots, buildings, vehicles, count, undelivered, certificatesOpen, certificatesOverdue, late,
            dates.OrderBy(d => d.Due).ToList(), collection);
    }
}
