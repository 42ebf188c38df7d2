using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform;
using OpenBams.Platform.Data;
using OpenBams.Platform.Localization;

namespace OpenBams.Council;

/// <summary>Sends e-mail. Configured SMTP (OpenBams:Smtp:Host/Port/From) or, without it, .eml files in the outbox folder.</summary>
public interface IMailChannel
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>Sends SMS. The operator's gateway goes behind this; the default writes to the outbox folder.</summary>
public interface ISmsChannel
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

public sealed class SmtpMailChannel(IConfiguration config, DatabaseSettings settings) : IMailChannel
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var host = config["OpenBams:Smtp:Host"];
        using var client = host is { Length: > 0 }
            ? new SmtpClient(host, int.TryParse(config["OpenBams:Smtp:Port"], out var port) ? port : 25)
            : new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Outbox.Folder(settings, "mail") };
        using var message = new MailMessage(config["OpenBams:Smtp:From"] ?? "noreply@openbams.local", to, subject, body)
        { BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
        await client.SendMailAsync(message, ct);
    }
}

public sealed class OutboxSmsChannel(DatabaseSettings settings) : ISmsChannel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try { await File.AppendAllTextAsync(Path.Combine(Outbox.Folder(settings, "sms"), "sms.log"), $"{DateTime.UtcNow:O}\t{phone}\t{text.ReplaceLineEndings(" ")}\n", ct); }
        finally { Gate.Release(); }
    }
}

public static class Outbox
{
    public static string Folder(DatabaseSettings settings, string channel)
    {
        var dir = Path.Combine(settings.DataDirectory, "outbox", channel);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>Tells members about their council's business: in the system, by e-mail and by SMS where they gave them.</summary>
public sealed class Notifier(IMailChannel mail, ISmsChannel sms, TimeProvider time, ILogger<Notifier> log)
{
    /// <summary>SL 16.1: members are notified of the session, its day, place and draft agenda.</summary>
    public async Task SessionCalledAsync(AppDb db, CouncilSession s, CancellationToken ct)
    {
        var members = await db.CouncilMembers.Where(m => m.MunicipalityId == s.MunicipalityId && m.Status == MemberStatus.Active).ToListAsync(ct);
        var agenda = await db.AgendaItems.Where(i => i.SessionId == s.Id).OrderBy(i => i.Number).Select(i => $"{i.Number}. {i.Title}").ToListAsync(ct);
        var when = $"{Fmt.Date(s.ScheduledOn)} {s.StartsAt:HH\\:mm}";
        var subject = $"Bələdiyyənin iclası / Council session: {when}";
        var body = $"Bələdiyyənin iclası {when} tarixində, {s.Place} ünvanında keçiriləcək (BS 16.1).\n" +
                   $"The council meets on {when} at {s.Place} (SL 16.1).\n\n" +
                   (agenda.Count > 0 ? "Gündəlik / Agenda:\n" + string.Join("\n", agenda) : "");
        var now = Clock.UtcNow(time);
        var pending = new List<Notification>();
        foreach (var m in members)
        {
            db.Notifications.Add(new Notification { MunicipalityId = s.MunicipalityId, UserId = m.UserId, MemberId = m.Id, Channel = NotificationChannel.InApp, Subject = subject, Body = body, CreatedAt = now, SentAt = now });
            if (m.Email is { } e) pending.Add(new Notification { MunicipalityId = s.MunicipalityId, UserId = m.UserId, MemberId = m.Id, Channel = NotificationChannel.Email, Address = e, Subject = subject, Body = body, CreatedAt = now });
            if (m.Phone is { } p) pending.Add(new Notification { MunicipalityId = s.MunicipalityId, UserId = m.UserId, MemberId = m.Id, Channel = NotificationChannel.Sms, Address = p, Subject = subject, Body = $"Iclas {when}, {s.Place}", CreatedAt = now });
        }
        foreach (var n in pending)
        {
            try
            {
                if (n.Channel == NotificationChannel.Email) await mail.SendAsync(n.Address!, n.Subject, n.Body, ct);
                else await sms.SendAsync(n.Address!, n.Body, ct);
                n.SentAt = Clock.UtcNow(time);
            }
            catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException)
            {
                // A failed channel does not stop the session being called; the row keeps the error for a retry.
                n.Error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                log.LogWarning(ex, "Notification to {Address} failed", n.Address);
            }
            db.Notifications.Add(n);
        }
        await db.SaveChangesAsync(ct);
    }
}
