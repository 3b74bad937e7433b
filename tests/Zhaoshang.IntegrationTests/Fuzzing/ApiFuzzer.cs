using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// Sends fuzz cases as a caller the operation allows (bureau staff; finance where only finance may; the approval
/// system's signature on the webhook, so the fuzzing gets past the 401), each with its own trace id, and checks every
/// answer: never 5xx, every 4xx a ProblemDetails, a refused case never accepted.
/// </summary>
internal sealed class ApiFuzzer(SystemFixture system, FuzzTargets targets, FuzzReport report) : IDisposable
{
    private static string Finance => Tokens.For("finance");
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();

    /// <summary>Sends the cases one by one; returns the trace ids of the requests answered 4xx.</summary>
    public async Task<List<string>> SendAsync(ApiOperation operation, IEnumerable<FuzzCase> cases)
    {
        var refused = new List<string>();
        foreach (var fuzzCase in cases)
        {
            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            try
            {
                using var response = await SendPacedAsync(operation, fuzzCase, traceId);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                report.Count(operation, status);
                Check(operation, fuzzCase, status, response.Content.Headers.ContentType?.MediaType, body);
                if (status is >= 400 and < 500)
                    refused.Add(traceId);
                else if (status < 300)
                    targets.Observe(operation, fuzzCase, body);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                report.Fail(operation, fuzzCase, $"no answer: {ex.Message}");
            }
        }

        return refused;
    }

    /// <summary>
    /// As the approval systems must: a 429 from the webhook's rate limit means nothing was processed, so the case is
    /// sent again (newly signed) after Retry-After. The fuzzer sends far faster than a real approval system.
    /// </summary>
    private async Task<HttpResponseMessage> SendPacedAsync(ApiOperation operation, FuzzCase fuzzCase, string traceId)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = Request(operation, fuzzCase, traceId);
            var response = await Client(operation.Service).SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt == 20)
                return response;
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    /// <summary>No audit row and no outbox message came from a refused request: it changed nothing.</summary>
    public async Task AssertNothingWrittenAsync(ApiOperation operation, IReadOnlyList<string> traceIds)
    {
        var written = await system.ScalarAsync<long>(operation.Service,
            """
            SELECT (SELECT count(*) FROM audit_log WHERE trace_id = ANY (@traceIds))
                 + (SELECT count(*) FROM outbox_messages WHERE split_part(trace_parent, '-', 2) = ANY (@traceIds))
            """,
            new { traceIds = traceIds.ToArray() });
        if (written > 0)
            report.Fail($"{operation.Name}: {written} audit or outbox rows were written by requests answered 4xx.");
    }

    private HttpRequestMessage Request(ApiOperation operation, FuzzCase fuzzCase, string traceId)
    {
        var request = new HttpRequestMessage(operation.Method, fuzzCase.Url(operation));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        foreach (var (name, value) in fuzzCase.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        if (fuzzCase.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzzCase.Body);
            if (fuzzCase.ContentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzzCase.ContentType);
        }

        request.Headers.TransferEncodingChunked = fuzzCase.Chunked ? true : null;
        if (operation.Roles.Contains("approval-system"))
            ApprovalSystem.Sign(request, fuzzCase.Body ?? []);
        else
            request.Headers.Authorization = new("Bearer", operation.Roles.Contains("bureau") || !operation.Roles.Contains("finance") ? Tokens.Bureau : Finance);
        return request;
    }

    private void Check(ApiOperation operation, FuzzCase fuzzCase, int status, string? mediaType, string body)
    {
        if (status >= 500)
            report.Fail(operation, fuzzCase, $"{status} {Snippet(body)}");
        else if (status >= 400 && !IsProblem(status, mediaType, body))
            report.Fail(operation, fuzzCase, $"{status} without a ProblemDetails body ({mediaType}): {Snippet(body)}");
        else if (status < 400 && fuzzCase.Refused)
            report.Fail(operation, fuzzCase, $"accepted with {status}: {Snippet(body)}");
        if (fuzzCase.ExpectedStatus is { } expected && status != expected)
            report.Fail(operation, fuzzCase, $"expected {expected}, got {status}: {Snippet(body)}");
    }

    private static bool IsProblem(int status, string? mediaType, string body)
    {
        if (mediaType != "application/problem+json")
            return false;
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return problem.GetProperty("status").GetInt32() == status && !string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Snippet(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private HttpClient Client(ServiceProcess service) =>
        _clients.GetOrAdd(service.Name, _ => new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) });

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
    }
}
