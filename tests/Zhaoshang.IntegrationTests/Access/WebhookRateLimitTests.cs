using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// Each approval system has its own token bucket, charged once its signature verified: one that floods the webhook gets
/// 429s with Retry-After, the others are served at the same moment, and a refused request writes nothing, not even its
/// nonce. Requests that fail the signature check are limited per client address and never take from a system's bucket.
/// </summary>
[Collection(SystemCollection.Name)]
public class WebhookRateLimitTests(SystemFixture system)
{
    private sealed record Sent(string DecisionId, string Nonce, HttpStatusCode Status, string? ContentType, TimeSpan? RetryAfter, JsonElement Body);

    private static string Decision(string decisionId) => JsonSerializer.Serialize(new
    {
        decisionId, projectId = Guid.NewGuid(), itemCode = "eia-form", outcome = "Granted", decidedAt = DateTimeOffset.UtcNow,
        remarks = "环评报告表批复",
    });

    private async Task<Sent> SendAsync(string systemName, string secret, string? decisionId = null, string? nonce = null)
    {
        decisionId ??= $"RL-{Guid.NewGuid():N}";
        nonce ??= Guid.NewGuid().ToString("N");
        using var client = system.Client(system.Approval, token: null);
        using var request = ApprovalSystem.SignedDecision(Decision(decisionId), secret: secret, nonce: nonce, system: systemName);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Sent(decisionId, nonce, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.Delta, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<Sent> ThrottledAsync() => SendAsync(ApprovalSystem.Throttled, ApprovalSystem.ThrottledSecret);

    private Task<Sent> TzxmAsync() => SendAsync(ApprovalSystem.Name, ApprovalSystem.Secret);

    private async Task<(int Decisions, int Nonces)> WrittenAsync(Sent sent) => (
        await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM external_decisions WHERE decision_id = @DecisionId", new { sent.DecisionId }),
        await system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM webhook_nonces WHERE nonce = @Nonce", new { sent.Nonce }));

    [Fact]
    public async Task A_flooding_system_is_refused_with_retry_after_while_another_is_served_and_is_served_again_after_the_refill()
    {
        // The throttled system's bucket full again after the other tests' requests; then, in one moment, 20 from it
        // (1 per second, bursts of 5) and 5 from tzxm (the defaults, 20/s, 40).
        await Task.Delay(TimeSpan.FromSeconds(ApprovalSystem.ThrottledBurst / ApprovalSystem.ThrottledPermitsPerSecond));
        var watch = Stopwatch.StartNew();
        var flood = Enumerable.Range(0, 20).Select(_ => ThrottledAsync()).ToArray();
        var others = Enumerable.Range(0, 5).Select(_ => TzxmAsync()).ToArray();
        var throttled = await Task.WhenAll(flood);
        var served = await Task.WhenAll(others);
        var refills = 1 + (int)watch.Elapsed.TotalSeconds; // at most one a second while the requests were in flight

        Assert.All(served, s => Assert.Equal(HttpStatusCode.Accepted, s.Status));
        var accepted = throttled.Where(s => s.Status == HttpStatusCode.Accepted).ToArray();
        var refused = throttled.Where(s => s.Status == HttpStatusCode.TooManyRequests).ToArray();
        Assert.Equal(throttled.Length, accepted.Length + refused.Length);
        // The burst, plus the refills that may land while the 20 are in flight.
        Assert.InRange(accepted.Length, ApprovalSystem.ThrottledBurst,
            ApprovalSystem.ThrottledBurst + refills * ApprovalSystem.ThrottledPermitsPerSecond);
        Assert.NotEmpty(refused);

        foreach (var rejection in refused)
        {
            Assert.Equal("application/problem+json", rejection.ContentType);
            Assert.NotNull(rejection.RetryAfter);
            Assert.InRange(rejection.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            Assert.Equal(429, rejection.Body.GetProperty("status").GetInt32());
            Assert.Equal(ApprovalSystem.Throttled, rejection.Body.GetProperty("system").GetString());
            Assert.Contains(ApprovalSystem.Throttled, rejection.Body.GetProperty("detail").GetString());
            Assert.Equal((0, 0), await WrittenAsync(rejection));
        }

        foreach (var sent in accepted.Concat(served))
            Assert.Equal((1, 1), await WrittenAsync(sent));

        // A refused request wrote nothing, not its nonce either: it may be sent again with its decision id and nonce.
        await Task.Delay(refused.Max(r => r.RetryAfter!.Value) + TimeSpan.FromMilliseconds(500));
        var again = await SendAsync(ApprovalSystem.Throttled, ApprovalSystem.ThrottledSecret, refused[0].DecisionId, refused[0].Nonce);
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal((1, 1), await WrittenAsync(again));
    }

    [Fact]
    public async Task Requests_failing_the_signature_are_limited_per_client_address_apart_from_the_systems_buckets()
    {
        var watch = Stopwatch.StartNew();
        var invented = Enumerable.Range(0, 100)
            .Select(n => SendAsync($"no-such-system-{n}", "whatever-secret-they-guess")).ToArray();
        var others = Enumerable.Range(0, 5).Select(_ => TzxmAsync()).ToArray();
        var refused = await Task.WhenAll(invented);
        var served = await Task.WhenAll(others);
        var refills = 1 + (int)watch.Elapsed.TotalSeconds;

        Assert.All(served, s => Assert.Equal(HttpStatusCode.Accepted, s.Status));
        Assert.All(refused, s => Assert.Contains(s.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        // 100 at once from this address against its bucket of 20 that refills by 10 a second (the defaults).
        var tooMany = refused.Where(s => s.Status == HttpStatusCode.TooManyRequests).ToArray();
        Assert.True(tooMany.Length >= 100 - 20 - 10 * refills, $"only {tooMany.Length} of 100 invented names were refused with 429");
        foreach (var rejection in tooMany)
        {
            Assert.Equal("application/problem+json", rejection.ContentType);
            Assert.NotNull(rejection.RetryAfter);
            Assert.Equal("127.0.0.1", rejection.Body.GetProperty("client").GetString());
            Assert.Equal((0, 0), await WrittenAsync(rejection));
        }

        // Leave this client's bucket full for the other tests' refused requests.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Requests_failing_the_signature_never_take_from_the_named_system_s_bucket()
    {
        // The throttled system's bucket full again after the other tests; then twice its burst of badly signed requests
        // under its name, at once, then its own signed one.
        await Task.Delay(TimeSpan.FromSeconds(ApprovalSystem.ThrottledBurst / ApprovalSystem.ThrottledPermitsPerSecond));
        var forged = await Task.WhenAll(Enumerable.Range(0, 2 * ApprovalSystem.ThrottledBurst)
            .Select(_ => SendAsync(ApprovalSystem.Throttled, "a-guessed-secret")));
        Assert.All(forged, s => Assert.Contains(s.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        foreach (var sent in forged)
            Assert.Equal((0, 0), await WrittenAsync(sent));

        var own = await ThrottledAsync();
        Assert.Equal(HttpStatusCode.Accepted, own.Status);
        Assert.Equal((1, 1), await WrittenAsync(own));

        // Leave this client's bucket for refused requests full for the other tests.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
    }
}
