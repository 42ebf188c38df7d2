namespace OpenBams.Law.Council;

/// <summary>What happens to a decision after the vote.</summary>
public static class Decisions
{
    /// <summary>SL 48.1: "Bələdiyyələr qərar qəbul etdiyi andan 5 iş günündən gec olmayaraq onun surətini bələdiyyələrin
    /// fəaliyyətinə inzibati nəzarəti həyata keçirən orqana göndərməlidirlər."</summary>
    public const int OversightWorkingDays = 5;

    /// <summary>SL 48.1: the last day to send a copy of the decision to the oversight body (the adoption day not counted).</summary>
    [Law("SL 48.1")]
    public static Deadline OversightCopyDue(WorkingCalendar calendar, DateOnly adoptedOn) =>
        calendar.AddWorkingDays(adoptedOn, OversightWorkingDays);

    /// <summary>
    /// SL 48.4: decisions may be revoked by the body that adopted them — the council of the same municipality, by
    /// a new decision. A decision already revoked cannot be revoked again.
    /// </summary>
    [Law("SL 48.4")]
    public static bool MayRevoke(int revokingMunicipality, int adoptingMunicipality, bool alreadyRevoked) =>
        revokingMunicipality == adoptingMunicipality && !alreadyRevoked;
}
