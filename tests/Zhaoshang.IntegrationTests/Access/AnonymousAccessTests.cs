using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.IntegrationTests.OpenApi;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// Anyone may read a service's API description (the OpenAPI document and the Swagger UI), and nothing else: every
/// operation of the document, called without a token, gets 401. (The gateway has no document of its own: its API
/// reference is the services' documents, see Gateway/ApiReferenceTests.)
/// </summary>
[Collection(SystemCollection.Name)]
public class AnonymousAccessTests(SystemFixture system)
{
    private ServiceProcess Service(string name) =>
        new[] { system.Identity, system.Lead, system.Project, system.Approval, system.Funding, system.Notification }.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(LiveDocuments.Services), MemberType = typeof(LiveDocuments))]
    public async Task The_api_description_is_readable_without_a_token(string service)
    {
        using var client = system.Client(Service(service), token: null);
        foreach (var path in new[] { "/openapi/v1.json", "/swagger/index.html", "/swagger/index.js" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service} {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(LiveDocuments.Services), MemberType = typeof(LiveDocuments))]
    public async Task Every_operation_of_the_api_description_needs_a_token(string service)
    {
        using var client = system.Client(Service(service), token: null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var calls = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var url = Filled(path.Name, operation.Value);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                if (operation.Name is "post" or "put" or "patch")
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized,
                    $"{service}: {operation.Name.ToUpperInvariant()} {url} without a token answered {(int)response.StatusCode}");
                calls++;
            }
        }

        Assert.True(calls > 3, $"{service} documents only {calls} operations");
    }

    /// <summary>The path with a value of the right type in each parameter (a number, else an id).</summary>
    private static string Filled(string template, JsonElement operation)
    {
        var url = template;
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
            {
                var integer = parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type)
                    && type.ToString().Contains("integer", StringComparison.Ordinal);
                url = url.Replace($"{{{parameter.GetProperty("name").GetString()}}}", integer ? "2026" : Guid.NewGuid().ToString());
            }
        }

        return url;
    }
}
