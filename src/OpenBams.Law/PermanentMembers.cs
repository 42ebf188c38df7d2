namespace OpenBams.Law;

/// <summary>
/// SL 15.2-4 — how many members (chairman and deputies included) may work on a permanent, salaried basis.
/// <para>"Öz səlahiyyətlərini daimi əsasla icra edən bələdiyyə üzvlərinin (sədr və onun müavinləri daxil olmaqla)
/// say həddi hər bir bələdiyyədə qanunvericiliklə müəyyən edilmiş üzvlərin sayından asılı olaraq aşağıdakı kimi
/// müəyyənləşdirilir: 5 və ya 7 üzvü olan bələdiyyələrdə - 2 üzv; 9 və ya 11 üzvü olan bələdiyyələrdə - 3 üzv;
/// 13 və ya 15 üzvü olan bələdiyyələrdə - 4 üzv; 17 və ya 19 üzvü olan bələdiyyələrdə - 5 üzv." (seed 001, art. 15.2-4)</para>
/// </summary>
[Law("SL 15.2-4")]
public static class PermanentMembers
{
    /// <summary>SL 15.2-4.</summary>
    public static LegalReference Reference { get; } = new(Acts.SL, "15.2-4");

    /// <summary>
    /// The cap on permanent members for a council of <paramref name="councilSize"/> members; null when the law
    /// is silent, i.e. for any size other than 5, 7, 9, 11, 13, 15, 17 or 19 (an overridden council of 21 or
    /// more, or an even size). The caller must then decide and record the cap itself; we do not extrapolate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Size below 1: that is not a council.</exception>
    [Law("SL 15.2-4")]
    public static int? MaxFor(int councilSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(councilSize, 1);
        return councilSize switch
        {
            5 or 7 => 2,    // 15.2-4.1
            9 or 11 => 3,   // 15.2-4.2
            13 or 15 => 4,  // 15.2-4.3
            17 or 19 => 5,  // 15.2-4.4
            _ => null,
        };
    }
}
