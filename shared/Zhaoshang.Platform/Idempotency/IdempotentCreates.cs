using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Zhaoshang.Platform.Idempotency;

/// <summary>
/// Every creating POST (one that answers 201 Created) takes an optional Idempotency-Key header: a retry with the same
/// key and the same request gets the first answer instead of a second record. An endpoint that reads the header itself
/// (the incentive payments) keeps its own meaning of it.
/// </summary>
public static class IdempotentCreates
{
    public const string Header = "Idempotency-Key";

    public const int MaxKeyLength = 200;

    public const string KeyRule = "'Idempotency-Key' is 1 to 200 printable ASCII characters (space to '~'), sent once.";

    private static readonly ConcurrentDictionary<Endpoint, bool> Covered = new();

    public static WebApplicationBuilder AddIdempotentCreates(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>().Bind(builder.Configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "Idempotency:Retention must be positive.").ValidateOnStart();
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<IdempotencyKeyTransformer>());
        return builder;
    }

    /// <summary>After authorization: a key belongs to the caller the token names.</summary>
    public static WebApplication UseIdempotentCreates(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= ' ' and <= '~') && !string.IsNullOrWhiteSpace(key);

    internal static bool Covers(Endpoint endpoint) => Covered.GetOrAdd(endpoint, e => Covers(e.Metadata));

    internal static bool Covers(IEnumerable<object> metadata)
    {
        var all = metadata.ToList();
        return all.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Post))
            && all.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status201Created)
            && !all.OfType<MethodInfo>().Any(ReadsTheHeader);
    }

    private static bool ReadsTheHeader(MethodInfo handler) =>
        handler.GetParameters().Any(p => p.GetCustomAttributes().OfType<IFromHeaderMetadata>()
            .Any(h => string.Equals(h.Name, Header, StringComparison.OrdinalIgnoreCase)));
}
