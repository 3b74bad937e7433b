using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Idempotency;

/// <summary>Documents the Idempotency-Key header, and the 409 a reused key gets, on the operations it applies to.</summary>
internal sealed class IdempotencyKeyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!IdempotentCreates.Covers(context.Description.ActionDescriptor.EndpointMetadata))
            return Task.CompletedTask;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentCreates.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional; a key of your choosing. Sent again with the same request (same body) within the retention, it gets the "
                + "first answer (with Idempotent-Replayed: true) and nothing is created twice; with another request, 409. A refused "
                + "request does not use the key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentCreates.MaxKeyLength },
        });
        operation.Responses ??= new OpenApiResponses();
        var problem = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemResponsesTransformer.Schema, context.Document) },
        };
        operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Bad Request", Content = problem });
        operation.Responses.TryAdd("409", new OpenApiResponse { Description = "Conflict", Content = problem });
        return Task.CompletedTask;
    }
}
