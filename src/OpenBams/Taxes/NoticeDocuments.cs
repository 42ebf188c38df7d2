using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;

namespace OpenBams.Taxes;

/// <summary>
/// The printed payment notice (tədiyyə bildirişi, LTP 6.0.3; TAX-REG 3.2.1): Azerbaijani with the English label after each,
/// the explained lines, the total, the two instalments of LML 18.13, the payment reference and the verification QR.
/// </summary>
public static class NoticeDocuments
{
    private static string L(string az, string en) => $"{az} / {en}";

    private static string M(Money m) => m.Format("az");

    private static string TaxName(LocalTax t) => t switch
    {
        LocalTax.LandTax => L("Torpaq vergisi", "Land tax"),
        LocalTax.PropertyTax => L("Əmlak vergisi", "Property tax"),
        _ => t.ToString(),
    };

    /// <summary>One notice as a PDF.</summary>
    public static byte[] Notice(NoticeView n, string verifyUrl)
    {
        using var pdf = new PdfDocumentWriter($"Tədiyyə bildirişi № {n.Number}/{n.Year} — {n.Municipality}", "az",
            footer: $"{n.Municipality} — tədiyyə bildirişi № {n.Number}/{n.Year}");
        Write(pdf, n, verifyUrl);
        return pdf.ToBytes();
    }

    /// <summary>Many notices for printing, each starting on a new page.</summary>
    public static byte[] Bulk(IReadOnlyList<NoticeView> notices, Func<string, string> verifyUrl, string footer)
    {
        using var pdf = new PdfDocumentWriter($"Tədiyyə bildirişləri — {footer}", "az", footer: footer);
        foreach (var n in notices)
        {
            pdf.PageBreak();
            Write(pdf, n, verifyUrl(n.VerificationCode));
        }
        return pdf.ToBytes();
    }

    [Law("LML 18.13")]
    private static void Write(PdfDocumentWriter pdf, NoticeView n, string verifyUrl)
    {
        pdf.Heading($"TƏDİYYƏ BİLDİRİŞİ № {n.Number}/{n.Year}");
        pdf.Paragraph(n.Municipality, bold: true);
        pdf.Paragraph($"Payment notice No. {n.Number}/{n.Year} — torpaq və əmlak vergisi / land and property tax (LML 18.11)");
        if (n.Revision > 0)
            pdf.Paragraph(L($"Düzəliş edilmiş bildiriş (düzəliş {n.Revision}): əvvəlkinə görə dəyişiklik {M(n.Change)}",
                $"Revised notice (revision {n.Revision}): change against the previous one {M(n.Change)}"), bold: true);
        if (!n.IsCurrent)
            pdf.Paragraph(L("Bu bildiriş sonrakı düzəlişlə əvəz olunub", "This notice has been superseded by a later revision"), bold: true);
        pdf.KeyValues([
            (L("Vergi ödəyicisi", "Taxpayer"), n.TaxpayerName),
            ("FİN / FIN", n.PersonalId ?? "—"),
            (L("Ünvan", "Address"), n.Address ?? "—"),
            (L("Vergi ili", "Tax year"), n.Year.ToString()),
            (L("Verilmə tarixi", "Issued on"), Fmt.Date(n.IssuedOn)),
            (L("Ödəniş referansı", "Payment reference"), n.ReferenceDisplay),
        ]);
        pdf.Heading(L("Hesablama", "Computation"), 2);
        if (n.Lines.Count == 0)
            pdf.Paragraph(L("Vergiyə cəlb olunan obyekt yoxdur", "No taxable object"));
        else
            pdf.Table([L("Vergi", "Tax"), L("Hesablama (obyekt, baza, dərəcə, qərar, güzəşt, maddə)", "Computation (object, base, rate, decision, relief, article)"),
                    L("Məbləğ", "Amount")],
                n.Lines.Select(l => (IReadOnlyList<string?>)[TaxName(l.Tax), l.Explanation, M(l.Net)]), [2, 7, 2], [2]);
        pdf.KeyValues([
            (L("Torpaq vergisi", "Land tax"), M(n.Land)),
            (L("Əmlak vergisi", "Property tax"), M(n.Property)),
            (L("CƏMİ", "TOTAL"), M(n.Total)),
        ]);
        pdf.Heading(L("Ödəniş müddətləri", "Instalments") + " (LML 18.13)", 2);
        var rows = n.Instalments.Select(i => (IReadOnlyList<string?>)[$"{i.Number}", Fmt.Date(i.DueOn) + L(" tarixinədək", " at the latest"), M(i.Amount)]).ToList();
        rows.Add([L("Cəmi", "Total"), "", M(n.Instalments.Aggregate(Money.Zero, (s, i) => s + i.Amount))]);
        pdf.Table([L("Hissə", "Instalment"), L("Son ödəniş günü", "Due by"), L("Məbləğ", "Amount")], rows, [2, 4, 2], [2]);
        if (n.Adjustments.Count > 0)
        {
            pdf.Paragraph(L("Düzəlişin ödəniş müddətləri (əvvəlki bildirişə görə fərq)", "Due days of the adjustment (difference against the previous notice)"), bold: true);
            pdf.Table([L("Hissə", "Instalment"), L("Son ödəniş günü", "Due by"), L("Məbləğ", "Amount")],
                n.Adjustments.Select(a => (IReadOnlyList<string?>)[$"{a.Number}", Fmt.Date(a.DueOn), M(a.Amount)]), [2, 4, 2], [2]);
        }
        pdf.Paragraph(L($"Ödəniş yalnız nağdsız qaydada (bank və ya Hökumət Ödəniş Portalı), ödəniş referansı {n.ReferenceDisplay} göstərilməklə aparılır (BS 43.1).",
            $"Pay only by non-cash means (bank or the Government Payment Portal) quoting the payment reference {n.ReferenceDisplay} (SL 43.1)."));
        pdf.VerificationQr(verifyUrl, L("Bildirişi portalda yoxlayın", "Verify this notice on the portal"));
    }
}
