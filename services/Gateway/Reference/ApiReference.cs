using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Zhaoshang.Gateway.Routing;

namespace Zhaoshang.Gateway.Reference;

/// <summary>
/// One API reference at <c>/api/reference</c> (the Swagger UI the services use, its files from the package, no CDN)
/// over every service's document at <c>/openapi/&lt;service&gt;.json</c>, rewritten to the gateway's paths so that
/// "Try it out" goes through the gateway.
/// </summary>
internal static class ApiReference
{
    public const string HttpClientName = "openapi";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/reference";
            o.DocumentTitle = "招商引资平台 API";
            foreach (var service in ServiceRoutes.Services)
                o.SwaggerEndpoint($"/openapi/{service.ToLowerInvariant()}.json", service);
        });
        app.MapGet("/openapi/{service}.json", GetDocumentAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDocumentAsync(
        string service, IHttpClientFactory clients, IOptions<GatewayOptions> options, CancellationToken cancellationToken)
    {
        var name = ServiceRoutes.Services.FirstOrDefault(s => s.Equals(service, StringComparison.OrdinalIgnoreCase));
        if (name is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: $"There is no service '{service}'; the documents are {string.Join(", ", ServiceRoutes.Services.Select(s => s.ToLowerInvariant()))}.");
        JsonNode document;
        try
        {
            var client = clients.CreateClient(HttpClientName);
            document = JsonNode.Parse(await client.GetStringAsync(new Uri(options.Value.Services[name], "/openapi/v1.json"), cancellationToken))!;
        }
        catch (HttpRequestException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The service did not answer.",
                detail: $"The {name.ToLowerInvariant()} service's document could not be read: {e.Message}");
        }

        return TypedResults.Content(Rewrite(name, document).ToJsonString(), "application/json; charset=utf-8");
    }

    /// <summary>The service's paths as the gateway has them, those it does not forward left out, and the gateway as server.</summary>
    internal static JsonNode Rewrite(string service, JsonNode document)
    {
        var paths = new JsonObject();
        foreach (var (path, operations) in document["paths"]!.AsObject().ToList())
        {
            if (ServiceRoutes.GatewayPath(service, path) is { } gatewayPath)
                paths[gatewayPath] = operations!.DeepClone();
        }

        document["paths"] = paths;
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = "/",
            ["description"] = "The gateway: every service's API at one address.",
        });
        return document;
    }
}
