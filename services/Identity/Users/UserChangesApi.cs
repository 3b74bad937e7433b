using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.Users;

/// <summary>Creating staff accounts, changing their role and scope, disabling them and resetting passwords.</summary>
public static class UserChangesApi
{
    public sealed record CreateUserRequest(string? Username, string? DisplayName, string? Role, string? District, string? Park, string? Password);
    public sealed record UpdateUserRequest(string? DisplayName, string? Role, string? District, string? Park, bool? Disabled, int? Version);
    public sealed record PasswordRequest(string? Password);

    public static WebApplication MapUserChangesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/users").WithTags(UsersApi.Tag);
        api.MapPost("/", CreateUserAsync).WithName("CreateUser").AllowRoles(Roles.Bureau)
            .WithSummary("Creates a staff account (409 if the username is taken).");
        api.MapPut("/{id:guid}", UpdateUserAsync).WithName("UpdateUser").AllowRoles(Roles.Bureau)
            .WithSummary("Changes the display name, role, district or park, or disables/enables the account; takes the version read.");
        api.MapPut("/{id:guid}/password", ResetPasswordAsync).WithName("ResetUserPassword").AllowRoles(Roles.Bureau)
            .WithSummary("Sets a new password.");
        return app;
    }

    internal static async Task<Results<Created<StaffUser>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest request, HttpContext http, Database database, UserStore users, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().CheckUsername(request.Username).RequireText("displayName", request.DisplayName, 100)
            .CheckScope(request.Role, request.District, request.Park).CheckPassword(request.Password);
        if (!errors.IsValid)
            return errors.ToProblem();
        var user = new StaffUser(Guid.CreateVersion7(), request.Username!, request.DisplayName!.Trim(), request.Role!,
            request.District?.Trim(), request.Park?.Trim(), Disabled: false, Version: 1);
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        try
        {
            await work.ExecuteAsync(
                """
                INSERT INTO staff_users (id, username, display_name, role, district, park, password_hash)
                VALUES (@Id, @Username, @DisplayName, @Role, @District, @Park, @hash)
                """,
                new { user.Id, user.Username, user.DisplayName, user.Role, user.District, user.Park, hash = users.Hash(request.Password!) });
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Problems.Conflict("Duplicate username.", $"A user named {user.Username} exists already.");
        }

        await work.AuditAsync("User", user.Id, "created", null, user);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    internal static async Task<Results<Ok<StaffUser>, ValidationProblem, ProblemHttpResult>> UpdateUserAsync(
        Guid id, UpdateUserRequest request, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("displayName", request.DisplayName, 100)
            .CheckScope(request.Role, request.District, request.Park);
        if (request.Version is null)
            errors.Add("version", "'version' (the version read) is required.");
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(http.User);
        await using var work = await database.BeginAsync(actor, cancellationToken);
        var before = await work.QuerySingleOrDefaultAsync<StaffUser>(
            $"SELECT {UserStore.Columns} FROM staff_users WHERE id = @id FOR UPDATE", new { id });
        if (before is null)
            return Problems.NotFound("User", id);
        if (before.Version != request.Version)
            return Problems.Conflict("Stale version.", $"The user is at version {before.Version}, not {request.Version}; read it again.");
        var disabled = request.Disabled ?? before.Disabled;
        if (before.Username == actor.Subject && (disabled || request.Role != Roles.Bureau))
            return Problems.Conflict("Not on your own account.", "Bureau staff cannot disable themselves or give up their own bureau role.");
        var after = before with
        {
            DisplayName = request.DisplayName!.Trim(), Role = request.Role!, District = request.District?.Trim(), Park = request.Park?.Trim(),
            Disabled = disabled, Version = before.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE staff_users SET display_name = @DisplayName, role = @Role, district = @District, park = @Park,
                   disabled = @Disabled, version = @Version, updated_at = now()
            WHERE id = @Id
            """,
            after);
        await work.AuditAsync("User", id, "updated", before, after);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(after);
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        Guid id, PasswordRequest request, HttpContext http, Database database, UserStore users, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().CheckPassword(request.Password);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var changed = await work.ExecuteAsync(
            "UPDATE staff_users SET password_hash = @hash, version = version + 1, updated_at = now() WHERE id = @id",
            new { id, hash = users.Hash(request.Password!) });
        if (changed == 0)
            return Problems.NotFound("User", id);
        await work.AuditAsync("User", id, "password reset", null, null);
        await work.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
