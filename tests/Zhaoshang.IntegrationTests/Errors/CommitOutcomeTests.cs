using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Errors;

/// <summary>
/// A 503 says what became of the change. Here the service's connection is cut while its COMMIT runs (held there by a
/// deferred trigger the test adds for one title), so the service cannot know whether the change was kept.
/// </summary>
[Collection(SystemCollection.Name)]
public class CommitOutcomeTests(SystemFixture system)
{
    private const string Stalled = "幂等测试：提交时断开";

    [Fact]
    public async Task A_failure_during_the_commit_says_the_outcome_is_unknown_and_a_retry_with_the_key_creates_once()
    {
        var staff = new Journey(system);
        var key = $"commit-cut-{Guid.NewGuid():N}";
        var title = $"{Stalled}{Guid.NewGuid():N}";
        var body = new { title, type = "Forum", region = "长三角", startsOn = "2026-11-21", leader = "招商局", major = false };
        await system.ExecuteAsync(system.Lead,
            $$"""
            CREATE OR REPLACE FUNCTION test_commit_stalls() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.title LIKE '{{Stalled}}%' THEN PERFORM pg_sleep(60); END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS test_commit_stalls ON promotion_events;
            CREATE CONSTRAINT TRIGGER test_commit_stalls AFTER INSERT ON promotion_events DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION test_commit_stalls();
            """);
        try
        {
            var sending = staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key);
            await Eventually.AssertAsync(
                () => system.ScalarAsync<int>(system.Lead,
                    """
                    SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
                    WHERE datname = current_database() AND query = 'COMMIT' AND wait_event = 'PgSleep'
                    """),
                cut => cut == 1, "the service's commit is cut");
            using var response = await sending;

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}: {text}");
            var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString();
            Assert.Contains("unknown", detail);
            Assert.Contains("same Idempotency-Key is safe", detail);
            Assert.DoesNotContain("Nothing was changed", detail);
        }
        finally
        {
            await system.ExecuteAsync(system.Lead,
                "DROP TRIGGER test_commit_stalls ON promotion_events; DROP FUNCTION test_commit_stalls();");
        }

        using var retry = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        using var again = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await system.ScalarAsync<int>(system.Lead, "SELECT count(*)::int FROM promotion_events WHERE title = @title", new { title }));
    }

    [Fact]
    public async Task A_failure_before_the_commit_still_says_nothing_was_changed()
    {
        // The same cut while the endpoint's INSERT waits on a lock the test holds: the transaction never reached its commit.
        var staff = new Journey(system);
        var body = new { title = $"幂等测试：提交前断开{Guid.NewGuid():N}", type = "Forum", region = "长三角", startsOn = "2026-11-21", leader = "招商局", major = false };
        await using (var holder = new NpgsqlConnection(TestEnvironment.ConnectionString("Lead")))
        {
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await holder.ExecuteAsync("LOCK TABLE promotion_events IN EXCLUSIVE MODE", transaction: hold);
            var sending = staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, $"before-commit-{Guid.NewGuid():N}");
            await Eventually.AssertAsync(
                () => system.ScalarAsync<int>(system.Lead,
                    """
                    SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                      AND query LIKE '%INSERT INTO promotion_events%'
                    """),
                cut => cut == 1, "the service's insert is cut");
            using var response = await sending;

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}: {text}");
            Assert.Equal("Nothing was changed. Retry in a few seconds.", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
        }
    }
}
