using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// Every 4xx response of the document is a ProblemDetails (application/problem+json), as the services answer it; an
/// operation that takes a body also lists the 413 its size limit gives.
/// </summary>
internal sealed class ProblemResponsesTransformer(RequestBodyLimit bodyLimit) : IOpenApiOperationTransformer
{
    public const string Schema = "ProblemDetails";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var limit = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyLimit>().LastOrDefault() ?? bodyLimit;
        if (operation.RequestBody is not null)
            operation.Responses.TryAdd("413", new OpenApiResponse { Description = $"The request body is larger than {limit.Describe()}." });
        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('4') && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Schema, context.Document) },
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The RFC 9457 members the services fill; extensions (errors, currentState, traceId) come on top.</summary>
    public static OpenApiSchema ProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; a 400 adds \"errors\" (field → messages), a 409 on a state \"currentState\".",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text(),
            ["title"] = Text(),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = Text(),
            ["instance"] = Text(),
        },
    };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String | JsonSchemaType.Null };
}
