using OpenBams.Law.Council;
using OpenBams.Platform.Localization;
using OpenBams.Platform.Pdf;

namespace OpenBams.Council;

/// <summary>Printable protocols (SL 16.6) and decisions, in Azerbaijani with the English heading under each label.</summary>
public static class CouncilDocuments
{
    private static string L(string az, string en) => $"{az} / {en}";

    private static string Choice(VoteChoice c) => c switch
    {
        VoteChoice.For => "lehinə / for",
        VoteChoice.Against => "əleyhinə / against",
        _ => "bitərəf / abstain",
    };

    private static string Outcome(ProtocolVote v) =>
        $"{(v.Ballot == BallotKind.Secret ? "gizli / secret" : "açıq / open")}: " +
        $"lehinə {v.For}, əleyhinə {v.Against}, bitərəf {v.Abstain}; tələb olunur {v.Required} ({v.Rule}) — " +
        (v.Adopted ? "QƏBUL EDİLDİ / ADOPTED" : "QƏBUL EDİLMƏDİ / NOT ADOPTED");

    [OpenBams.Law.Law("SL 16.6")]
    public static byte[] Protocol(ProtocolView p, string verifyUrl)
    {
        var c = p.Content;
        using var pdf = new PdfDocumentWriter($"Protokol № {c.Number}/{c.Year} — {c.Municipality}", "az",
            footer: $"{c.Municipality} — iclas protokolu № {c.Number}/{c.Year}");
        pdf.Heading($"İCLASIN PROTOKOLU № {c.Number}");
        pdf.Paragraph(c.Municipality, bold: true);
        pdf.Paragraph($"Minutes of the council session No. {c.Number}/{c.Year}" + (p.CorrectsProtocolId is { } k ? $" — düzəliş / correction of protocol id {k}" : ""));
        pdf.KeyValues([
            (L("Tarix", "Date"), Fmt.Date(c.Date) + $" {c.StartsAt:HH\\:mm}"),
            (L("Yer", "Place"), c.Place),
            (L("Bələdiyyə üzvlərinin sayı", "Members"), c.Members.ToString()),
            (L("İştirak edir", "Present"), $"{c.Present.Count}: {string.Join(", ", c.Present)}"),
            (L("İştirak etmir", "Absent"), c.Absent.Count == 0 ? "—" : string.Join(", ", c.Absent.Select(a => a.Name + (a.Excused ? " (üzrlü / excused)" : " (üzrsüz / unexcused)")))),
            (L("Dəvət olunanlar", "Invited"), c.Invited.Count == 0 ? "—" : string.Join(", ", c.Invited)),
            (L("İclasın sədri", "Chair"), c.Chair ?? "—"),
            (L("İclasın katibi", "Secretary"), c.Secretary ?? "—"),
        ]);
        pdf.Heading(L("Gündəlik", "Agenda"), 2);
        foreach (var a in c.Agenda) pdf.Paragraph(a);
        pdf.Paragraph(L("Gündəliyin təsdiqi üzrə səsvermə", "Vote approving the agenda") + ": " +
                      (c.AgendaVote is { } av ? Outcome(av) : "gündəliyi təşəbbüskarlar müəyyənləşdirib (BS 16.2) / set by the initiators (SL 16.2)"));
        foreach (var i in c.Items)
        {
            pdf.Heading($"{i.Number}. {i.Title}", 2);
            if (i.Rapporteur is not null) pdf.Paragraph(L("Məruzəçi", "Rapporteur") + ": " + i.Rapporteur, bold: true);
            if (i.Summary is not null) pdf.Paragraph(L("Məruzənin qısa məzmunu", "Summary") + ": " + i.Summary);
            foreach (var s in i.Speeches) pdf.Paragraph($"{s.Speaker}: {s.Summary}");
            if (i.Vote is { } v)
            {
                pdf.Paragraph(L("Səsvermə", "Vote") + ": " + Outcome(v), bold: true);
                if (v.Roll is { Count: > 0 } roll)
                    pdf.Table([L("Üzv", "Member"), L("Səs", "Vote")], roll.Select(r => (IReadOnlyList<string?>)[r.Member, Choice(r.Choice)]), [3, 2]);
            }
            else pdf.Paragraph(L("Səsverməyə qoyulmayıb", "Not put to the vote"));
            if (i.Decision is not null) pdf.Paragraph(L("Qəbul edilmiş qərar", "Decision adopted") + ": " + i.Decision);
        }
        if (p.Remarks.Count > 0)
        {
            pdf.Heading(L("Üzvlərin yazılı qeydləri", "Members' written remarks"), 2);
            foreach (var r in p.Remarks) pdf.Paragraph($"{r.Member} ({Fmt.DateTime(r.At)}): {r.Text}");
        }
        pdf.Space(6);
        pdf.Signatures([
            (L("İclasın sədri", "Chair of the session"), p.ChairSignedBy is { } cs ? $"{cs} — {Fmt.DateTime(p.ChairSignedAt)}" : c.Chair ?? ""),
            (L("İclasın katibi", "Secretary of the session"), p.SecretarySignedBy is { } ss ? $"{ss} — {Fmt.DateTime(p.SecretarySignedAt)}" : c.Secretary ?? ""),
        ]);
        pdf.Paragraph(p.Status == ProtocolStatus.Signed ? "İmzalanıb / Signed" : "LAYİHƏ — imzalanmayıb / DRAFT — not signed", bold: true);
        pdf.VerificationQr(verifyUrl, L("Sənədi yoxlayın", "Verify this document"));
        return pdf.ToBytes();
    }

    public static byte[] Decision(DecisionView d, string verifyUrl)
    {
        using var pdf = new PdfDocumentWriter($"Qərar № {d.Code} — {d.Municipality}", "az", footer: $"{d.Municipality} — qərar № {d.Code}");
        pdf.Heading($"QƏRAR № {d.Code}");
        pdf.Paragraph(d.Municipality, bold: true);
        pdf.Paragraph($"Decision No. {d.Code} of the council");
        pdf.KeyValues([
            (L("Qəbul edilib", "Adopted"), Fmt.Date(d.AdoptedOn)),
            (L("Sahə", "Area"), $"{d.AreaName} ({d.AreaReference})"),
            (L("Tələb olunan səs çoxluğu", "Majority required"), $"{d.Required} of {d.Members} ({d.RuleReference})"),
            (L("Səsvermə", "Vote"), $"lehinə {d.For}, əleyhinə {d.Against}, bitərəf {d.Abstain}; iştirak edib {d.Present}"),
            (L("Vəziyyət", "Status"), d.Status.ToString()),
            (L("İnzibati nəzarət orqanına", "To the oversight body"), $"{Fmt.Date(d.OversightDueOn)} (BS 48.1)" +
                (d.OversightReceiptNumber is { } r ? $"; qəbz / receipt {r}" : "")),
        ]);
        pdf.Heading(d.Title, 2);
        pdf.Paragraph(d.Text);
        pdf.Space(6);
        pdf.Signatures([(L("Bələdiyyənin sədri", "Chairman"), d.SignedBy is { } s ? $"{s} — {Fmt.DateTime(d.SignedAt)}" : "")]);
        pdf.VerificationQr(verifyUrl, L("Qərarı portalda yoxlayın", "Verify the decision on the portal"));
        return pdf.ToBytes();
    }
}
