using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// Describes the bearer scheme and, in a service that has a signed webhook, the approval systems' signature in the
/// OpenAPI document.
/// </summary>
internal sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerTokenOptions.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT (RS256) from the OpenID Connect provider (Auth:Authority, audience zhaoshang-api) with claims sub, role (bureau, district, park, finance, auditor) and, for district and park staff, district or park.",
        };
        var signed = context.DescriptionGroups.SelectMany(g => g.Items)
            .Any(d => d.ActionDescriptor.EndpointMetadata.OfType<AllowedRoles>().Any(r => r.Roles.SequenceEqual([Roles.ApprovalSystem])));
        if (!signed)
            return Task.CompletedTask;
        document.Components.SecuritySchemes[SignedRequestOptions.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = SignedRequestOptions.SignatureHeader,
            Description = $"Hex HMAC-SHA256 with the approval system's own secret over \"{{timestamp}}.{{nonce}}.{{body}}\", sent with "
                + $"{SignedRequestOptions.TimestampHeader} (Unix seconds, within five minutes) and {SignedRequestOptions.NonceHeader} (used once).",
        };
        return Task.CompletedTask;
    }
}

/// <summary>Marks each operation with its scheme and the roles allowed to call it.</summary>
internal sealed class AllowedRolesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var allowed = context.Description.ActionDescriptor.EndpointMetadata.OfType<AllowedRoles>().LastOrDefault();
        if (allowed is null)
            return Task.CompletedTask;

        var scheme = allowed.Roles.SequenceEqual([Roles.ApprovalSystem]) ? SignedRequestOptions.Scheme : BearerTokenOptions.Scheme;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        var roles = $"Roles: {string.Join(", ", allowed.Roles)}.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? roles : $"{operation.Description}\n\n{roles}";
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray(allowed.Roles.Select(r => (System.Text.Json.Nodes.JsonNode?)r).ToArray()));
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid credentials." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role may not do this." });
        return Task.CompletedTask;
    }
}

/// <summary>Documents the 429 of rate-limited operations: ProblemDetails naming the system, and Retry-After.</summary>
internal sealed class RateLimitedTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<ApprovalSystemRateLimited>().Any()
            || operation.Responses?.GetValueOrDefault("429") is not OpenApiResponse response)
            return Task.CompletedTask;

        response.Description = "Over the calling approval system's rate limit, or, for requests that fail the signature check, over the "
            + "client address's limit (ApprovalSystems:RateLimit); nothing was processed and the nonce is still unused. The ProblemDetails "
            + "names the system (or the client address); retry after Retry-After seconds.";
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before the bucket has a permit again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        };
        return Task.CompletedTask;
    }
}
