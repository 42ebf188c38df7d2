using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;

namespace OpenBams.Council;

/// <summary>The council's tables, configured in one place and called from AppDb.</summary>
public static class CouncilSchema
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CouncilSettings>(e => { e.ToTable("CouncilSettings"); e.HasKey(s => s.MunicipalityId); e.Property(s => s.MunicipalityId).ValueGeneratedNever(); });
        b.Entity<CouncilMember>(e =>
        {
            e.ToTable("CouncilMembers");
            e.Property(m => m.FullName).HasMaxLength(200);
            e.Property(m => m.PersonalId).HasMaxLength(7);
            e.Property(m => m.Email).HasMaxLength(256);
            e.Property(m => m.Phone).HasMaxLength(30);
            e.Property(m => m.Constituency).HasMaxLength(100);
            e.Property(m => m.MandateConfirmedBy).HasMaxLength(200);
            e.HasIndex(m => new { m.MunicipalityId, m.Status });
            e.HasIndex(m => m.UserId);
        });
        b.Entity<CouncilOffice>(e => { e.ToTable("CouncilOffices"); e.Property(o => o.EndGround).HasMaxLength(20); e.HasIndex(o => new { o.MunicipalityId, o.Post }); });
        b.Entity<CouncilSession>(e =>
        {
            e.ToTable("CouncilSessions");
            e.Property(s => s.Place).HasMaxLength(300);
            e.Property(s => s.CalledBy).HasMaxLength(256);
            e.Property(s => s.ShortNoticeReason).HasMaxLength(1000);
            e.HasIndex(s => new { s.MunicipalityId, s.ScheduledOn });
        });
        b.Entity<SessionAttendance>(e => { e.ToTable("SessionAttendance"); e.Property(a => a.Note).HasMaxLength(500); e.HasIndex(a => new { a.SessionId, a.MemberId }).IsUnique(); e.HasIndex(a => a.MemberId); });
        b.Entity<SessionInvitee>(e => { e.ToTable("SessionInvitees"); e.Property(i => i.Name).HasMaxLength(200); e.Property(i => i.Capacity).HasMaxLength(200); e.HasIndex(i => i.SessionId); });
        b.Entity<AgendaItem>(e =>
        {
            e.ToTable("AgendaItems");
            e.Property(i => i.Title).HasMaxLength(500);
            e.Property(i => i.Rapporteur).HasMaxLength(200);
            e.Property(i => i.RemovalGround).HasMaxLength(20);
            e.HasIndex(i => new { i.SessionId, i.Number }).IsUnique();
        });
        b.Entity<Speech>(e => { e.ToTable("Speeches"); e.Property(s => s.Speaker).HasMaxLength(200); e.HasIndex(s => s.AgendaItemId); });
        b.Entity<CouncilVote>(e => { e.ToTable("CouncilVotes"); e.HasIndex(v => new { v.SessionId, v.AgendaItemId }); });
        b.Entity<Ballot>(e => { e.ToTable("Ballots"); e.HasIndex(x => new { x.VoteId, x.MemberId }).IsUnique(); });
        b.Entity<CouncilDecision>(e =>
        {
            e.ToTable("CouncilDecisions");
            e.Property(d => d.Title).HasMaxLength(500);
            e.Property(d => d.SignedBy).HasMaxLength(256);
            e.Property(d => d.SentBy).HasMaxLength(256);
            e.Property(d => d.OversightReceiptNumber).HasMaxLength(100);
            e.Property(d => d.OversightReceivedBy).HasMaxLength(256);
            e.HasIndex(d => new { d.MunicipalityId, d.Year, d.Number }).IsUnique();
            e.HasIndex(d => new { d.OversightReceivedAt, d.OversightDueOn });
            // The live session screen, polled every 3 seconds by every member, finds its session's decisions here
            // instead of reading the whole national register (bench/README.md, Council).
            e.HasIndex(d => d.SessionId);
            // The public portal (SL 52-1): published decisions, newest first. Its count and its pages, deep ones
            // included, read this index alone instead of sorting every decision with its text.
            e.HasIndex(d => new { d.AdoptedOn, d.Number }).HasFilter("\"PublishedAt\" IS NOT NULL");
        });
        b.Entity<Protocol>(e =>
        {
            e.ToTable("Protocols");
            e.Property(p => p.ChairSignedBy).HasMaxLength(256);
            e.Property(p => p.SecretarySignedBy).HasMaxLength(256);
            e.HasIndex(p => new { p.MunicipalityId, p.Year, p.Number }).IsUnique();
            e.HasIndex(p => p.SessionId);
        });
        b.Entity<ProtocolRemark>(e => { e.ToTable("ProtocolRemarks"); e.HasIndex(r => r.ProtocolId); });
        b.Entity<Notification>(e =>
        {
            e.ToTable("Notifications");
            e.Property(n => n.Address).HasMaxLength(256);
            e.Property(n => n.Subject).HasMaxLength(300);
            e.Property(n => n.Error).HasMaxLength(1000);
            e.HasIndex(n => new { n.UserId, n.ReadAt });
        });
        b.Entity<VoterReport>(e => { e.ToTable("VoterReports"); e.Property(r => r.Place).HasMaxLength(300); e.HasIndex(r => r.MemberId); });
        b.Entity<MemberInquiry>(e => { e.ToTable("MemberInquiries"); e.Property(i => i.Addressee).HasMaxLength(300); e.Property(i => i.Subject).HasMaxLength(500); e.HasIndex(i => i.MemberId); });
        b.Entity<MandateCase>(e =>
        {
            e.ToTable("MandateCases");
            e.Property(c => c.RaisedBy).HasMaxLength(256);
            e.Property(c => c.Detail).HasMaxLength(2000);
            e.Property(c => c.CourtDecisionReference).HasMaxLength(200);
            e.HasIndex(c => new { c.MemberId, c.Ground, c.Status });
        });
        b.Entity<Commission>(e => { e.ToTable("Commissions"); e.Property(c => c.Name).HasMaxLength(300); e.HasIndex(c => c.MunicipalityId); });
        b.Entity<CommissionMembership>(e => { e.ToTable("CommissionMemberships"); e.HasIndex(m => new { m.CommissionId, m.MemberId }).IsUnique(); });
        b.Entity<CommissionMeeting>(e => { e.ToTable("CommissionMeetings"); e.Property(m => m.Subject).HasMaxLength(500); e.HasIndex(m => m.MunicipalityId); });
        b.Entity<CommissionDissent>(e => { e.ToTable("CommissionDissents"); e.Property(d => d.RecordedBy).HasMaxLength(256); e.HasIndex(d => new { d.MeetingId, d.MemberId }).IsUnique(); });
        b.Entity<CommissionMeetingSignature>(e => { e.ToTable("CommissionMeetingSignatures"); e.HasIndex(x => new { x.MeetingId, x.CommissionId }).IsUnique(); });
        b.Entity<CitizensMeeting>(e => { e.ToTable("CitizensMeetings"); e.Property(m => m.Subject).HasMaxLength(500); e.HasIndex(m => m.MunicipalityId); });
        b.Entity<CharterVersion>(e => { e.ToTable("CharterVersions"); e.Property(c => c.RegistrationNumber).HasMaxLength(50); e.Property(c => c.RefusalReason).HasMaxLength(1000); e.HasIndex(c => c.MunicipalityId); });

        foreach (var t in new[] { typeof(CouncilSettings), typeof(CouncilMember), typeof(CouncilSession), typeof(AgendaItem), typeof(CouncilDecision),
                     typeof(Protocol), typeof(MemberInquiry), typeof(MandateCase), typeof(Commission), typeof(CommissionMeeting), typeof(CharterVersion) })
            b.Entity(t).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }
}
