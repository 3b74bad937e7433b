using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// The console as the gateway serves it: it calls the provider from its own origin (CORS), stays signed in with refresh
/// tokens, and signs out through the end-session endpoint, which sends the browser back only to a registered address.
/// </summary>
public partial class SignInTests
{
    [Fact]
    public async Task The_console_behind_the_gateway_signs_in_and_keeps_signed_in_with_a_refresh_token()
    {
        var redirectUri = $"{SystemFixture.GatewayAddress}signin-callback";
        using var browser = Browser();
        var (code, verifier) = await SignInAsync(browser, "finance", Tokens.DemoPassword, redirectUri, "openid profile offline_access");
        var (status, body) = await RedeemAsync(code, verifier, redirectUri);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var refreshToken = body.GetProperty("refresh_token").GetString()!;

        (status, body) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = "zhaoshang-console", ["refresh_token"] = refreshToken });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        using var gateway = system.Client(system.Gateway, body.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/incentive-policies")).StatusCode);
    }

    [Fact]
    public async Task The_console_origin_may_call_the_token_endpoint_from_its_scripts_and_another_origin_may_not()
    {
        var consoleOrigin = SystemFixture.GatewayAddress.TrimEnd('/');
        using var http = new HttpClient { BaseAddress = TestEnvironment.IdentityAuthority };
        foreach (var (origin, allowed) in new[] { (consoleOrigin, true), ("http://127.0.0.1:5173", true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/connect/token");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            using var response = await http.SendAsync(preflight);
            var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
            Assert.Equal(allowed ? origin : null, allowOrigin);
        }

        using var discovery = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        discovery.Headers.Add("Origin", consoleOrigin);
        using var document = await http.SendAsync(discovery);
        Assert.Equal(consoleOrigin, document.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var endSession = JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.GetProperty("end_session_endpoint").GetString();
        Assert.Equal($"{TestEnvironment.IdentityAuthority}connect/endsession", endSession);
    }

    [Fact]
    public async Task Ending_the_session_signs_out_at_the_provider_and_redirects_only_to_a_registered_uri()
    {
        using var browser = Browser();
        await SignInAsync(browser, "anning", Tokens.DemoPassword, RedirectUri, "openid profile");

        var elsewhere = await browser.GetAsync($"/connect/endsession?post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);
        // Refused, so still signed in: the next authorization needs no password.
        var again = await browser.GetAsync(AuthorizeUrl(Challenge(NewVerifier()), RedirectUri, "openid"));
        Assert.StartsWith(RedirectUri, again.Headers.Location!.ToString());

        var ended = await browser.GetAsync($"/connect/endsession?post_logout_redirect_uri={Uri.EscapeDataString(SystemFixture.GatewayAddress)}");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(SystemFixture.GatewayAddress, ended.Headers.Location!.ToString());
        var afterwards = await browser.GetAsync(AuthorizeUrl(Challenge(NewVerifier()), RedirectUri, "openid"));
        Assert.StartsWith("/login", afterwards.Headers.Location!.IsAbsoluteUri ? afterwards.Headers.Location.PathAndQuery : afterwards.Headers.Location.OriginalString);
    }
}
