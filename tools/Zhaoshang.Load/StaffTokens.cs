using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zhaoshang.Load;

/// <summary>Bearer tokens as the bureau's identity provider issues them (issuer zhaoshang, audience zhaoshang-api).</summary>
public static class StaffTokens
{
    public const string Issuer = "zhaoshang";
    public const string Audience = "zhaoshang-api";

    /// <summary>
    /// A token for <paramref name="subject"/> in <paramref name="role"/>, scoped to a district or park when given.
    /// A negative <paramref name="lifetime"/> gives a token that expired that long ago.
    /// </summary>
    public static string Issue(
        string signingKey, string subject, string role, TimeSpan lifetime, string? district = null, string? park = null)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (district is not null)
            claims.Add(new Claim("district", district));
        if (park is not null)
            claims.Add(new Claim("park", park));
        var now = DateTime.UtcNow;
        var expires = now + lifetime;
        var issued = expires < now ? expires.AddHours(-1) : now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
