using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>Configuration section <c>Notifications:Smtp</c>: the mail server e-mail goes out through.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string From { get; set; } = "招商引资管理平台 <noreply@localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>TLS: implicit on port 465, STARTTLS (required) on any other; false only for a server on a trusted network.</summary>
    public bool UseTls { get; set; } = true;
}

/// <summary>Sends one notice by e-mail over SMTP (MailKit), its markdown as the plain-text body.</summary>
internal sealed class EmailSender(IOptions<SmtpOptions> smtp, IOptions<DeliveryOptions> delivery)
{
    public async Task SendAsync(ClaimedDelivery claimed, CancellationToken cancellationToken)
    {
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Notifications:Smtp:Host is not set: no e-mail can be sent.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(claimed.Target));
        message.Subject = claimed.Subject;
        message.Body = new TextPart("plain") { Text = claimed.Body };

        using var client = new SmtpClient { Timeout = (int)delivery.Value.SendTimeout.TotalMilliseconds };
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
