using System.Security.Claims;

namespace Zhaoshang.Platform.Security;

/// <summary>Who is acting: a member of staff, an approval system, or the system itself.</summary>
public sealed record Actor(string Subject, string Role, string? District = null, string? Park = null)
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string DistrictClaim = "district";
    public const string ParkClaim = "park";

    /// <summary>Changes no user asked for (e.g. a message that carries no actor).</summary>
    public static readonly Actor System = new("system", "system");

    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(SubjectClaim) ?? throw new InvalidOperationException("The principal has no subject."),
        user.FindFirstValue(RoleClaim) ?? throw new InvalidOperationException("The principal has no role."),
        user.FindFirstValue(DistrictClaim),
        user.FindFirstValue(ParkClaim));

    /// <summary>
    /// The district a list, KPI or statistic is narrowed to: district staff's own; null (no narrowing) for the others.
    /// District staff without a district (the token check refuses them already) get one that matches nothing, never "all".
    /// </summary>
    public string? OwnDistrict => Role == Roles.District ? District ?? "" : null;

    /// <summary>Whether this actor may see a record of <paramref name="scope"/>. Out of scope reads as "not found".</summary>
    public bool CanSee(RecordScope scope) => Role switch
    {
        Roles.Bureau or Roles.Auditor or Roles.Finance or Roles.ApprovalSystem or "system" => true,
        Roles.District => District is not null && District == scope.District,
        // A park claim may name the park or carry its id; by id, a renamed park keeps its staff.
        Roles.Park => Park is not null && (Park == scope.Park || Park == scope.ParkId?.ToString()),
        _ => false,
    };

    /// <summary>Whether this actor may change a record of <paramref name="scope"/> (the endpoint's roles permitting).</summary>
    public bool CanChange(RecordScope scope) => Role switch
    {
        Roles.Bureau or Roles.ApprovalSystem or "system" => true,
        Roles.District => District is not null && District == scope.District,
        _ => false,
    };
}

/// <summary>Where a record belongs, for access: its district (区县) and, once placed, its park (园区) by name and id.</summary>
public readonly record struct RecordScope(string District, string? Park = null, Guid? ParkId = null);
