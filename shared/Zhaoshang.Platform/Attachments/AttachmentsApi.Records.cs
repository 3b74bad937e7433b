using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Attachments;

/// <summary>How the attachment endpoints find their record, and how the document describes the record's route.</summary>
public static partial class AttachmentsApi
{
    /// <summary>
    /// The record's route values are read by the resolver, not bound to the handlers' parameters, so the document would
    /// not list them: each operation gets them here, in route order (a <c>:guid</c> one as a uuid).
    /// </summary>
    private static Task DescribeRecordRoute(OpenApiOperation operation, string recordRoute)
    {
        var parameters = RoutePatternFactory.Parse(recordRoute).Parameters.Select(p => (IOpenApiParameter)new OpenApiParameter
        {
            Name = p.Name,
            In = ParameterLocation.Path,
            Required = true,
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = p.ParameterPolicies.Any(policy => policy.Content == "guid") ? "uuid" : null,
            },
        });
        operation.Parameters = [.. parameters, .. operation.Parameters ?? []];
        return Task.CompletedTask;
    }

    /// <summary>One service's kind of record: how to find it, and what it is called in problems.</summary>
    internal sealed record Records(AttachableRecordResolver Resolve, string Noun)
    {
        public async Task<AttachableRecord?> FindVisibleAsync(Database database, HttpRequest request, Actor actor, CancellationToken cancellationToken)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var record = await Resolve(connection, request.RouteValues);
            return record is not null && record.IsVisibleTo(actor) ? record : null;
        }

        public ProblemHttpResult NotFound(HttpRequest request) =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{char.ToUpperInvariant(Noun[0])}{Noun[1..]} not found.",
                detail: $"{request.Path} belongs to no {Noun} you may see.");
    }
}
