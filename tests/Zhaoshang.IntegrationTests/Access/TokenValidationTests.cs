using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// The services against the running OpenID Connect provider: its tokens are accepted for every role; a token that
/// differs from a valid one in one respect only (issuer, audience, lifetime, key, a missing claim) is refused; a
/// rotated signing key is accepted without restarting any service; outside Development the provider refuses the
/// development secrets and keys.
/// </summary>
[Collection(SystemCollection.Name)]
public class TokenValidationTests(SystemFixture system)
{
    public static TheoryData<string, string, string?, string?> DemoUsers => new()
    {
        { "bureau", "bureau", null, null },
        { "anning", "district", "安宁市", null },
        { "anning-park", "park", null, "安宁工业园区" },
        { "finance", "finance", null, null },
        { "auditor", "auditor", null, null },
    };

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task A_token_of_the_provider_is_accepted_with_its_role_and_scope(string username, string role, string? district, string? park)
    {
        var token = await Tokens.SignInAsync(username, Tokens.DemoPassword);

        var jwt = new JsonWebToken(token);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(TestEnvironment.IdentityAuthority.ToString(), jwt.Issuer);
        Assert.Equal([Tokens.Audience], jwt.Audiences);
        Assert.Equal(username, jwt.Subject);
        Assert.Equal(role, jwt.GetClaim("role").Value);
        Assert.Equal(district, jwt.TryGetClaim("district", out var d) ? d.Value : null);
        Assert.Equal(park, jwt.TryGetClaim("park", out var p) ? p.Value : null);
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("name").Value));
        foreach (var (service, path) in Reads())
        {
            var status = await StatusAsync(service, token, path);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{service.Name} answered {username}'s token with {status}");
        }
    }

    public static TheoryData<string> Refusals => new()
    {
        "wrong-issuer", "wrong-audience", "expired", "wrong-key", "no-role", "district-without-district", "park-without-park",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_token_wrong_in_one_respect_is_refused_where_the_same_token_otherwise_is_accepted(string flaw)
    {
        var (good, bad) = flaw switch
        {
            "wrong-issuer" => (Tokens.Forge("bureau"), Tokens.Forge("bureau", issuer: "https://sso.example.gov.cn/")),
            "wrong-audience" => (Tokens.Forge("bureau"), Tokens.Forge("bureau", audience: "another-api")),
            "expired" => (Tokens.Forge("bureau"), Tokens.Forge("bureau", lifetime: TimeSpan.FromMinutes(-2))),
            "wrong-key" => (Tokens.Forge("bureau"), Tokens.Forge("bureau", key: Tokens.ForeignKey)),
            "no-role" => (Tokens.Forge("auditor"), Tokens.Forge("")),
            "district-without-district" => (Tokens.Forge("district", district: Journey.District), Tokens.Forge("district")),
            _ => (Tokens.Forge("park", park: Journey.Park), Tokens.Forge("park")),
        };
        foreach (var (service, path) in new[] { (system.Lead, "/api/intents"), (system.Project, "/api/projects"), (system.Approval, "/api/approval-items/overdue") })
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, await StatusAsync(service, good, path));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(service, bad, path));
        }
    }

    [Fact]
    public async Task A_rotated_signing_key_is_accepted_without_restarting_a_service()
    {
        var before = Tokens.Bureau;
        var rotated = Tokens.NewKey();
        var file = Path.Combine(TestEnvironment.IdentityKeyDirectory, $"signing-1-rotated-{DateTime.UtcNow:yyyyMMddHHmmssfff}.pem");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(system.Project, Tokens.Forge("bureau", key: rotated), "/api/parks"));

        await File.WriteAllTextAsync(file, rotated.Rsa.ExportPkcs8PrivateKeyPem());
        await system.Identity.RestartAsync();
        var after = await Tokens.SignInAsync("bureau", Tokens.DemoPassword);

        Assert.Equal(rotated.KeyId, new JsonWebToken(after).Kid);
        foreach (var (service, path) in Reads())
        {
            await Eventually.AssertAsync(() => StatusAsync(service, after, path), s => s == HttpStatusCode.OK,
                $"{service.Name} accepts a token signed with the rotated key", TimeSpan.FromSeconds(30));
            // The previous key is still published: tokens issued before the rotation stay valid until they expire.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(service, before, path));
        }
    }

    [Theory]
    [InlineData("Identity__CliClientSecret", "zhaoshang-local-cli-secret-not-for-production", "Identity:CliClientSecret holds a development secret")]
    [InlineData("Identity__DemoPassword", "zhaoshang-local-demo-password", "Identity:DemoPassword holds a development secret")]
    [InlineData("Identity__DemoPassword", "a-demo-password-of-production", "Identity:DemoPassword creates demo users")]
    [InlineData("Identity__KeyDirectory", null, "holds keys generated for Development")]
    public async Task Outside_Development_the_provider_refuses_development_secrets_and_keys(string key, string? value, string reason)
    {
        var overrides = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Identity__CliClientSecret"] = $"a-production-secret-{Guid.NewGuid():N}",
            ["Identity__DemoPassword"] = "",
            [key] = value ?? TestEnvironment.IdentityKeyDirectory,
        };
        var logBefore = ReadLog().Length;

        Assert.NotEqual(0, await system.Identity.RunFailingStartAsync(overrides));

        Assert.Contains(reason, ReadLog()[logBefore..]);
    }

    /// <summary>A read in each service that the bureau may make (some roles get 403 there, none 401).</summary>
    private (ServiceProcess, string)[] Reads() =>
    [
        (system.Lead, "/api/enterprises?priority=A"), (system.Project, "/api/parks"),
        (system.Approval, "/api/approval-items/overdue"), (system.Funding, "/api/stats/funds?year=2026"),
    ];

    private static string ReadLog()
    {
        using var reader = new StreamReader(new FileStream(Path.Combine(TestEnvironment.LogDirectory, "identity.log"),
            FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    private async Task<HttpStatusCode> StatusAsync(ServiceProcess service, string token, string path)
    {
        using var client = system.Client(service, token);
        using var response = await client.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return response.StatusCode;
    }
}
