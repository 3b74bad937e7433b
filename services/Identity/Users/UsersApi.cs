using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.Users;

/// <summary>User and role administration (用户与角色管理), for the bureau: who may sign in, in which role and scope.</summary>
public static class UsersApi
{
    public const string Tag = "Users (用户)";

    public sealed record UserFilter(string? Role, string? District, string? Park, bool? IncludeDisabled);

    public static WebApplication MapUsersApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/users").WithTag(Tag, "Staff accounts: roles, districts and parks, disabling, passwords.");
        api.MapGet("/", ListUsersAsync).WithName("ListUsers").AllowRoles(Roles.Bureau)
            .WithSummary("Staff accounts, by role, district or park; disabled ones only when asked.");
        api.MapGet("/{id:guid}", GetUserAsync).WithName("GetUser").AllowRoles(Roles.Bureau)
            .WithSummary("One staff account.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<StaffUser>>> ListUsersAsync(
        [AsParameters] UserFilter filter, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<StaffUser>(
            $"""
            SELECT {UserStore.Columns} FROM staff_users
            WHERE (@Role::text IS NULL OR role = @Role) AND (@District::text IS NULL OR district = @District)
              AND (@Park::text IS NULL OR park = @Park) AND (@IncludeDisabled OR NOT disabled)
            ORDER BY username
            """,
            new { filter.Role, filter.District, filter.Park, IncludeDisabled = filter.IncludeDisabled ?? false });
        return TypedResults.Ok<IReadOnlyList<StaffUser>>(users.AsList());
    }

    internal static async Task<Results<Ok<StaffUser>, ProblemHttpResult>> GetUserAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<StaffUser>(
            $"SELECT {UserStore.Columns} FROM staff_users WHERE id = @id", new { id });
        return user is null ? Problems.NotFound("User", id) : TypedResults.Ok(user);
    }
}
