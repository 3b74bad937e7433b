using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

internal sealed record ApiParameter(string Name, string In, ApiSchema Schema);

/// <summary>One operation (path + method) of a service's OpenAPI document.</summary>
internal sealed record ApiOperation(
    ServiceProcess Service, HttpMethod Method, string Path, string OperationId, IReadOnlyList<string> Roles,
    IReadOnlyList<ApiParameter> Parameters, ApiSchema? Body, bool BodyRequired)
{
    public string Name => $"{Method.Method} {Service.Name.ToLowerInvariant()} {Path}";

    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    /// <summary>Every operation of the service's <c>/openapi/v1.json</c>, in document order.</summary>
    public static async Task<IReadOnlyList<ApiOperation>> ReadAllAsync(SystemFixture system, ServiceProcess service)
    {
        using var client = system.Client(service, token: null);
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"] as JsonArray ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), ApiSchema.Read(p["schema"], schemas)))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new ApiOperation(
                    service, new HttpMethod(method.ToUpperInvariant()), path, operation["operationId"]?.GetValue<string>() ?? $"{method} {path}",
                    (operation["x-roles"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList(),
                    parameters, body is null ? null : ApiSchema.Read(body, schemas),
                    operation["requestBody"]?["required"]?.GetValue<bool>() == true));
            }
        }

        return operations;
    }
}
