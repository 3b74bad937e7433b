using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// The largest request body a service accepts (<c>Http:MaxRequestBodyBytes</c>, 1 MiB unless configured): the JSON
/// requests of these APIs are a few kilobytes, and a bigger body only costs memory. Anything larger gets a 413
/// ProblemDetails naming the limit, before any endpoint runs, whether its length was declared or it came chunked.
/// As endpoint metadata it is an endpoint's own limit (the attachments' uploads): that endpoint streams its body itself
/// and Kestrel stops it at the limit, nothing is buffered beforehand.
/// </summary>
public sealed class RequestBodyLimit(long maxBytes)
{
    public const string ConfigurationKey = "Http:MaxRequestBodyBytes";
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// After a 413, Kestrel reads and discards the rest of a body up to this many times the limit, so that a client that
    /// sends its whole body before reading the answer gets the 413 instead of a reset connection. Past it the connection
    /// is closed.
    /// </summary>
    private const int DrainFactor = 16;

    public long MaxBytes => maxBytes;

    public long DrainBytes => maxBytes * DrainFactor;

    public ProblemDetails Problem() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large.",
        Detail = $"A request body may have at most {Describe()}.",
    };

    /// <summary>
    /// Reads the body into memory (rewound, for the endpoint to read again), at most up to the limit, passing it through
    /// <paramref name="hash"/> on the way; false, having read no more than the limit and one byte, when it is larger.
    /// </summary>
    public async Task<bool> TryBufferAsync(HttpRequest request, IncrementalHash? hash, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return false;
        request.EnableBuffering(bufferThreshold: (int)Math.Min(maxBytes + 1, int.MaxValue));
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while (total <= maxBytes
               && (read = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes + 1 - total)), cancellationToken)) > 0)
        {
            hash?.AppendData(buffer, 0, read);
            total += read;
        }

        request.Body.Position = 0;
        return total <= maxBytes;
    }

    /// <summary>The limit as people read it, e.g. "1 MiB (1048576 bytes)".</summary>
    public string Describe() =>
        maxBytes % (1024 * 1024) == 0 ? $"{maxBytes / (1024 * 1024)} MiB ({maxBytes} bytes)"
        : maxBytes % 1024 == 0 ? $"{maxBytes / 1024} KiB ({maxBytes} bytes)"
        : $"{maxBytes} bytes";
}

internal static class RequestBodyLimitExtensions
{
    public static RequestBodyLimit AddRequestBodyLimit(this WebApplicationBuilder builder)
    {
        var limit = new RequestBodyLimit(builder.Configuration.GetValue(RequestBodyLimit.ConfigurationKey, RequestBodyLimit.DefaultMaxBytes));
        builder.Services.AddSingleton(limit);
        // The middleware answers at the limit with a ProblemDetails; Kestrel's own limit is how much it then drains.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limit.DrainBytes);
        return limit;
    }

    /// <summary>
    /// After authorization, so that nobody without a valid token or signature gets a body read. Refuses a declared
    /// Content-Length over the limit at once; reads a chunked body into memory first (at most the limit), so an endpoint
    /// that would not read it (say a DELETE) cannot act on an oversized request either. An endpoint with its own limit
    /// reads its body itself: only a declared length over that limit is refused here.
    /// </summary>
    public static void UseRequestBodyLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<RequestBodyLimit>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is { } own)
            {
                if (request.ContentLength > own.MaxBytes)
                {
                    await RefuseAsync(context, own);
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
                    kestrel.MaxRequestBodySize = own.MaxBytes;
                await next(context);
                return;
            }

            if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true || request.ContentLength <= limit.MaxBytes
                || (request.ContentLength is null && await limit.TryBufferAsync(request, null, context.RequestAborted)))
                await next(context);
            else
                await RefuseAsync(context, limit);
        });
    }

    public static async Task RefuseAsync(HttpContext context, RequestBodyLimit limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = limit.Problem(),
        });
    }
}
