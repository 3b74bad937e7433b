using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>Approval systems speak only through their signed channel; a refused request leaves no trace.</summary>
[Collection(SystemCollection.Name)]
public class WebhookTests(SystemFixture system)
{
    private static string Decision(string decisionId, string itemCode = "filing") => JsonSerializer.Serialize(new
    {
        decisionId, projectId = Guid.NewGuid(), itemCode, outcome = "Granted", decidedAt = DateTimeOffset.UtcNow,
        projectCode = "2611-530181-04-01-123456", remarks = "准予备案",
    });

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var client = system.Client(system.Approval, token: null);
        using (request)
        using (var response = await client.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    private Task<int> StoredAsync(string decisionId) =>
        system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM external_decisions WHERE decision_id = @decisionId", new { decisionId });

    private Task<int> NoncesAsync(string nonce) =>
        system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM webhook_nonces WHERE nonce = @nonce", new { nonce });

    [Fact]
    public async Task A_validly_signed_decision_is_recorded_once_and_audited_as_the_system()
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        var body = Decision(decisionId);
        var (status, receipt) = await SendAsync(ApprovalSystem.SignedDecision(body));
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());

        var (again, duplicate) = await SendAsync(ApprovalSystem.SignedDecision(body));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());
        Assert.Equal(receipt.GetProperty("id").GetGuid(), duplicate.GetProperty("id").GetGuid());
        Assert.Equal(1, await StoredAsync(decisionId));

        var recordId = receipt.GetProperty("id").GetGuid();
        Assert.Equal("tzxm/approval-system", await system.ScalarAsync<string>(system.Approval,
            "SELECT actor_subject || '/' || actor_role FROM audit_log WHERE record_id = @recordId", new { recordId }));
    }

    [Fact]
    public async Task A_bad_signature_is_refused_and_leaves_nothing()
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        var nonce = Guid.NewGuid().ToString("N");
        var (status, problem) = await SendAsync(ApprovalSystem.SignedDecision(Decision(decisionId), secret: "not-the-shared-secret", nonce: nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, await StoredAsync(decisionId));
        Assert.Equal(0, await NoncesAsync(nonce));

        // A body changed after signing fails the same way.
        var tampered = ApprovalSystem.SignedDecision(Decision(decisionId));
        tampered.Content = new StringContent(Decision(decisionId, "construction-permit"), System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(tampered)).Status);
        Assert.Equal(0, await StoredAsync(decisionId));
    }

    [Fact]
    public async Task A_stale_timestamp_is_refused()
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        var nonce = Guid.NewGuid().ToString("N");
        var request = ApprovalSystem.SignedDecision(Decision(decisionId), timestamp: DateTimeOffset.UtcNow.AddMinutes(-6), nonce: nonce);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(request)).Status);
        Assert.Equal(0, await StoredAsync(decisionId));
        Assert.Equal(0, await NoncesAsync(nonce));
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        var body = Decision(decisionId);
        var nonce = Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(ApprovalSystem.SignedDecision(body, timestamp: timestamp, nonce: nonce))).Status);
        var auditRows = await system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM audit_log WHERE record_type = 'ExternalDecision'");

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(ApprovalSystem.SignedDecision(body, timestamp: timestamp, nonce: nonce))).Status);
        Assert.Equal(1, await StoredAsync(decisionId));
        Assert.Equal(1, await NoncesAsync(nonce));
        Assert.Equal(auditRows, await system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM audit_log WHERE record_type = 'ExternalDecision'"));
    }

    [Fact]
    public async Task Unknown_systems_and_staff_tokens_cannot_use_the_channel()
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await SendAsync(ApprovalSystem.SignedDecision(Decision(decisionId), system: "unknown-platform"))).Status);

        using var bureau = system.Client(system.Approval);
        using var response = await bureau.PostAsync("/api/integrations/tzxm/decisions",
            new StringContent(Decision(decisionId), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredAsync(decisionId));
    }

    [Fact]
    public async Task A_signed_but_invalid_decision_names_its_fields()
    {
        var body = JsonSerializer.Serialize(new { decisionId = "", itemCode = "no-such-item" });
        var (status, problem) = await SendAsync(ApprovalSystem.SignedDecision(body));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
        Assert.Equal(["decidedAt", "decisionId", "itemCode", "outcome", "projectId"], errors);
    }
    [Fact]
    public async Task A_decision_refused_with_503_is_accepted_when_sent_again_with_the_same_nonce()
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        var body = Decision(decisionId);
        var nonce = Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow;
        const string waiting = "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
            + "AND query LIKE 'INSERT INTO external_decisions%'";

        // The decision's transaction blocks on the table and its session is cut off: the database failed under it.
        await using (var dataSource = NpgsqlDataSource.Create(TestEnvironment.ConnectionString(system.Approval.Name)))
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("LOCK TABLE external_decisions IN EXCLUSIVE MODE", transaction: transaction);
            var sending = SendAsync(ApprovalSystem.SignedDecision(body, timestamp: timestamp, nonce: nonce));
            await Eventually.AssertAsync(() => system.ScalarAsync<int>(system.Approval, $"SELECT count(*)::int {waiting}"), n => n == 1,
                "the decision waits for the table");
            await system.ExecuteAsync(system.Approval, $"SELECT pg_terminate_backend(pid) {waiting}");
            var (failed, problem) = await sending;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed);
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
        }

        Assert.Equal(0, await StoredAsync(decisionId));
        Assert.Equal(0, await NoncesAsync(nonce));

        // The approval system retries the very same request: it is a retry, not a replay.
        var (status, receipt) = await SendAsync(ApprovalSystem.SignedDecision(body, timestamp: timestamp, nonce: nonce));
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await StoredAsync(decisionId));
        Assert.Equal(1, await NoncesAsync(nonce));
    }

    [Fact]
    public async Task A_system_deciding_an_item_not_configured_for_it_is_refused_with_403_and_writes_nothing()
    {
        // The throttled system may decide only eia-form (ApprovalSystems:Items in the fixture); filing is tzxm's.
        var decisionId = $"EIA-{Guid.NewGuid():N}";
        var nonce = Guid.NewGuid().ToString("N");
        var (status, problem) = await SendThrottledAsync(() => ApprovalSystem.SignedDecision(
            Decision(decisionId, "filing"), secret: ApprovalSystem.ThrottledSecret, nonce: nonce, system: ApprovalSystem.Throttled));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("filing", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(decisionId));
        Assert.Equal(0, await NoncesAsync(nonce));
        Assert.Equal(0, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM audit_log WHERE record_type = 'ExternalDecision' AND after::text LIKE '%' || @decisionId || '%'", new { decisionId }));

        // Its own item is accepted.
        var allowed = $"EIA-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Accepted, (await SendThrottledAsync(() => ApprovalSystem.SignedDecision(
            Decision(allowed, "eia-form"), secret: ApprovalSystem.ThrottledSecret, system: ApprovalSystem.Throttled))).Status);
        Assert.Equal(1, await StoredAsync(allowed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_signed_body_over_the_limit_gets_413_and_writes_nothing(bool chunked)
    {
        var decisionId = $"TZXM-{Guid.NewGuid():N}";
        var nonce = Guid.NewGuid().ToString("N");
        var request = ApprovalSystem.SignedDecision(Decision(decisionId) + new string(' ', 1024 * 1024), nonce: nonce);
        request.Headers.TransferEncodingChunked = chunked;
        var (status, problem) = await SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("The request body is too large.", problem.GetProperty("title").GetString());
        Assert.Equal(0, await StoredAsync(decisionId));
        Assert.Equal(0, await NoncesAsync(nonce));
    }

    /// <summary>The throttled system's bucket is small (the rate-limit tests empty it): waits out its 429s.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> SendThrottledAsync(Func<HttpRequestMessage> request)
    {
        while (true)
        {
            var sent = await SendAsync(request());
            if (sent.Status != HttpStatusCode.TooManyRequests)
                return sent;
            await Task.Delay(TimeSpan.FromSeconds(sent.Body.GetProperty("retryAfterSeconds").GetInt32()));
        }
    }
}
