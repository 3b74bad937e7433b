using System.Security.Claims;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// Fields that identify an enterprise (USCC) or reach a person (contacts): shown in full only to the roles that work
/// with them — the bureau and district staff who keep the target list, and auditors — and masked for everyone else.
/// </summary>
public static class SensitiveData
{
    private static readonly string[] SeeInFull = [Roles.Bureau, Roles.District, Roles.Auditor];

    public static bool SeesInFull(ClaimsPrincipal user) => SeeInFull.Any(user.IsInRole);

    /// <summary>The value for this user: itself, or its first four and last two characters with the rest as *.</summary>
    public static string? For(ClaimsPrincipal user, string? value) => value is null || SeesInFull(user) ? value : Mask(value);

    public static string Mask(string value) =>
        value.Length <= 6 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 6), value.AsSpan(value.Length - 2));
}
