using System.Globalization;
using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Export;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;

namespace OpenBams.Taxes;

/// <summary>
/// The reports as files: CSV and XLSX of every report (streamed), and the quarterly report to the Ministry of Finance as a
/// printable PDF in Azerbaijani with the English under each label, with lines for the chairman's and the tax service's
/// signatures.
/// </summary>
public static class TaxReportDocuments
{
    private static string L(string az, string en) => $"{az}\n{en}";

    private static string Tr(string az, string en) => Text.English ? en : az;

    public static string QuarterName(int year, int quarter, string lang) =>
        lang == "en" ? $"Q{quarter} {year}" : $"{year}-ci il, {quarter}-ci rüb";

    public static string StateName(QuarterState s, string lang) => s switch
    {
        QuarterState.InProgress => lang == "en" ? "quarter in progress" : "rüb davam edir",
        QuarterState.Due => lang == "en" ? "due" : "təqdim edilməlidir",
        QuarterState.Overdue => lang == "en" ? "overdue" : "gecikib",
        QuarterState.Sent => lang == "en" ? "sent" : "göndərilib",
        _ => lang == "en" ? "sent late" : "gecikmə ilə göndərilib",
    };

    [Law("LTP-DECREE 2")]
    public static byte[] QuarterlyPdf(QuarterlyReport r)
    {
        using var pdf = new PdfDocumentWriter($"Rüblük yığım hesabatı {r.Year}/{r.Quarter} — {r.Municipality}", "az",
            footer: $"{r.Municipality} — {QuarterName(r.Year, r.Quarter, "az")} / Q{r.Quarter} {r.Year}");
        pdf.Heading("YERLİ VERGİLƏRİN VƏ ÖDƏNİŞLƏRİN YIĞILMASI HAQQINDA RÜBLÜK HESABAT");
        pdf.Paragraph("Quarterly report on the collection of local taxes and payments");
        pdf.Paragraph(r.Municipality, bold: true);
        pdf.KeyValues([
            (L("Kimə", "To"), "Azərbaycan Respublikasının Maliyyə Nazirliyi / Ministry of Finance of the Republic of Azerbaijan"),
            (L("Dövr", "Period"), $"{QuarterName(r.Year, r.Quarter, "az")} / {QuarterName(r.Year, r.Quarter, "en")}: {Fmt.Date(r.Start)} – {Fmt.Date(r.End)}"),
            (L("Borc hansı tarixə", "Arrears as of"), Fmt.Date(r.ArrearsAsOf) + (r.Provisional ? " (rüb bitməyib, ilkin / quarter not over, provisional)" : "")),
            (L("Təqdim etmə müddəti", "Due"), $"{Fmt.Date(r.DueOn)} — {r.DueExplanation}"),
            (L("Əsas", "Basis"), "Prezidentin 4 aprel 2002-ci il Fərmanı, 2-ci bənd: üç ayda bir dəfə Maliyyə Nazirliyinə / " +
                "Presidential Decree of 4 April 2002, para. 2: once every three months to the Ministry of Finance"),
            (L("Vəziyyət", "Status"), $"{StateName(r.State, "az")} / {StateName(r.State, "en")}" + (r.SentOn is { } s ? $": {Fmt.Date(s)}" : "")
                + (r.SentReference is { } n ? $" № {n}" : "")),
        ]);
        string M(Money m) => m.Format("az");
        var rows = r.Rows.Select(x => (IReadOnlyList<string?>)[$"{LocalTaxes.Name(x.Tax).Az}\n{LocalTaxes.Name(x.Tax).En}", x.RevenueClass, M(x.Assessed), M(x.Collected),
            M(x.Arrears), x.TaxpayersInArrears.ToString(CultureInfo.InvariantCulture)]).ToList();
        rows.Add([L("Cəmi", "Total"), "", M(r.Assessed), M(r.Collected), M(r.Arrears), r.TaxpayersInArrears.ToString(CultureInfo.InvariantCulture)]);
        pdf.Table([L("Vergi, ödəniş", "Tax, payment"), L("Gəlir növü", "Revenue class"), L("Hesablanıb", "Assessed"), L("Yığılıb", "Collected"),
                L("Rübün sonuna borc", "Arrears at quarter end"), L("Borcu olan ödəyicilər", "Taxpayers in arrears")],
            rows, [4, 1.6, 2, 2, 2, 1.6], [2, 3, 4, 5]);
        pdf.KeyValues([(L("Rüb ərzində daxil olan bütün ödənişlər", "All payments received in the quarter"), M(r.Received))]);
        pdf.Paragraph("Hesablanıb: ödəmə günü rübə düşən hesablamalar (düzəlişlər daxil). Yığılıb: rüb ərzində ödənilmiş və borca aid edilmiş məbləğlər. " +
            "Borc: son ödəmə günü keçmiş və ödənilməmiş məbləğlər (FL 7.1.11 faizi daxil olmaqla, hesablanmış hissədə).");
        pdf.Paragraph("Assessed: charges falling due in the quarter (adjustments included). Collected: money paid and booked to what is owed in the quarter. " +
            "Arrears: amounts past their last day to pay and unpaid (FL 7.1.11 interest included where already charged).");
        pdf.Space(8);
        pdf.Signatures([
            (L("Bələdiyyənin sədri", "Chairman of the municipality"), ""),
            (L("Vergi xidməti orqanının rəhbəri", "Head of the tax service body"), ""),
        ]);
        pdf.Paragraph(L("Tarix: ____.____.________", "Date"));
        return pdf.ToBytes();
    }

    // ---------------------------------------------------------------- CSV / XLSX

    public static Task CollectionAsync(HttpContext http, CollectionReport r, bool xlsx)
    {
        string[] header = [Tr("Dövr", "Period"), Tr("Başlanğıc", "From"), Tr("Son", "To"), Tr("Kod", "Code"), Tr("Vergi, ödəniş", "Tax, payment"),
            Tr("Gəlir növü (FL 7.1)", "Revenue class (FL 7.1)"), Tr("Hesablanıb", "Charged"), Tr("Yığılıb", "Collected"), Tr("Dövrün sonuna qalıq", "Outstanding at period end"),
            Tr("Daxil olan ödənişlər", "Payments received")];
        var total = Tr("Cəmi", "Total");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var p in r.Periods)
        {
            foreach (var t in p.Taxes) rows.Add([p.Label, p.Start, p.End, t.Tax.ToString(), t.TaxName, t.RevenueClass, t.Charged, t.Collected, t.Outstanding, null]);
            rows.Add([p.Label, p.Start, p.End, "", total, "", p.Charged, p.Collected, p.Outstanding, p.Received]);
        }
        foreach (var t in r.Taxes) rows.Add([total, r.From, r.To, t.Tax.ToString(), t.TaxName, t.RevenueClass, t.Charged, t.Collected, t.Outstanding, null]);
        rows.Add([total, r.From, r.To, "", total, "", r.Charged, r.Collected, r.Outstanding, r.Received]);
        return ExportResponse.WriteAsync(http, $"tax-collection-{r.MunicipalityId}-{r.From:yyyyMMdd}-{r.To:yyyyMMdd}", Tr("Yığım", "Collection"), header, rows, xlsx);
    }

    public static Task ArrearsAsync(HttpContext http, ArrearsReport summary, IAsyncEnumerable<ArrearsRow> rows, bool xlsx)
    {
        var file = $"tax-arrears-{summary.MunicipalityId}-{summary.AsOf:yyyyMMdd}";
        if (summary.PersonsHidden)
        {
            // TAX-REG 3.1.10: national readers get the buckets, never a taxpayer.
            string[] h = [Tr("Yaşlanma qrupu", "Ageing bucket"), Tr("Ödəyicilər", "Taxpayers"), Tr("Borclar", "Items"), Tr("Borc", "Outstanding"), Tr("Faiz", "Interest")];
            var list = summary.Buckets.Select(b => (IReadOnlyList<object?>)[b.Label, b.Taxpayers, b.Items, b.Outstanding, b.Interest]).ToList();
            list.Add([Tr("Cəmi", "Total"), summary.Taxpayers, summary.Items, summary.Outstanding, summary.Interest]);
            return ExportResponse.WriteAsync(http, file, Tr("Borclar", "Arrears"), h, list, xlsx);
        }
        string[] header = [Tr("Ödəyici №", "Taxpayer id"), Tr("Ad", "Name"), Tr("FİN / VÖEN", "FIN / TIN"), Tr("Borc", "Outstanding"), Tr("Faiz (FL 7.1.11)", "Interest (FL 7.1.11)"),
            "1-30", "31-90", "91-180", "181-365", "> 365", Tr("Borclar", "Items"), Tr("Ən çox gecikmə (gün)", "Most days overdue"), Tr("Ən köhnə ödəmə günü", "Oldest due day")];
        return ExportResponse.WriteAsync(http, file, Tr("Borclar", "Arrears"), header, rows.Select(x => (IReadOnlyList<object?>)[x.TaxpayerId, x.Name, x.Identifier, x.Outstanding, x.Interest,
            x.UpTo30, x.UpTo90, x.UpTo180, x.UpTo365, x.OverYear, x.Items, x.MaxDaysOverdue, x.OldestDueOn]), xlsx);
    }

    public static Task QuarterlyXlsxAsync(HttpContext http, QuarterlyReport r)
    {
        string[] header = [Tr("Kod", "Code"), Tr("Vergi, ödəniş", "Tax, payment"), Tr("Gəlir növü", "Revenue class"), Tr("Hesablanıb", "Assessed"), Tr("Yığılıb", "Collected"),
            Tr("Rübün sonuna borc", "Arrears at quarter end"), Tr("Borcu olan ödəyicilər", "Taxpayers in arrears")];
        var rows = r.Rows.Select(x => (IReadOnlyList<object?>)[x.Tax.ToString(), x.TaxName, x.RevenueClass, x.Assessed, x.Collected, x.Arrears, x.TaxpayersInArrears]).ToList();
        rows.Add(["", Tr("Cəmi", "Total"), "", r.Assessed, r.Collected, r.Arrears, r.TaxpayersInArrears]);
        rows.Add([]);
        rows.Add(["", Tr("Bələdiyyə", "Municipality"), r.Municipality]);
        rows.Add(["", Tr("Dövr", "Period"), $"{Fmt.Date(r.Start)} – {Fmt.Date(r.End)}"]);
        rows.Add(["", Tr("Borc hansı tarixə", "Arrears as of"), r.ArrearsAsOf]);
        rows.Add(["", Tr("Daxil olan ödənişlər", "Payments received"), "", r.Received]);
        rows.Add(["", Tr("Təqdim etmə müddəti", "Due"), r.DueOn, r.DueExplanation]);
        rows.Add(["", Tr("Əsas", "Basis"), r.Citation]);
        return ExportResponse.WriteAsync(http, $"tax-quarterly-{r.MunicipalityId}-{r.Year}-Q{r.Quarter}", $"{r.Year}-Q{r.Quarter}", header, rows, xlsx: true);
    }

    public static Task NationalAsync(HttpContext http, NationalCollectionReport r, IReadOnlyList<NationalRow> rows, bool xlsx)
    {
        string[] header = [Tr("Bələdiyyə №", "Municipality id"), Tr("Bələdiyyə", "Municipality"), Tr("Region", "Region"), Tr("Hesablanıb", "Charged"),
            Tr("Yığılıb", "Collected"), Tr("Borc", "Arrears"), Tr("Borcu olan ödəyicilər", "Taxpayers in arrears")];
        var list = rows.Select(x => (IReadOnlyList<object?>)[x.MunicipalityId, x.Municipality, x.Region, x.Charged, x.Collected, x.Arrears, x.TaxpayersInArrears]).ToList();
        list.Add([null, Tr("Cəmi", "Total"), "", r.Charged, r.Collected, r.Arrears, r.TaxpayersInArrears]);
        return ExportResponse.WriteAsync(http, $"tax-collection-national-{r.Year}", $"{r.Year}", header, list, xlsx);
    }
}
