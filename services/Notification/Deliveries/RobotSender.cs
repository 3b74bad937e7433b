using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>
/// Posts markdown to a group robot's webhook: WeCom (企业微信) <c>{"msgtype":"markdown","markdown":{"content":…}}</c>,
/// DingTalk <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>, signed when the channel has a secret. Both
/// answer 200 with an <c>errcode</c>; anything but 0 is a failure.
/// </summary>
internal sealed class RobotSender(HttpClient http, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    public async Task SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        object payload;
        var url = delivery.Target;
        if (delivery.ChannelKind == ChannelKinds.DingTalk)
        {
            payload = new { msgtype = "markdown", markdown = new { title = delivery.Subject, text = delivery.Body } };
            if (!string.IsNullOrEmpty(delivery.Secret))
                url = RobotSignature.DingTalkSignedUrl(url, delivery.Secret, clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
        else
            payload = new { msgtype = "markdown", markdown = new { content = delivery.Body } };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        using var response = await http.PostAsJsonAsync(url, payload, timeout.Token);
        var answer = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new RobotRefusedException($"HTTP {(int)response.StatusCode}: {Shorten(answer)}");
        int? errcode = null;
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value))
                errcode = value;
        }
        catch (JsonException)
        {
        }
        if (errcode != 0)
            throw new RobotRefusedException($"errcode {errcode?.ToString() ?? "missing"}: {Shorten(answer)}");
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];
}

/// <summary>The robot answered, but did not take the message.</summary>
internal sealed class RobotRefusedException(string message) : Exception(message);
