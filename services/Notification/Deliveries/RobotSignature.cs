using System.Security.Cryptography;
using System.Text;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>
/// DingTalk's 加签 for a group robot: HMAC-SHA256 keyed with the secret over "{timestamp}\n{secret}", Base64, then
/// URL-encoded, sent as <c>&amp;timestamp=…&amp;sign=…</c> on the webhook URL (timestamp in Unix milliseconds).
/// </summary>
public static class RobotSignature
{
    public static string DingTalkSign(string secret, long timestampMs)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}"));
        return Uri.EscapeDataString(Convert.ToBase64String(mac));
    }

    /// <summary>The webhook URL with the signature appended, as DingTalk expects a signed robot to be called.</summary>
    public static string DingTalkSignedUrl(string webhook, string secret, long timestampMs) =>
        $"{webhook}{(webhook.Contains('?') ? '&' : '?')}timestamp={timestampMs}&sign={DingTalkSign(secret, timestampMs)}";
}
