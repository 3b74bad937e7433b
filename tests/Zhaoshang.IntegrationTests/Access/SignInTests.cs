using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// The browser console's sign-in: authorization code + PKCE through the provider's login page (统一身份认证), as
/// a browser follows it; the code is worth a token only with its verifier, and only for the console's redirect URI.
/// </summary>
[Collection(SystemCollection.Name)]
public partial class SignInTests(SystemFixture system)
{
    private const string RedirectUri = "http://127.0.0.1:5173/signin-callback";

    [Fact]
    public async Task Staff_sign_in_on_the_login_page_and_the_console_gets_a_token_for_their_code_and_verifier()
    {
        var (code, verifier) = await SignInAsync("anning", Tokens.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, (await RedeemAsync(code, verifier: "not-the-verifier-" + new string('x', 43))).Status);
        var (status, body) = await RedeemAsync((await SignInAsync("anning", Tokens.DemoPassword)).Code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, status); // another sign-in's code with this verifier

        (status, body) = await RedeemAsync(code, verifier);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var token = body.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(token);
        Assert.Equal(("anning", "district", "安宁市"), (jwt.Subject, jwt.GetClaim("role").Value, jwt.GetClaim("district").Value));
        using var lead = system.Client(system.Lead, token);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/intents")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_login_page_again_and_issues_no_code()
    {
        using var browser = Browser();
        var login = await browser.GetAsync(AuthorizeUrl(Challenge(NewVerifier())));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var page = await browser.GetStringAsync(login.Headers.Location);
        var answer = await browser.PostAsync("/login", LoginForm(page, "anning", "wrong-password-123"));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("用户名或密码不正确", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_console_and_its_redirect_uri_may_ask_for_a_code()
    {
        using var browser = Browser();
        var challenge = Challenge(NewVerifier());
        var otherUri = await browser.GetAsync(AuthorizeUrl(challenge).Replace(Uri.EscapeDataString(RedirectUri), Uri.EscapeDataString("https://evil.example/cb")));
        var otherClient = await browser.GetAsync(AuthorizeUrl(challenge).Replace("zhaoshang-console", "zhaoshang-cli"));
        var noPkce = await browser.GetAsync(AuthorizeUrl(challenge).Replace($"&code_challenge={challenge}&code_challenge_method=S256", ""));
        // Refused on the spot: no redirect, so no code (nor an error) reaches an address the console did not register.
        foreach (var response in new[] { otherUri, otherClient, noPkce })
        {
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{response.StatusCode}");
            Assert.Null(response.Headers.Location);
        }
    }

    private async Task<(string Code, string Verifier)> SignInAsync(string username, string password)
    {
        using var browser = Browser();
        return await SignInAsync(browser, username, password, RedirectUri, "openid profile");
    }

    private static async Task<(string Code, string Verifier)> SignInAsync(
        HttpClient browser, string username, string password, string redirectUri, string scope)
    {
        var verifier = NewVerifier();
        var toLogin = await browser.GetAsync(AuthorizeUrl(Challenge(verifier), redirectUri, scope));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/login", toLogin.Headers.Location!.IsAbsoluteUri ? toLogin.Headers.Location.PathAndQuery : toLogin.Headers.Location.OriginalString);
        var page = await browser.GetStringAsync(toLogin.Headers.Location);
        Assert.Contains("统一身份认证", page);

        var back = await browser.PostAsync("/login", LoginForm(page, username, password));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var toConsole = await browser.GetAsync(back.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toConsole.StatusCode);
        var callback = toConsole.Headers.Location!;
        Assert.StartsWith(redirectUri, callback.ToString());
        Assert.Contains("state=console-state", callback.Query);
        return (CodeOf(callback.Query), verifier);
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string code, string verifier, string redirectUri = RedirectUri) =>
        TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "zhaoshang-console", ["code"] = code,
            ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var http = new HttpClient { BaseAddress = TestEnvironment.IdentityAuthority };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = TestEnvironment.IdentityAuthority,
    };

    private static string AuthorizeUrl(string challenge, string redirectUri = RedirectUri, string scope = "openid profile") =>
        $"/connect/authorize?client_id=zhaoshang-console&redirect_uri={Uri.EscapeDataString(redirectUri)}&response_type=code" +
        $"&scope={Uri.EscapeDataString(scope)}&state=console-state&code_challenge={challenge}&code_challenge_method=S256";

    private static FormUrlEncodedContent LoginForm(string page, string username, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenField().Match(page).Groups["token"].Value),
        ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(page).Groups["url"].Value),
        ["username"] = username,
        ["password"] = password,
    });

    private static string NewVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string CodeOf(string query) =>
        Uri.UnescapeDataString(query.TrimStart('?').Split('&').Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"returnUrl\" value=\"(?<url>[^\"]*)\"")]
    private static partial Regex ReturnUrl();
}
