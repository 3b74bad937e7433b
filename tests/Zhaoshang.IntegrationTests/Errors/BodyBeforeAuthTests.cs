using System.Net.Sockets;
using System.Text;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Errors;

/// <summary>
/// A caller is refused before its request body is read: an anonymous caller, or an approval system whose headers
/// already fail (a stale timestamp), gets its 401 while its chunked body is still on the way, so nobody can make a
/// service hold bodies in memory without a token or a valid signature.
/// </summary>
[Collection(SystemCollection.Name)]
public class BodyBeforeAuthTests(SystemFixture system)
{
    [Fact]
    public async Task An_anonymous_caller_is_refused_before_its_body_is_read()
    {
        var answer = await SendHalfABodyAsync(system.Lead, "/api/enterprises", []);
        Assert.StartsWith("HTTP/1.1 401", answer);
    }

    [Fact]
    public async Task A_webhook_call_with_a_stale_timestamp_is_refused_before_its_body_is_read()
    {
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        var answer = await SendHalfABodyAsync(system.Approval, $"/api/integrations/{ApprovalSystem.Name}/decisions",
        [
            $"X-Zhaoshang-Timestamp: {stale}", $"X-Zhaoshang-Nonce: {Guid.NewGuid():N}", $"X-Zhaoshang-Signature: {new string('0', 64)}",
        ]);
        Assert.StartsWith("HTTP/1.1 401", answer);
    }

    /// <summary>
    /// Sends the headers and the first chunk of a chunked body, never the rest, and returns the first line of the answer,
    /// or "no answer" when none came within five seconds (the service is waiting for the body).
    /// </summary>
    private static async Task<string> SendHalfABodyAsync(ServiceProcess service, string path, string[] headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", service.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{service.Port}\r\n")
            .Append("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
        foreach (var header in headers)
            head.Append(header).Append("\r\n");
        var chunk = Encoding.UTF8.GetBytes("{\"name\":\"半个请求体");
        head.Append($"\r\n{chunk.Length:x}\r\n");
        await stream.WriteAsync((byte[])[.. Encoding.UTF8.GetBytes(head.ToString()), .. chunk, .. "\r\n"u8]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[256];
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        }
        catch (OperationCanceledException)
        {
            return "no answer";
        }
    }
}
