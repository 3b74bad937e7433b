using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// What the OpenAPI document says about the service as a whole: what it is and how it answers, a server relative to
/// wherever the document is served (not the host name of the request that asked for it), each tag's description,
/// the ProblemDetails schema the 4xx responses refer to, and enums without the null the generator adds.
/// </summary>
internal sealed class ApiDocumentTransformer(string serviceName, RequestBodyLimit bodyLimit) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description =
            $"The {serviceName} service of Zhaoshang 招商 (investment attraction). Staff call it with a bearer token; each operation "
            + "lists the roles it allows. Refused requests get an RFC 9457 ProblemDetails (application/problem+json) naming the bad "
            + $"fields, and change nothing. A request body may have at most {bodyLimit.Describe()}.";
        document.Servers = [new OpenApiServer { Url = "/", Description = $"The {serviceName} service that serves this document." }];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemResponsesTransformer.Schema, ProblemResponsesTransformer.ProblemDetails());
        // The generator adds null to a shared enum schema when it meets the enum as a nullable query parameter, which would
        // make every use of the enum nullable (and depend on the order endpoints are mapped in): nullability is the use's.
        foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>().Where(s => s.Enum is { Count: > 0 }))
            schema.Enum = schema.Enum!.Where(value => value is not null && value.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();

        var descriptions = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name, t => t.Description);
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null && descriptions.TryGetValue(tag.Name, out var description))
                tag.Description = description;
        }

        return Task.CompletedTask;
    }
}
