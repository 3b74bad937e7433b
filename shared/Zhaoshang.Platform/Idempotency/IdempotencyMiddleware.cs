using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Idempotency;

/// <summary>
/// Answers a creating request sent again with the same Idempotency-Key (same caller) as it was answered the first
/// time, without running its endpoint; refuses the key with another request (409). Only a success uses the key.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, Database database, IOptions<IdempotencyOptions> options)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    private readonly TimeSpan _retention = options.Value.Retention;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(IdempotentCreates.Header, out var keys) || context.GetEndpoint() is not { } endpoint
            || !IdempotentCreates.Covers(endpoint) || context.User.FindFirstValue(Actor.SubjectClaim) is not { } caller)
        {
            await next(context);
            return;
        }

        if (keys.Count != 1 || !IdempotentCreates.IsValidKey(keys[0]))
        {
            await new ValidationErrors().Add(IdempotentCreates.Header, IdempotentCreates.KeyRule).ToProblem().ExecuteAsync(context);
            return;
        }

        var request = new IdempotentRequest(caller, keys[0]!, await FingerprintAsync(context.Request, context.RequestAborted));
        context.Features.Set(request);
        if (await StoredAnswers.FindAsync(database, request, _retention, context.RequestAborted) is { } earlier)
        {
            await AnswerAsync(context, request, earlier);
            return;
        }

        try
        {
            await RunAsync(context, request);
        }
        finally
        {
            await request.ReleaseAsync();
        }
    }

    private async Task RunAsync(HttpContext context, IdempotentRequest request)
    {
        var response = context.Response;
        var body = response.Body;
        using var answer = new MemoryStream();
        response.Body = answer;
        IdempotentRequest.Current = request;
        try
        {
            await next(context);
        }
        finally
        {
            IdempotentRequest.Current = null;
            response.Body = body;
        }

        if (request.Work is { } work)
        {
            if (response.StatusCode is >= 200 and < 300
                && !await StoredAnswers.TryRecordAsync(work, request, Stored(request, response, answer), _retention))
            {
                // A twin request with this key committed first: this one's record is dropped and the twin's answer given.
                await request.ReleaseAsync();
                await AnswerAsync(context, request, (await StoredAnswers.FindAsync(database, request, _retention, context.RequestAborted))!);
                return;
            }

            // A refused request keeps what its endpoint committed, but not the key: it may be sent again.
            await work.CommitNowAsync(context.RequestAborted);
        }
        else if (response.StatusCode >= 400 && await StoredAnswers.FindAsync(database, request, _retention, context.RequestAborted) is { } twin)
        {
            // Refused because a twin request with this key created the record meanwhile (its unique name, say).
            await AnswerAsync(context, request, twin);
            return;
        }

        answer.Position = 0;
        await answer.CopyToAsync(body, context.RequestAborted);
    }

    private static StoredAnswer Stored(IdempotentRequest request, HttpResponse response, MemoryStream answer) =>
        new(request.Fingerprint, response.StatusCode, response.Headers.Location, response.ContentType, answer.ToArray());

    private static async Task AnswerAsync(HttpContext context, IdempotentRequest request, StoredAnswer stored)
    {
        var response = context.Response;
        response.Clear();
        if (!stored.Fingerprint.AsSpan().SequenceEqual(request.Fingerprint))
        {
            await Problems.Conflict("Idempotency-Key already used.",
                    "This key came with another request (another endpoint, query or body). Send a new key with a new request.")
                .ExecuteAsync(context);
            return;
        }

        response.StatusCode = stored.StatusCode;
        response.Headers.Location = stored.Location;
        response.ContentType = stored.ContentType;
        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>The method, path, query and body: a retry sends the same bytes.</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
