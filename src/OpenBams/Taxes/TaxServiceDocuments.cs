using OpenBams.Law;
using OpenBams.Law.Taxes;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;

namespace OpenBams.Taxes;

/// <summary>The printed act of the tax service (TAX-REG 5.3): Azerbaijani, with the English under each label.</summary>
public static class TaxServiceDocuments
{
    private static string L(string az, string en) => $"{az}\n{en}";

    private static string Date(DateOnly? d) => Fmt.Date(d);

    /// <summary>TAX-REG 5.3: every required field of the act, the payer's right to object (5.4) and the deadlines once delivered.</summary>
    [Law("TAX-REG 5.3")]
    public static byte[] Act(ActView a, string municipality, string? recordUrl)
    {
        using var pdf = new PdfDocumentWriter($"Akt № {a.Code} — {municipality}", "az", footer: $"{municipality} — vergi xidmətinin aktı № {a.Code}");
        pdf.Heading($"AKT № {a.Code}");
        pdf.Paragraph($"{municipality} — bələdiyyənin vergi xidməti orqanı", bold: true);
        pdf.Paragraph($"Act No. {a.Code} of the municipal tax service on an unpaid local tax or payment (TAX-REG 5.3)");
        var (taxAz, taxEn) = LocalTaxes.Name(a.Tax);
        pdf.KeyValues([
            (L("1. Tərtib tarixi və yeri", "Date and place"), $"{Date(a.DrawnOn)}, {a.Place}"),
            (L("2. Tərtib edənlər (vəzifəsi, soyadı, adı, atasının adı)", "Drawn up by (position, full name)"), string.Join("\n", a.DrawnBy)),
            (L("3. Ödəyici haqqında məlumat", "The payer"), a.Payer),
            (L("4. Verginin və (və ya) ödənişin növü", "Tax or payment"), $"{taxAz} / {taxEn} ({LocalTaxes.Article(a.Tax)})"),
            (L("5. Qanun pozuntusunun konkret halları", "Circumstances of the breach"), a.Circumstances),
            (L("6. Məsuliyyət nəzərdə tutan maddələr", "Articles providing for liability"), a.Articles),
            (L("7. Ödəyiciyə ödəniş təklifi", "Proposal to the payer to pay"), a.Proposal),
            (L("Ödənilməli məbləğ", "Amount to pay"), Money.Manat(a.Amount).Format("az")),
        ]);
        if (a.AuditId is { } audit) pdf.Paragraph(L($"Vergi yoxlaması № {audit} əsasında", $"Following tax audit No. {audit}"));

        pdf.Heading(L("Ödəyicinin hüquqları", "The payer's rights"), 2);
        pdf.Paragraph("Ödəyici aktla razı olmadıqda aktın alındığı gündən 30 gün ərzində bütün akta və ya onun hissələrinə yazılı etiraz verə bilər (VXƏ 5.4). " +
                      "Etiraz və ya izahat verildikdə akta ödəyicinin (nümayəndəsinin) iştirakı ilə baxılır; baxılmanın yeri və vaxtı ən azı 3 iş günü əvvəl bildirilir, " +
                      "üzrsüz səbəbdən gəlmədikdə akta onsuz baxılır (VXƏ 5.5). Bələdiyyə etiraz müddəti bitdikdən sonra 15 gün ərzində akta baxıb məhkəməyə müraciət " +
                      "etmək və ya bundan imtina barədə qərar qəbul edir (VXƏ 5.6); könüllü ödəniş edildikdə məhkəməyə müraciət haqqında qərar ləğv edilir (VXƏ 5.7).");
        pdf.Paragraph("If the payer disagrees with the act, they may object in writing to the whole act or to parts of it within 30 days of receiving it (TAX-REG 5.4). " +
                      "After an objection or explanation the act is examined with the payer or their representative, told of the place and time at least 3 working days " +
                      "ahead; without a good reason for staying away it is examined without them (5.5). Within 15 days after the objection period the municipality " +
                      "decides to apply to court or refuses to (5.6); voluntary payment cancels a decision to go to court (5.7).");
        if (a.DeliveredOn is { } delivered)
        {
            pdf.KeyValues([
                (L("Ödəyiciyə təqdim edilib", "Delivered to the payer"), Date(delivered) + (a.DeliveryMethod is { } m ? $" — {TaxService.MethodName(m).Az} / {TaxService.MethodName(m).En}" : "")
                    + (a.DeemedDelivered ? $"\nsifarişli məktub {Date(a.RegisteredLetterSentOn)}: ertəsi gün təqdim edilmiş sayılır (VXƏ 5.9) / registered letter {Date(a.RegisteredLetterSentOn)}: deemed delivered the next day (TAX-REG 5.9)" : "")),
                (L("Etiraz üçün son gün (VXƏ 5.4)", "Last day to object (TAX-REG 5.4)"), $"{Date(a.ObjectionDueOn)}\n{a.ObjectionDueExplanation}"),
                (L("Bələdiyyənin qərarı üçün son gün (VXƏ 5.6)", "The municipality decides by (TAX-REG 5.6)"), $"{Date(a.DecisionDueOn)}\n{a.DecisionDueExplanation}"),
            ]);
        }
        pdf.Paragraph(L("Aktın əsli bələdiyyənin sədrinə (müavininə), surəti ödəyiciyə verilir (VXƏ 5.3).",
            "The original goes to the chairman (or deputy) of the municipality, a copy to the payer (TAX-REG 5.3)."));
        pdf.Space(4);
        pdf.Signatures(a.DrawnBy.Select(o => (L("Aktı tərtib edən", "Drawn up by"), o))
            .Append((L("Aktın surətini aldım (ödəyici və ya nümayəndəsi)", "Copy received (payer or representative)"), "")));
        if (recordUrl is not null)
            pdf.VerificationQr(recordUrl, L("Aktın sistemdəki qeydi (vergi xidməti üçün, giriş tələb olunur)", "The act's record in the system (for the tax service; login required)"));
        return pdf.ToBytes();
    }
}
