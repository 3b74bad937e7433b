using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Observability;

/// <summary>
/// What an operator receives over OTLP: one project's spans and log lines, found by its id, from all four services;
/// the consumer, inbox, _error queue and outbox metrics moving as messages flow, fail and wait.
/// </summary>
[Collection(SystemCollection.Name)]
public class TelemetryTests(SystemFixture system)
{
    private const string ProjectIdTag = "zhaoshang.project.id";

    [Fact]
    public async Task A_projects_spans_log_lines_and_exemplars_are_found_by_its_id_in_all_four_services()
    {
        var journey = new Journey(system);
        var projectId = await journey.SignedProjectAsync();
        var id = projectId.ToString();

        var spans = await Eventually.AssertAsync(
            () => Task.FromResult(system.Traces.Spans.Where(s => s.Attributes.GetValueOrDefault(ProjectIdTag) == id).ToList()),
            found => found.Select(s => s.Service).Distinct().Count() == 4,
            "spans tagged with the project id arrive from all four services");
        Assert.Equal(
            ["zhaoshang-approval", "zhaoshang-funding", "zhaoshang-lead", "zhaoshang-project"],
            spans.Select(s => s.Service).Distinct().Order());
        // Spans started under a tagged one carry it too: the SQL the sign request ran.
        Assert.Contains(spans, s => s.Service == "zhaoshang-project" && s.Scope == "Npgsql");

        // The conversion's log line carries the request's trace (the journey's) and the project id.
        var converted = await Eventually.AssertAsync(
            () => Task.FromResult(system.Traces.Logs.Where(l => l.Attributes.GetValueOrDefault(ProjectIdTag) == id).ToList()),
            found => found.Any(l => l.Service == "zhaoshang-lead" && l.Body.Contains("converted into project")),
            "the lead service's log line about the conversion arrives");
        Assert.Contains(converted, l => l.Body.Contains("converted into project") && l.TraceId == journey.TraceId && l.SpanId.Length == 16);

        // The sign request's duration: one series per route (no project id in it), and an exemplar that leads to the
        // journey's trace and names the project.
        var signed = await Eventually.AssertAsync(
            () => Task.FromResult(system.Traces.Metrics.Where(m => m.Service == "zhaoshang-project" && m.Name == "http.server.request.duration"
                && m.Attributes.GetValueOrDefault("http.route") == "/api/projects/{id:guid}/sign").ToList()),
            found => found.SelectMany(m => m.Exemplars).Any(e => e.FilteredAttributes.GetValueOrDefault(ProjectIdTag) == id),
            "an exemplar of the sign request's duration carries the project id");
        Assert.DoesNotContain(signed, m => m.Attributes.ContainsKey(ProjectIdTag));
        Assert.Contains(signed.SelectMany(m => m.Exemplars), e => e.FilteredAttributes.GetValueOrDefault(ProjectIdTag) == id && e.TraceId == journey.TraceId);
    }

    [Fact]
    public async Task A_consumed_message_bumps_its_consumers_counter_and_a_redelivery_the_inbox_duplicates()
    {
        const string consumer = "ApprovalDecisionReportedConsumer";
        var consumedBefore = Counted("zhaoshang-approval", "messaging.masstransit.consume", consumer);
        var duplicatesBefore = Counted("zhaoshang-approval", "zhaoshang.inbox.duplicates", consumer);
        var messageId = Guid.NewGuid();
        var decision = new ApprovalDecisionReported(
            ApprovalSystem.Name, $"METRICS-{Guid.NewGuid():N}", Guid.NewGuid(), "eia-form", "Granted", DateTimeOffset.UtcNow, null, "环评批复");

        await system.Broker.PublishAsync(messageId, decision);
        await system.Broker.PublishAsync(messageId, decision);

        await Eventually.AssertAsync(
            () => Task.FromResult(Counted("zhaoshang-approval", "messaging.masstransit.consume", consumer)),
            consumed => consumed >= consumedBefore + 2, "the approval service counts both deliveries as consumed");
        await Eventually.AssertAsync(
            () => Task.FromResult(Counted("zhaoshang-approval", "zhaoshang.inbox.duplicates", consumer)),
            duplicates => duplicates >= duplicatesBefore + 1, "the second delivery counts as a duplicate the inbox absorbed");
    }

    [Fact]
    public async Task A_message_that_fails_counts_against_its_consumer_and_raises_its_error_queues_depth()
    {
        const string consumer = "CooperationIntentConvertedConsumer", errorQueue = "project-cooperation-intent-converted_error";
        var failuresBefore = Counted("zhaoshang-project", "messaging.masstransit.consume.errors", consumer);
        var depthBefore = Gauge("zhaoshang-project", "zhaoshang.error_queue.depth", errorQueue);
        // Invalid (a negative investment, no district): it goes to the _error queue at once, without retries.
        await system.Broker.PublishAsync(Guid.NewGuid(), new CooperationIntentConverted(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "无效转化", null, "光伏", -1m, "", "", null, DateTimeOffset.UtcNow));

        await Eventually.AssertAsync(
            () => Task.FromResult(Counted("zhaoshang-project", "messaging.masstransit.consume.errors", consumer)),
            failures => failures >= failuresBefore + 1, "the project service counts the failure against the consumer");
        await Eventually.AssertAsync(
            () => Task.FromResult(Gauge("zhaoshang-project", "zhaoshang.error_queue.depth", errorQueue)),
            depth => depth >= depthBefore + 1, $"{errorQueue}'s depth shows the message");
    }

    [Fact]
    public async Task An_unsent_outbox_row_raises_the_outbox_lag_until_it_is_gone()
    {
        var rowId = Guid.NewGuid();
        // Unsent for ten minutes, and not due for another try for an hour, so the relay leaves it where it is.
        await system.ExecuteAsync(system.Lead,
            """
            INSERT INTO outbox_messages (id, message_type, body, created_at, retry_at)
            VALUES (@rowId, 'Zhaoshang.Contracts.RetiredMessage', '{}'::jsonb, now() - interval '10 minutes', now() + interval '1 hour')
            """,
            new { rowId });
        try
        {
            await Eventually.AssertAsync(
                () => Task.FromResult(Gauge("zhaoshang-lead", "zhaoshang.outbox.oldest_age")),
                age => age >= 600, "the lead service's outbox lag shows the ten-minute-old row");
            Assert.True(Gauge("zhaoshang-lead", "zhaoshang.outbox.waiting") >= 1);
        }
        finally
        {
            await system.ExecuteAsync(system.Lead, "DELETE FROM outbox_messages WHERE id = @rowId", new { rowId });
        }

        await Eventually.AssertAsync(
            () => Task.FromResult(Gauge("zhaoshang-lead", "zhaoshang.outbox.oldest_age")),
            age => age < 600, "the lag falls back once the row is gone");
    }

    /// <summary>
    /// A counter of one service: the latest value of each series (whose attributes mention
    /// <paramref name="seriesContaining"/>) summed over the service's processes, so that a restart (a new process counts
    /// from 0) does not make it fall; 0 before any arrived.
    /// </summary>
    private double Counted(string service, string metric, string seriesContaining) =>
        Points(service, metric)
            .Where(m => m.Attributes.Values.Any(v => v.Contains(seriesContaining, StringComparison.Ordinal)))
            .GroupBy(m => m.Instance + ";" + string.Join(';', m.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")))
            .Sum(series => series.Last().Value);

    /// <summary>
    /// A gauge of one service as its running process last reported it: its only series, or the one whose attributes
    /// mention <paramref name="series"/>; 0 before any arrived.
    /// </summary>
    private double Gauge(string service, string metric, string? series = null) =>
        Points(service, metric).Where(m => series is null || m.Attributes.Values.Contains(series)).ToList() is [.., var last] ? last.Value : 0;

    private List<ReceivedMetric> Points(string service, string metric) =>
        system.Traces.Metrics.Where(m => m.Service == service && m.Name == metric).ToList();
}
