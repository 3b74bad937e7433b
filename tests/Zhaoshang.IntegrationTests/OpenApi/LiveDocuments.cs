using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.OpenApi;

/// <summary>The OpenAPI documents the provider and the services serve at <c>/openapi/v1.json</c>.</summary>
internal static class LiveDocuments
{
    public static readonly TheoryData<string> Services = new("Lead", "Project", "Approval", "Funding", "Identity", "Notification");

    public static async Task<string> FetchAsync(SystemFixture system, string name)
    {
        var service = new[] { system.Lead, system.Project, system.Approval, system.Funding, system.Identity, system.Notification }.Single(s => s.Name == name);
        using var client = system.Client(service, token: null);
        return await client.GetStringAsync("/openapi/v1.json");
    }
}
