using Zhaoshang.Contracts;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>
/// Writes what must go out for a notice, in the transaction that records it (like an outbox): an e-mail to each
/// recipient who gave an address and wants e-mail, and a message to each enabled channel whose scope and lowest grade
/// take it. A reminder goes to the channels only when one of its recipients asked for robot messages. The unique
/// (key, recipient or channel, kind) makes a second planning of the same notice a no-op.
/// </summary>
public sealed class DeliveryPlanner(NoticeText text, TimeProvider clock)
{
    public async Task PlanAsync(UnitOfWork work, Notice notice)
    {
        var parameters = new
        {
            notice.Key, Recipients = notice.Recipients.ToArray(), notice.District, notice.Park, rank = Notice.Rank(notice.Grade),
            grades = WarningGrades.All,
            isReminder = notice.Kind == Notice.Reminder, subject = text.Subject(notice), body = text.Markdown(notice),
            now = clock.GetUtcNow(),
        };
        await work.ExecuteAsync(
            """
            INSERT INTO deliveries (id, key, recipient, channel_kind, target, subject, body, status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), @Key, p.username, 'email', p.email, @subject, @body, 'pending', @now, @now
            FROM notification_preferences p
            WHERE p.username = ANY (@Recipients) AND p.email_enabled AND p.email IS NOT NULL
            ON CONFLICT (key, recipient, channel_kind) DO NOTHING
            """, parameters);
        await work.ExecuteAsync(
            """
            INSERT INTO deliveries (id, key, recipient, channel_kind, channel_id, target, subject, body, status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), @Key, 'channel:' || c.id, c.kind, c.id, c.target, @subject, @body, 'pending', @now, @now
            FROM notification_channels c
            WHERE c.enabled AND c.deleted_at IS NULL
              AND (c.scope_kind = 'city'
                   OR (c.scope_kind = 'district' AND c.scope_value = @District)
                   OR (c.scope_kind = 'park' AND c.scope_value = @Park))
              AND CASE WHEN @isReminder
                       THEN EXISTS (SELECT 1 FROM notification_preferences p WHERE p.username = ANY (@Recipients) AND p.robot_enabled)
                       ELSE array_position(@grades, c.min_grade) - 1 <= @rank END
            ON CONFLICT (key, recipient, channel_kind) DO NOTHING
            """, parameters);
    }
}
