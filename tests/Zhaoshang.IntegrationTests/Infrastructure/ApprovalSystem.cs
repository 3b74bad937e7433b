using System.Security.Cryptography;
using System.Text;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>A government approval system calling the approval service's signed webhook.</summary>
internal static class ApprovalSystem
{
    public const string Name = "tzxm";
    public const string Secret = "integration-test-tzxm-webhook-secret";

    /// <summary>A second system with a low rate limit of its own (the fixture configures it), for the rate-limit tests.</summary>
    public const string Throttled = "yunnan-eia";
    public const string ThrottledSecret = "integration-test-yunnan-eia-webhook-secret";
    public const int ThrottledPermitsPerSecond = 1;
    public const int ThrottledBurst = 5;

    public static HttpRequestMessage SignedDecision(
        string body, string? secret = null, DateTimeOffset? timestamp = null, string? nonce = null, string system = Name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/integrations/{system}/decisions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        Sign(request, Encoding.UTF8.GetBytes(body), secret, timestamp, nonce);
        return request;
    }

    /// <summary>Adds the timestamp, nonce and signature headers for a request whose body is these bytes.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, string? secret = null, DateTimeOffset? timestamp = null, string? nonce = null)
    {
        var seconds = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        nonce ??= Guid.NewGuid().ToString("N");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret ?? Secret), (byte[])[.. Encoding.UTF8.GetBytes($"{seconds}.{nonce}."), .. body]));
        request.Headers.Add("X-Zhaoshang-Timestamp", seconds);
        request.Headers.Add("X-Zhaoshang-Nonce", nonce);
        request.Headers.Add("X-Zhaoshang-Signature", signature);
    }
}
