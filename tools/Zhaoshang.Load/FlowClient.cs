using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Zhaoshang.Load;

public sealed record Reply(HttpStatusCode Status, JsonElement Body)
{
    public bool Is(HttpStatusCode status) => Status == status;
}

public sealed class UnexpectedReplyException(string request, Reply reply)
    : Exception($"{request} answered {(int)reply.Status}: {reply.Body}");

/// <summary>
/// JSON over HTTP as staff and as the approval system. A refused connection, a timeout or a 5xx is retried with
/// back-off for as long as <paramref name="patience"/> allows, because a service being restarted must not fail a
/// project; every such retry is counted, so a run shows how often it happened.
/// </summary>
public sealed class FlowClient(SystemUnderLoad target, TimeSpan patience) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _bureau = target.BureauToken;
    private readonly string _finance = target.FinanceToken;

    public SystemUnderLoad Target => target;

    /// <summary>Retries by cause: "connection refused", "timeout", "HTTP 503", …</summary>
    public ConcurrentDictionary<string, int> Retries { get; } = new();

    public Task<Reply> AsBureauAsync(Uri service, HttpMethod method, string path, object? body = null) =>
        SendAsync(() => Request(service, method, path, body, _bureau), $"{method} {path}");

    public Task<Reply> AsFinanceAsync(Uri service, HttpMethod method, string path, object? body = null, string? idempotencyKey = null) =>
        SendAsync(() =>
        {
            var request = Request(service, method, path, body, _finance);
            if (idempotencyKey is not null)
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            return request;
        }, $"{method} {path}");

    /// <summary>A decision delivered to the approval service's webhook, signed as the approval system signs it.</summary>
    public Task<Reply> WebhookAsync(object decision)
    {
        var json = JsonSerializer.Serialize(decision, JsonSerializerOptions.Web);
        var path = $"/api/integrations/{target.ApprovalSystem}/decisions";
        return SendAsync(() =>
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            var nonce = Guid.NewGuid().ToString("N");
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(target.ApprovalSystemSecret), Encoding.UTF8.GetBytes($"{timestamp}.{nonce}.{json}")));
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Approval, path))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Zhaoshang-Timestamp", timestamp);
            request.Headers.Add("X-Zhaoshang-Nonce", nonce);
            request.Headers.Add("X-Zhaoshang-Signature", signature);
            return request;
        }, $"POST {path}");
    }

    private static HttpRequestMessage Request(Uri service, HttpMethod method, string path, object? body, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(service, path));
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonSerializerOptions.Web);
        return request;
    }

    private async Task<Reply> SendAsync(Func<HttpRequestMessage> build, string what)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            string cause;
            try
            {
                using var request = build();
                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    return new Reply(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
                cause = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                cause = ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : $"HTTP error {ex.HttpRequestError}";
            }
            catch (TaskCanceledException)
            {
                cause = "timeout";
            }

            if (clock.Elapsed > patience)
                throw new TimeoutException($"{what} still failing ({cause}) after {patience.TotalSeconds:0} s.");
            Retries.AddOrUpdate(cause, 1, (_, n) => n + 1);
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>Polls the project as the bureau until it satisfies <paramref name="holds"/> (it may not exist yet: 404).</summary>
    public async Task<JsonElement> WaitForProjectAsync(Guid projectId, Func<JsonElement, bool> holds, string what, FlowOptions options)
    {
        var deadline = Stopwatch.StartNew();
        var delay = options.PollInterval;
        while (true)
        {
            var reply = await AsBureauAsync(target.Project, HttpMethod.Get, $"/api/projects/{projectId}");
            if (reply.Is(HttpStatusCode.OK) && holds(reply.Body))
                return reply.Body;
            if (deadline.Elapsed > options.StepTimeout)
                throw new TimeoutException($"Project {projectId}: waited {options.StepTimeout.TotalSeconds:0} s for {what}; last {(int)reply.Status} {reply.Body}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    public void Dispose() => _http.Dispose();
}
