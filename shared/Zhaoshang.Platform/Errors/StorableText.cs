using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Zhaoshang.Platform.Errors;

/// <summary>
/// PostgreSQL text cannot hold the NUL character (U+0000): a request carrying one in a JSON string or a query value is
/// refused with 400 naming the field, before it reaches SQL. (Lone surrogates never get that far: System.Text.Json
/// refuses them while reading, and ASP.NET Core decodes invalid UTF-8 in a query as U+FFFD.)
/// </summary>
internal static class StorableText
{
    public const string Problem = "must not contain the NUL character (U+0000).";

    public static bool IsStorable(string? text) => text is null || !text.Contains('\0');

    /// <summary>
    /// A System.Text.Json contract modifier: once a request object is read, its text properties (and lists of text) are
    /// checked. A modifier rather than a string converter, because a custom converter hides the type from the OpenAPI
    /// document.
    /// </summary>
    public static void RefuseUnstorable(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            return;
        var texts = typeInfo.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .ToList();
        if (texts.Count == 0)
            return;
        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var property in texts)
            {
                var text = property.Get!(value);
                if (text is string one ? !IsStorable(one) : text is IEnumerable<string> many && !many.All(IsStorable))
                    throw new UnstorableTextException(property.Name);
            }
        };
    }

    /// <summary>Refuses a query string with a NUL in a name or value.</summary>
    public static void UseStorableQueryText(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var bad = context.Request.Query.FirstOrDefault(q => !IsStorable(q.Key) || q.Value.Any(v => !IsStorable(v)));
            if (bad.Key is null)
            {
                await next(context);
                return;
            }

            var field = IsStorable(bad.Key) ? bad.Key : "query";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"'{field}' {Problem}"] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request has invalid fields.",
                },
            });
        });
}

/// <summary>A text property that cannot be stored; System.Text.Json adds the path of its object, the handler names the field.</summary>
internal sealed class UnstorableTextException(string property) : JsonException(StorableText.Problem)
{
    public string Property => property;
}
