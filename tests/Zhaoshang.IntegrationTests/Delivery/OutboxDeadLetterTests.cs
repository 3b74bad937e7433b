using System.Net;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Delivery;

/// <summary>
/// An outbox row that cannot go out is set aside after its attempts instead of blocking the relay; operators see it in
/// /health/ready, list it and requeue it.
/// </summary>
[Collection(SystemCollection.Name)]
public class OutboxDeadLetterTests(SystemFixture system)
{
    private const int MaxAttempts = 5; // Outbox:MaxAttempts' default, which the test system keeps

    [Fact]
    public async Task An_outbox_row_of_an_unknown_type_is_set_aside_after_its_attempts_while_newer_rows_go_out()
    {
        var unknownRow = Guid.NewGuid();
        // Older than anything the journey writes, as a row left behind by a rollback or another build would be.
        await system.ExecuteAsync(system.Lead,
            """
            INSERT INTO outbox_messages (id, message_type, body, created_at)
            VALUES (@unknownRow, 'Zhaoshang.Contracts.RetiredMessage', '{}'::jsonb, now() - interval '1 minute')
            """,
            new { unknownRow });
        try
        {
            var journey = new Journey(system);
            var projectId = await journey.StartProjectAsync();
            await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating",
                "the conversion written after the unknown row goes out");

            await Eventually.AssertAsync(
                () => system.ScalarAsync<bool>(system.Lead,
                    "SELECT dead_lettered_at IS NOT NULL FROM outbox_messages WHERE id = @unknownRow", new { unknownRow }),
                deadLettered => deadLettered, "the unknown row is set aside", TimeSpan.FromSeconds(90));
            Assert.Equal(MaxAttempts, await system.ScalarAsync<int>(system.Lead,
                "SELECT failures FROM outbox_messages WHERE id = @unknownRow AND sent_at IS NULL", new { unknownRow }));
            Assert.Contains("Zhaoshang.Contracts.RetiredMessage", await system.ScalarAsync<string>(system.Lead,
                "SELECT last_error FROM outbox_messages WHERE id = @unknownRow", new { unknownRow }));
        }
        finally
        {
            await system.ExecuteAsync(system.Lead, "DELETE FROM outbox_messages WHERE id = @unknownRow", new { unknownRow });
        }
    }

    [Fact]
    public async Task A_set_aside_row_shows_in_health_ready_and_a_requeue_sends_it()
    {
        var messageId = Guid.NewGuid();
        var conversion = new CooperationIntentConverted(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "华为云（昆明）", TestData.NewUscc(), "电子信息", 800_000_000m,
            Journey.District, Journey.District, null, DateTimeOffset.UtcNow);
        await system.ExecuteAsync(system.Lead,
            """
            INSERT INTO outbox_messages (id, message_type, body, failures, last_error, dead_lettered_at)
            VALUES (@messageId, 'Zhaoshang.Contracts.CooperationIntentConverted', @Body::jsonb, 5, 'set aside by an earlier build',
                    now() - interval '1 hour')
            """,
            new { messageId, Body = JsonSerializer.Serialize(conversion, new JsonSerializerOptions(JsonSerializerDefaults.Web)) });
        var bureau = new Journey(system);
        try
        {
            var ready = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, "/health/ready");
            var outbox = ready.GetProperty("checks").GetProperty("outbox");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
            Assert.True(outbox.GetProperty("data").GetProperty("deadLettered").GetInt64() >= 1, outbox.ToString());
            Assert.True(outbox.GetProperty("data").GetProperty("oldestDeadLetteredAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(-59),
                outbox.ToString());
            Assert.Contains("set aside", outbox.GetProperty("description").GetString());

            var list = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, "/api/outbox/dead-letters");
            var listed = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == messageId);
            Assert.Equal("set aside by an earlier build", listed.GetProperty("lastError").GetString());
            Assert.Equal(conversion.ProjectId, listed.GetProperty("body").GetProperty("projectId").GetGuid());
            await new Journey(system, Tokens.For("district", Journey.District))
                .ExpectAsync(HttpStatusCode.Forbidden, system.Lead, HttpMethod.Post, $"/api/outbox/dead-letters/{messageId}/requeue");

            await bureau.ExpectAsync(HttpStatusCode.NoContent, system.Lead, HttpMethod.Post, $"/api/outbox/dead-letters/{messageId}/requeue");
            await bureau.WaitForProjectAsync(conversion.ProjectId, p => p.GetProperty("state").GetString() == "Negotiating",
                "the requeued conversion goes out and creates the project");
            await Eventually.AssertAsync(
                () => system.ScalarAsync<bool>(system.Lead, "SELECT sent_at IS NOT NULL FROM outbox_messages WHERE id = @messageId", new { messageId }),
                sent => sent, "the requeued row is marked sent");

            var again = await bureau.ExpectAsync(HttpStatusCode.Conflict, system.Lead, HttpMethod.Post, $"/api/outbox/dead-letters/{messageId}/requeue");
            Assert.Equal("sent", again.GetProperty("currentState").GetString());
            await bureau.ExpectAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Post, $"/api/outbox/dead-letters/{Guid.NewGuid()}/requeue");
            Assert.Equal(1, await system.ScalarAsync<int>(system.Lead,
                "SELECT count(*) FROM audit_log WHERE record_id = @messageId AND action = 'requeued' AND actor_role = 'bureau'", new { messageId }));
            var after = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, "/api/outbox/dead-letters");
            Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == messageId);
        }
        finally
        {
            await system.ExecuteAsync(system.Lead, "UPDATE outbox_messages SET dead_lettered_at = NULL, sent_at = now() WHERE id = @messageId AND sent_at IS NULL",
                new { messageId });
        }
    }
}
