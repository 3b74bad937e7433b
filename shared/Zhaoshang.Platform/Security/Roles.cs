namespace Zhaoshang.Platform.Security;

/// <summary>The roles a token can carry (claim <c>role</c>).</summary>
public static class Roles
{
    /// <summary>投资促进局: the whole city.</summary>
    public const string Bureau = "bureau";

    /// <summary>District staff: only their district's records (claim <c>district</c>).</summary>
    public const string District = "district";

    /// <summary>Park staff: only their park's projects (claim <c>park</c>).</summary>
    public const string Park = "park";

    /// <summary>Finance: funding approvals and payments.</summary>
    public const string Finance = "finance";

    /// <summary>Auditor: reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>A government approval system, authenticated by HMAC signature, never by token.</summary>
    public const string ApprovalSystem = "approval-system";

    public static readonly string[] Staff = [Bureau, District, Park, Finance, Auditor];
}
