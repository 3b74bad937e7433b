using System.Net.Mail;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Notification.Preferences;

/// <summary>Each user's own notification preferences: the e-mail address warnings and reminders go to, and whether they want them.</summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification-preferences").WithTag("Notification preferences (通知设置)", "Each member of staff's own e-mail address and which channels may reach them.");
        api.MapGet("/me", GetAsync).WithName("GetMyNotificationPreferences").AllowRoles(Roles.Staff)
            .WithSummary("The caller's preferences (no address and nothing by e-mail until set).");
        api.MapPut("/me", SetAsync).WithName("SetMyNotificationPreferences").AllowRoles(Roles.Staff)
            .WithSummary("Sets the caller's e-mail address, whether warnings go there, and whether reminders also go to the group robots.");
        return app;
    }

    /// <summary>robotEnabled: the caller's reminders also go to the group robots of their district or park.</summary>
    public sealed record NotificationPreferences(string? Email, bool EmailEnabled, bool RobotEnabled);

    public sealed record PreferencesRequest(string? Email, bool? EmailEnabled, bool? RobotEnabled);

    internal static async Task<Ok<NotificationPreferences>> GetAsync(ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var preferences = await connection.QuerySingleOrDefaultAsync<NotificationPreferences>(
            "SELECT email, email_enabled, robot_enabled FROM notification_preferences WHERE username = @Subject",
            new { Actor.From(user).Subject });
        return TypedResults.Ok(preferences ?? new NotificationPreferences(null, false, false));
    }

    internal static async Task<Results<Ok<NotificationPreferences>, ValidationProblem>> SetAsync(
        PreferencesRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 320))
            errors.Add("email", "'email' is one e-mail address (name@example.gov.cn), or empty for none.");
        if (request.EmailEnabled is null)
            errors.Add("emailEnabled", "'emailEnabled' is required.");
        else if (request.EmailEnabled.Value && email is null)
            errors.Add("email", "'email' is needed for warnings by e-mail.");
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(user);
        var preferences = new NotificationPreferences(email, request.EmailEnabled!.Value, request.RobotEnabled ?? false);
        await using var work = await database.BeginAsync(actor, cancellationToken);
        await work.ExecuteAsync(
            """
            INSERT INTO notification_preferences (username, email, email_enabled, robot_enabled)
            VALUES (@Subject, @Email, @EmailEnabled, @RobotEnabled)
            ON CONFLICT (username) DO UPDATE SET email = excluded.email, email_enabled = excluded.email_enabled,
                                                 robot_enabled = excluded.robot_enabled
            """,
            new { actor.Subject, preferences.Email, preferences.EmailEnabled, preferences.RobotEnabled });
        await work.AuditAsync("NotificationPreferences", PreferencesId(actor.Subject), "set", null, preferences);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(preferences);
    }

    /// <summary>A stable record id per user, so the audit trail of their preferences can be looked up.</summary>
    private static Guid PreferencesId(string username) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"notification-preferences:{username}")));
}
