using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Gateway;

/// <summary>
/// One API reference at the gateway over every service's document, each rewritten so that "Try it out" goes through
/// the gateway: its server is the gateway, the shared audit path carries the service's name, the webhooks are left out.
/// </summary>
[Collection(SystemCollection.Name)]
public class ApiReferenceTests(SystemFixture system)
{
    private static readonly string[] Documents = ["lead", "project", "approval", "funding", "identity", "notification"];

    [Fact]
    public async Task The_reference_page_lists_every_services_document_and_serves_its_own_files()
    {
        using var gateway = system.Client(system.Gateway, token: null);
        using var page = await gateway.GetAsync("/api/reference/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // Scripts and styles from the gateway itself: nothing from a CDN.
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/reference/swagger-ui-bundle.js")).StatusCode);
        var script = await gateway.GetStringAsync("/api/reference/index.js");
        foreach (var document in Documents)
            Assert.Contains($"/openapi/{document}.json", script);
    }

    [Fact]
    public async Task Each_document_has_the_paths_as_the_gateway_reaches_them()
    {
        using var gateway = system.Client(system.Gateway, token: null);
        foreach (var document in Documents)
        {
            var json = await gateway.GetFromJsonAsync<JsonElement>($"/openapi/{document}.json");
            Assert.Equal("/", json.GetProperty("servers")[0].GetProperty("url").GetString());
            var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains($"/api/{document}/audit", paths);
            Assert.DoesNotContain("/api/audit", paths);
            Assert.DoesNotContain(paths, p => p.StartsWith("/api/integrations", StringComparison.Ordinal));
        }

        var approval = await gateway.GetFromJsonAsync<JsonElement>("/openapi/approval.json");
        Assert.True(approval.GetProperty("paths").TryGetProperty("/api/projects/{projectId}/approval-case", out _));
        using var unknown = await gateway.GetAsync("/openapi/nope.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Every_path_of_the_documents_is_forwarded_by_the_gateway()
    {
        using var gateway = system.Client(system.Gateway);
        foreach (var document in Documents)
        {
            var json = await gateway.GetFromJsonAsync<JsonElement>($"/openapi/{document}.json");
            foreach (var path in json.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)))
            {
                // An unknown id: the owning service's own 404 (or an empty list), never the gateway's "No service answers".
                var concrete = Regex.Replace(path.Name, "{[^}]+}", Guid.NewGuid().ToString());
                using var response = await gateway.GetAsync(concrete);
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("No service answers", text);
                Assert.NotEqual(HttpStatusCode.BadGateway, response.StatusCode);
            }
        }
    }
}
