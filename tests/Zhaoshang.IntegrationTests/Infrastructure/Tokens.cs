using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// Staff tokens from the test system's OpenID Connect provider (password grant), one per role and scope, cached for
/// the run: the provider's demo users where one fits, otherwise a user the bureau creates through the user API.
/// <see cref="Forge"/> makes the tokens the provider never issues, for the refusals.
/// </summary>
internal static class Tokens
{
    public const string CliSecret = "zhaoshang-integration-test-cli-secret";
    public const string DemoPassword = "zhaoshang-integration-test-demo-password";
    public const string Audience = "zhaoshang-api";

    private static readonly ConcurrentDictionary<(string Role, string? District, string? Park), Lazy<string>> Issued = new();

    private static readonly Dictionary<(string, string?, string?), string> DemoUsers = new()
    {
        [("bureau", null, null)] = "bureau", [("finance", null, null)] = "finance", [("auditor", null, null)] = "auditor",
        [("district", "安宁市", null)] = "anning", [("district", "呈贡区", null)] = "chenggong", [("park", null, "安宁工业园区")] = "anning-park",
    };

    /// <summary>A key of the tests' own, unknown to the provider (an attacker's or another issuer's).</summary>
    public static readonly RsaSecurityKey ForeignKey = NewKey();

    public static string Bureau => For("bureau");

    public static string For(string role, string? district = null, string? park = null) =>
        Issued.GetOrAdd((role, district, park), key => new Lazy<string>(() => Task.Run(() => SignInAsync(key)).GetAwaiter().GetResult())).Value;

    /// <summary>A token by the password grant, as token.sh and the tools get theirs.</summary>
    public static Task<string> SignInAsync(string username, string password) =>
        StaffTokens.SignInAsync(TestEnvironment.IdentityAuthority, CliSecret, username, password);

    private static async Task<string> SignInAsync((string Role, string? District, string? Park) scope)
    {
        if (DemoUsers.TryGetValue(scope, out var demo))
            return await SignInAsync(demo, DemoPassword);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope.District}|{scope.Park}")))[..12];
        var username = $"t-{scope.Role}-{hash}";
        using var http = new HttpClient { BaseAddress = TestEnvironment.IdentityAuthority };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Bureau);
        using var created = await http.PostAsJsonAsync("/api/users", new
        {
            username, displayName = $"测试 {scope.Role} {scope.District ?? scope.Park}", role = scope.Role, district = scope.District,
            park = scope.Park, password = DemoPassword,
        });
        // 409: an earlier run against the same database created it already, with the same password.
        if (!created.IsSuccessStatusCode && created.StatusCode != System.Net.HttpStatusCode.Conflict)
            throw new InvalidOperationException($"Creating {username} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return await SignInAsync(username, DemoPassword);
    }

    /// <summary>
    /// A token the provider would not issue: signed with the provider's current key (or <paramref name="key"/>),
    /// with exactly these claims, issuer, audience and lifetime. <paramref name="role"/> "" leaves out the role.
    /// </summary>
    public static string Forge(
        string role, string? district = null, string? park = null, string? issuer = null, string audience = Audience,
        TimeSpan? lifetime = null, RsaSecurityKey? key = null)
    {
        var claims = new List<Claim> { new("sub", $"forged-{role}") };
        if (role.Length > 0)
            claims.Add(new Claim("role", role));
        if (district is not null)
            claims.Add(new Claim("district", district));
        if (park is not null)
            claims.Add(new Claim("park", park));
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var issued = expires < now ? expires.AddHours(-1) : now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer ?? TestEnvironment.IdentityAuthority.ToString(),
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key ?? ProviderKey(), SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The key the provider signs with now: the last signing-*.pem by name in its key folder.</summary>
    public static RsaSecurityKey ProviderKey()
    {
        var file = Directory.GetFiles(TestEnvironment.IdentityKeyDirectory, "signing-*.pem").Order(StringComparer.Ordinal).Last();
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        return WithKeyId(new RsaSecurityKey(rsa));
    }

    public static RsaSecurityKey NewKey() => WithKeyId(new RsaSecurityKey(RSA.Create(2048)));

    /// <summary>The key id as the provider computes it (RFC 7638 thumbprint).</summary>
    private static RsaSecurityKey WithKeyId(RsaSecurityKey key)
    {
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
