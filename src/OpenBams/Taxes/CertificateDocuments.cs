using OpenBams.Law;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;

namespace OpenBams.Taxes;

/// <summary>The printable certificate of debts (SL 30.2), in Azerbaijani with English under each label, from its frozen content.</summary>
public static class CertificateDocuments
{
    private static string L(string az, string en) => $"{az} / {en}";

    private static string M(long qepik) => Money.FromQepik(qepik).Format("az");

    [Law("SL 30.2")]
    public static byte[] Pdf(DebtCertificate c, CertificateContent x, string verifyUrl)
    {
        var number = x.Number.Length > 0 ? x.Number : $"{c.Number}/{c.Year}";
        using var pdf = new PdfDocumentWriter($"Arayış № {number} — {x.Municipality}", "az", footer: $"{x.Municipality} — arayış № {number} (BS 30.2)");
        pdf.Heading($"ARAYIŞ № {number}");
        pdf.Paragraph(x.Municipality, bold: true);
        pdf.Paragraph("Yerli vergilər və ödənişlər üzrə borclar barədə arayış (Bələdiyyələrin statusu haqqında Qanun, maddə 30.2)");
        pdf.Paragraph("Certificate of debts on local taxes and payments (Law on the status of municipalities, art. 30.2)");
        pdf.KeyValues([
            (L("Vergi ödəyicisi", "Taxpayer"), x.TaxpayerName),
            (x.PersonalId is not null ? L("FİN", "Personal ID (FIN)") : L("VÖEN", "Tax ID (VÖEN)"), x.PersonalId ?? x.TaxId ?? "—"),
            (L("Ünvan", "Address"), x.Address ?? "—"),
            (L("Müraciət tarixi", "Requested on"), Fmt.Date(x.RequestedOn)),
            (L("Son müddət (1 iş günü)", "Due (1 working day)"), Fmt.Date(x.DueOn)),
            (L("Verilib", "Issued"), Fmt.DateTime(x.IssuedAt)),
            (L("Məlumat tarixinə", "Position as of"), Fmt.Date(x.AsOf)),
            (L("Məqsəd", "Purpose"), x.Purpose ?? "—"),
        ]);
        if (x.Items.Count > 0)
        {
            pdf.Heading(L("Hesab", "Account"), 2);
            pdf.Table(
                [L("Vergi", "Tax"), L("İl / hissə", "Year / instalment"), L("Son gün", "Due"), L("Hesablanıb", "Owed"), L("Ödənilib", "Paid"),
                    L("Qalıq", "Outstanding"), L("Faiz", "Interest")],
                x.Items.Select(i => (IReadOnlyList<string?>)[$"{i.TaxAz} / {i.TaxEn}", i.Period > 0 ? $"{i.Year}-{i.Period:00}" : $"{i.Year} / {i.Instalment}",
                    Fmt.Date(i.DueOn), M(i.DueQepik), M(i.PaidQepik), M(i.OutstandingQepik) + (i.DaysOverdue > 0 ? $" ({i.DaysOverdue} gün / days)" : ""),
                    M(i.InterestQepik)]),
                [3, 1.6, 1.4, 1.5, 1.5, 1.9, 1.3], [3, 4, 5, 6]);
        }
        pdf.KeyValues([
            (L("Ödənilib", "Paid"), M(x.PaidQepik)),
            (L("Vaxtı keçmiş borc", "Overdue debt"), M(x.OverdueQepik)),
            (L("Gecikmə faizi", "Interest on arrears"), M(x.InterestQepik) + " (MQ 7.1.11 / FL 7.1.11)"),
            (L("Hesablanıb, ödəmə vaxtı çatmayıb", "Assessed, not yet due"), M(x.NotYetDueQepik)),
            (L("Artıq ödəniş (kredit)", "Overpayment (credit)"), M(x.CreditQepik)),
        ]);
        pdf.Paragraph(x.HasDebt
            ? $"BORC VAR / DEBT: {M(x.OverdueQepik + x.InterestQepik)}"
            : "BORC YOXDUR / NO DEBT: yerli vergilər və ödənişlər üzrə borcu yoxdur / no debt on local taxes and payments", bold: true);
        pdf.Space(6);
        pdf.Signatures([(L("Vergi xidməti", "Tax service"), x.IssuedBy ?? "")]);
        pdf.VerificationQr(verifyUrl, L("Arayışı portalda yoxlayın", "Verify this certificate on the portal"));
        return pdf.ToBytes();
    }
}
