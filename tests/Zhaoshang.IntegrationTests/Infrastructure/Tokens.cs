using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>Bearer tokens as the bureau's identity provider would issue them, signed with the test key.</summary>
internal static class Tokens
{
    public const string SigningKey = "zhaoshang-integration-test-signing-key-0123456789";
    public const string Issuer = "zhaoshang";
    public const string Audience = "zhaoshang-api";

    public static string For(string role, string? district = null, string? park = null, string key = SigningKey, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new("sub", $"test-{role}-{district ?? park ?? "city"}"), new("role", role) };
        if (district is not null)
            claims.Add(new Claim("district", district));
        if (park is not null)
            claims.Add(new Claim("park", park));
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static readonly string Bureau = For("bureau");
}
