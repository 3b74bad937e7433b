using Dapper;
using Microsoft.AspNetCore.Identity;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Identity.Users;

/// <summary>Reads staff accounts and checks passwords (PBKDF2 hashes of ASP.NET Core Identity's PasswordHasher).</summary>
public sealed class UserStore(Database database, IPasswordHasher<StaffUser> hasher)
{
    internal const string Columns = "id, username, display_name, role, district, park, disabled, version";

    // Compared against when the username is unknown, so that a wrong name costs as long as a wrong password.
    private readonly string _decoy = hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<StaffUser?> FindAsync(string? username, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username))
            return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffUser>(
            $"SELECT {Columns} FROM staff_users WHERE lower(username) = lower(@username)", new { username });
    }

    /// <summary>The enabled user with this username and password, or null.</summary>
    public async Task<StaffUser?> SignInAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
            return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, string PasswordHash)>(
            "SELECT id, password_hash FROM staff_users WHERE lower(username) = lower(@username)", new { username });
        var verdict = hasher.VerifyHashedPassword(null!, row.PasswordHash ?? _decoy, password);
        if (row.PasswordHash is null || verdict == PasswordVerificationResult.Failed)
            return null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await connection.ExecuteAsync("UPDATE staff_users SET password_hash = @hash WHERE id = @Id",
                new { hash = hasher.HashPassword(null!, password), row.Id });
        var user = await connection.QuerySingleAsync<StaffUser>($"SELECT {Columns} FROM staff_users WHERE id = @Id", new { row.Id });
        return user.Disabled ? null : user;
    }

    public string Hash(string password) => hasher.HashPassword(null!, password);
}
