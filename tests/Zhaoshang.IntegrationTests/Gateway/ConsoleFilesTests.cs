using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Gateway;

/// <summary>
/// The console at the gateway's <c>/</c>: any page of it answers with <c>index.html</c> (so a reload works), hashed
/// assets are cached for good and the page never, and <c>/config.json</c> names the provider.
/// </summary>
[Collection(SystemCollection.Name)]
public class ConsoleFilesTests(SystemFixture system)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin-callback?code=abc&state=xyz")]
    [InlineData("/projects/3f1e0a8e-0000-4000-8000-000000000001")]
    public async Task A_page_of_the_console_is_its_index_never_cached(string path)
    {
        using var gateway = system.Client(system.Gateway, token: null);
        using var response = await gateway.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SystemFixture.ConsoleIndex, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, $"{response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_hashed_asset_is_cached_immutable_and_a_missing_one_is_404_not_the_index()
    {
        using var gateway = system.Client(system.Gateway, token: null);
        using var asset = await gateway.GetAsync($"/assets/{SystemFixture.ConsoleAsset}");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("欢迎", await asset.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());

        using var missing = await gateway.GetAsync("/assets/index-00000000.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_console_files_are_compressed_for_a_browser_that_accepts_it()
    {
        using var gateway = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = system.Gateway.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/assets/{SystemFixture.ConsoleAsset}");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Config_json_tells_the_console_its_provider_client_and_scopes()
    {
        using var gateway = system.Client(system.Gateway, token: null);
        var config = await gateway.GetFromJsonAsync<JsonElement>("/config.json");
        Assert.Equal(TestEnvironment.IdentityAuthority.ToString(), config.GetProperty("authority").GetString());
        Assert.Equal("zhaoshang-console", config.GetProperty("clientId").GetString());
        Assert.Equal("openid profile offline_access", config.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_post_to_a_console_page_is_not_answered_with_the_index()
    {
        using var gateway = system.Client(system.Gateway, token: null);
        using var response = await gateway.PostAsync("/projects", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
