namespace OpenBams.Law;

/// <summary>
/// An input breaks a legal rule. Carries the rule, the input field it is about (camelCase, as in the API)
/// and the message in both languages; the web layer turns it into problem+json.
/// </summary>
public sealed class LegalRuleViolation : Exception
{
    /// <summary>Creates a violation; <see cref="Exception.Message"/> is the English text.</summary>
    public LegalRuleViolation(LegalReference rule, string field, string messageAz, string messageEn)
        : base(messageEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageAz);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageEn);
        Rule = rule;
        Field = field;
        MessageAz = messageAz;
        MessageEn = messageEn;
    }

    /// <summary>The article that is broken.</summary>
    public LegalReference Rule { get; }

    /// <summary>The input field the rule is about, camelCase, e.g. "councilSizeOverride".</summary>
    public string Field { get; }

    /// <summary>Message in Azerbaijani.</summary>
    public string MessageAz { get; }

    /// <summary>Message in English (also <see cref="Exception.Message"/>).</summary>
    public string MessageEn { get; }
}
