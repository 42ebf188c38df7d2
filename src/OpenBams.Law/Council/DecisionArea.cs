namespace OpenBams.Law.Council;

/// <summary>
/// What a decision is about: the matters Const. 144.I reserves to the session, plus the procedural items a session
/// also votes on. The area fixes the majority the vote needs (<see cref="DecisionAreas.RuleFor"/>).
/// </summary>
public enum DecisionArea
{
    /// <summary>Const. 144.I(1): recognition, loss and termination of members' powers (SL 23: simple majority).</summary>
    MembersPowers = 1,
    /// <summary>Const. 144.I(2): rules of procedure (reqlament).</summary>
    RulesOfProcedure = 2,
    /// <summary>Const. 144.I(3), SL 19.1-19.3: election or early removal of the chairman or a deputy.</summary>
    ChairmanOrDeputyElection = 3,
    /// <summary>Const. 144.I(3), COMM 6: election of permanent and other commissions.</summary>
    CommissionElection = 4,
    /// <summary>Const. 144.I(4), 145.III; SL 43.3: local taxes and payments — two thirds.</summary>
    LocalTaxesAndPayments = 5,
    /// <summary>Const. 144.I(5): local budget and its execution report.</summary>
    Budget = 6,
    /// <summary>Const. 144.I(6): ownership, use and disposal of municipal property (land sales and leases).</summary>
    MunicipalProperty = 7,
    /// <summary>Const. 144.I(7): social protection and social development programmes.</summary>
    SocialProgramme = 8,
    /// <summary>Const. 144.I(8): economic development programmes.</summary>
    EconomicProgramme = 9,
    /// <summary>Const. 144.I(9): ecological programmes.</summary>
    EcologicalProgramme = 10,
    /// <summary>SL 8: the charter and its amendments.</summary>
    Charter = 11,
    /// <summary>SL 16.1: approval of the session's agenda.</summary>
    Agenda = 12,
    /// <summary>SL 16.5: election of the session's secretary (or chair, when the chairman refuses).</summary>
    SessionOfficers = 13,
    /// <summary>Any other matter of local significance.</summary>
    Other = 99,
}

public static class DecisionAreas
{
    /// <summary>The majority an item of this area needs.</summary>
    [Law("Const. 145.III")]
    [Law("SL 43.3")]
    [Law("SL 19.1")]
    [Law("SL 16.4")]
    public static MajorityRule RuleFor(DecisionArea area) => area switch
    {
        DecisionArea.LocalTaxesAndPayments => MajorityRule.TwoThirdsOfMembers,
        DecisionArea.ChairmanOrDeputyElection => MajorityRule.MoreThanHalfOfAllMembers,
        _ => MajorityRule.SimpleMajority,
    };

    public static LegalReference ReferenceOf(DecisionArea area) => area switch
    {
        DecisionArea.MembersPowers => new(Acts.Const, "144.I.1"),
        DecisionArea.RulesOfProcedure => new(Acts.Const, "144.I.2"),
        DecisionArea.ChairmanOrDeputyElection or DecisionArea.CommissionElection => new(Acts.Const, "144.I.3"),
        DecisionArea.LocalTaxesAndPayments => new(Acts.Const, "144.I.4"),
        DecisionArea.Budget => new(Acts.Const, "144.I.5"),
        DecisionArea.MunicipalProperty => new(Acts.Const, "144.I.6"),
        DecisionArea.SocialProgramme => new(Acts.Const, "144.I.7"),
        DecisionArea.EconomicProgramme => new(Acts.Const, "144.I.8"),
        DecisionArea.EcologicalProgramme => new(Acts.Const, "144.I.9"),
        DecisionArea.Charter => new(Acts.SL, "8"),
        DecisionArea.Agenda => new(Acts.SL, "16.1"),
        DecisionArea.SessionOfficers => new(Acts.SL, "16.5"),
        _ => new(Acts.Const, "145.I"),
    };

    public static (string Az, string En) Name(DecisionArea area) => area switch
    {
        DecisionArea.MembersPowers => ("Üzvlərin səlahiyyətləri", "Members' powers"),
        DecisionArea.RulesOfProcedure => ("Reqlament", "Rules of procedure"),
        DecisionArea.ChairmanOrDeputyElection => ("Sədrin və ya müavinin seçilməsi", "Election of the chairman or a deputy"),
        DecisionArea.CommissionElection => ("Komissiyaların seçilməsi", "Election of commissions"),
        DecisionArea.LocalTaxesAndPayments => ("Yerli vergilər və ödənişlər", "Local taxes and payments"),
        DecisionArea.Budget => ("Yerli büdcə", "Local budget"),
        DecisionArea.MunicipalProperty => ("Bələdiyyə mülkiyyəti", "Municipal property"),
        DecisionArea.SocialProgramme => ("Sosial proqramlar", "Social programmes"),
        DecisionArea.EconomicProgramme => ("İqtisadi inkişaf proqramları", "Economic development programmes"),
        DecisionArea.EcologicalProgramme => ("Ekoloji proqramlar", "Ecological programmes"),
        DecisionArea.Charter => ("Nizamnamə", "Charter"),
        DecisionArea.Agenda => ("Gündəlik", "Agenda"),
        DecisionArea.SessionOfficers => ("İclasın katibi və sədri", "Session secretary and chair"),
        _ => ("Digər", "Other"),
    };
}
