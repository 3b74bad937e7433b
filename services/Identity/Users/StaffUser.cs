using System.Security.Claims;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.Users;

/// <summary>A member of staff who signs in at the provider. The username is the tokens' <c>sub</c>.</summary>
public sealed record StaffUser(
    Guid Id, string Username, string DisplayName, string Role, string? District, string? Park, bool Disabled, int Version)
{
    public const string NameClaim = "name";

    /// <summary>What a token of this user says: sub, name, role and, for district and park staff, their district or park.</summary>
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(Actor.SubjectClaim, Username);
        yield return new Claim(NameClaim, DisplayName);
        yield return new Claim(Actor.RoleClaim, Role);
        if (Role == Roles.District)
            yield return new Claim(Actor.DistrictClaim, District!);
        if (Role == Roles.Park)
            yield return new Claim(Actor.ParkClaim, Park!);
    }
}

/// <summary>The rules of a staff account that hold without a database.</summary>
public static class StaffAccounts
{
    public const int MinPasswordLength = 10;

    /// <summary>District staff name exactly their district, park staff exactly their park, everyone else neither.</summary>
    public static ValidationErrors CheckScope(this ValidationErrors errors, string? role, string? district, string? park)
    {
        if (string.IsNullOrWhiteSpace(role) || !Roles.Staff.Contains(role))
            return errors.Add("role", $"'role' must be one of {string.Join(", ", Roles.Staff)}.");
        if (role == Roles.District)
            errors.RequireText("district", district, 50);
        else if (district is not null)
            errors.Add("district", "Only district staff have a district.");
        if (role == Roles.Park)
            errors.RequireText("park", park, 100);
        else if (park is not null)
            errors.Add("park", "Only park staff have a park.");
        return errors;
    }

    public static ValidationErrors CheckPassword(this ValidationErrors errors, string? password) =>
        password is null || password.Length < MinPasswordLength || password.Length > 200 || string.IsNullOrWhiteSpace(password)
            ? errors.Add("password", $"'password' must have {MinPasswordLength} to 200 characters.")
            : errors;

    /// <summary>Usernames are the tokens' subjects and appear in audit trails: letters, digits, '.', '-' and '_'.</summary>
    public static ValidationErrors CheckUsername(this ValidationErrors errors, string? username) =>
        string.IsNullOrEmpty(username) || username.Length > 64 || !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? errors.Add("username", "'username' must have 1 to 64 characters: ASCII letters, digits, '.', '-' or '_'.")
            : errors;
}
