using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zhaoshang.Load;

/// <summary>Bearer tokens as the bureau's identity provider issues them (issuer zhaoshang, audience zhaoshang-api).</summary>
public static class StaffTokens
{
    public static string Issue(string signingKey, string role, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", $"load-driver-{role}"), new Claim("role", role)]),
            Issuer = "zhaoshang",
            Audience = "zhaoshang-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
