using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zhaoshang.IntegrationTests.Notifications;

/// <summary>One message a robot webhook received: its path, its JSON body, when, and whether a DingTalk signature checked out.</summary>
internal sealed record RobotMessage(string Robot, JsonElement Body, DateTimeOffset ReceivedAt, bool? SignatureValid);

/// <summary>
/// Group-robot webhooks in the test (Kestrel, in process), answering as WeCom and DingTalk do: 200 with an errcode.
/// <c>/robots/{name}</c> takes everything; a robot told to fail answers errcode 310000 that many times first. A DingTalk
/// robot with a secret checks 加签 the way DingTalk documents it: HMAC-SHA256 keyed with the secret over
/// "{timestamp}\n{secret}", Base64, in the query's <c>sign</c>.
/// </summary>
internal sealed class RobotReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<RobotMessage> _received = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RobotMessage> Of(string robot) => _received.Where(m => m.Robot == robot).ToList();

    public string Url(string robot) => new Uri(BaseAddress, $"/robots/{robot}").ToString();

    public void FailFirst(string robot, int times) => _failuresLeft[robot] = times;

    public void SignedWith(string robot, string secret) => _secrets[robot] = secret;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/robots/{robot}", async (string robot, HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            bool? valid = _secrets.TryGetValue(robot, out var secret)
                ? SignatureHolds(secret, request.Query["timestamp"], request.Query["sign"])
                : null;
            _received.Enqueue(new RobotMessage(robot, body.RootElement.Clone(), DateTimeOffset.UtcNow, valid));
            if (_failuresLeft.AddOrUpdate(robot, -1, (_, left) => left - 1) >= 0)
                return Results.Json(new { errcode = 310000, errmsg = "keywords not in content" });
            return valid == false
                ? Results.Json(new { errcode = 310000, errmsg = "sign not match" })
                : Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static bool SignatureHolds(string secret, string? timestamp, string? sign)
    {
        if (!long.TryParse(timestamp, out var ms) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) > 3_600_000)
            return false;
        var expected = Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        return sign == expected;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
