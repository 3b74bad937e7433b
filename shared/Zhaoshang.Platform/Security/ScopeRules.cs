using System.Security.Claims;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// What a staff token must carry to be accepted at all. District and park staff are scoped by their claim: one
/// without it would otherwise pass role checks with no scope, so it is refused (401) rather than read as "all".
/// </summary>
public static class ScopeRules
{
    /// <summary>Why the principal is refused, or null when it carries a subject, a role and the scope its role needs.</summary>
    public static string? Refusal(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(Actor.SubjectClaim);
        var role = principal.FindFirstValue(Actor.RoleClaim);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(role))
            return "The token has no subject or no role.";
        if (role == Roles.District && string.IsNullOrWhiteSpace(principal.FindFirstValue(Actor.DistrictClaim)))
            return "A district token must name its district.";
        if (role == Roles.Park && string.IsNullOrWhiteSpace(principal.FindFirstValue(Actor.ParkClaim)))
            return "A park token must name its park.";
        return null;
    }
}
