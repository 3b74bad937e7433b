using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Delivery;

/// <summary>
/// SIGTERM while messages are in flight: the service takes no new ones, finishes or returns what it holds, exports its
/// telemetry, exits 0 on its own before a supervisor would kill it, and after a restart every piece of work accepted before the signal is done exactly once. The tests
/// lock the service's inbox table, so its consumers are provably mid-message when the signal comes.
/// </summary>
[Collection(SystemCollection.Name)]
public class ShutdownTests(SystemFixture system)
{
    // The services' own timeouts end a shutdown in about 8 s; on a starved test machine the process takes longer to
    // exit, so the bound checked is the supervisors' kill (stop.sh, docker compose and Kubernetes: 30 s).
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_project_service_finishes_the_conversions_it_holds_takes_no_more_and_exits_0_in_time()
    {
        const int conversions = 40; // more than the endpoint prefetches (16), so some must still be in the queue
        var journey = new Journey(system);
        var intents = await Task.WhenAll(Enumerable.Range(0, conversions).Select(async _ =>
        {
            var intentId = await journey.CreateIntentAsync(await journey.CreateEnterpriseAsync());
            await journey.QualifyAsync(intentId);
            return intentId;
        }));

        Guid[] projectIds;
        (TimeSpan Elapsed, int ExitCode) stop;
        try
        {
            var held = await system.HoldInboxAsync(system.Project);
            Task<(TimeSpan Elapsed, int ExitCode)> terminating;
            try
            {
                projectIds = await Task.WhenAll(intents.Select(journey.ConvertAsync));
                await Eventually.AssertAsync(() => system.SessionsWaitingForLocksAsync(system.Project), n => n > 0,
                    "conversions are in the project service's consumers");
                // Every conversion is on the broker before the signal (a starved lead relay could otherwise still be
                // sending them after the project service's last consumer has finished).
                await AssertOutboxDrainedAsync(system.Lead);
                terminating = system.Project.TerminateAsync(TimeSpan.FromSeconds(45));
                // The held consumers are released only once the service has stopped taking messages, however slowly
                // a busy machine gets the signal to it.
                await Eventually.AssertAsync(() => Broker.SubscriptionsAsync("project-cooperation-intent-converted"), n => n == 0,
                    "the stopping service takes no more conversions");
                Assert.False(terminating.IsCompleted, "the service waits for the consumers it holds");
            }
            finally
            {
                await held.DisposeAsync();
            }

            stop = await terminating;
            // The held conversions finished; the service took no new ones, which wait in its queue.
            var created = await ProjectsAsync(projectIds);
            Assert.InRange(created, 1, conversions - 1);
            // Their telemetry was exported before the process exited: each finished conversion's span is here.
            var finished = await system.ScalarAsync<Guid[]>(system.Project,
                "SELECT array_agg(id) FROM projects WHERE id = ANY(@projectIds)", new { projectIds });
            var exported = system.Traces.Spans.Where(s => s.Service == "zhaoshang-project" && s.Name == "open project")
                .Select(s => s.Attributes.GetValueOrDefault("zhaoshang.project.id")).ToHashSet();
            Assert.All(finished, id => Assert.Contains(id.ToString(), exported));
            await Eventually.AssertAsync(
                () => system.Broker.PeekAsync("project-cooperation-intent-converted"),
                queued => queued.Count(m => projectIds.Any(id => m.Body.Contains(id.ToString()))) == conversions - created,
                "the conversions the service did not take wait in its queue");
        }
        finally
        {
            await StartIfStoppedAsync(system.Project);
        }

        Assert.Equal(0, stop.ExitCode);
        Assert.True(stop.Elapsed < Deadline, $"the project service took {stop.Elapsed.TotalSeconds:F1} s to stop");

        await Eventually.AssertAsync(() => ProjectsAsync(projectIds), n => n == conversions,
            "every conversion accepted before the signal creates its project after the restart", TimeSpan.FromSeconds(30));
        Assert.Equal(conversions, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM project_timeline WHERE project_id = ANY(@projectIds)", new { projectIds }));
        await AssertOutboxDrainedAsync(system.Project);
        Assert.Equal(conversions, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ProjectOpened' AND (body->>'projectId')::uuid = ANY(@projectIds)",
            new { projectIds }));
    }

    [Fact]
    public async Task The_approval_service_returns_messages_its_stuck_consumers_hold_and_still_exits_0_in_time()
    {
        var journey = new Journey(system);
        var projectIds = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var projectId = await journey.StartProjectAsync();
            await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
            return projectId;
        }));
        var decisions = Enumerable.Range(0, 20).Select(_ => (MessageId: Guid.NewGuid(), Decision: new ApprovalDecisionReported(
            ApprovalSystem.Name, $"SHUTDOWN-{Guid.NewGuid():N}", Guid.NewGuid(), "eia-form", "Granted", DateTimeOffset.UtcNow, null, "环评批复")))
            .ToArray();
        var decisionIds = decisions.Select(d => d.Decision.DecisionId).ToArray();

        (TimeSpan Elapsed, int ExitCode) stop;
        try
        {
            // The lock outlasts the whole shutdown: the consumers can neither finish nor be waited for.
            await using (await system.HoldInboxAsync(system.Approval))
            {
                foreach (var projectId in projectIds)
                    await journey.SignAsync(projectId);
                foreach (var (messageId, decision) in decisions)
                    await system.Broker.PublishAsync(messageId, decision);
                await Eventually.AssertAsync(() => system.SessionsWaitingForLocksAsync(system.Approval), n => n > 0,
                    "signings and decisions are in the approval service's consumers");

                stop = await system.Approval.TerminateAsync(TimeSpan.FromSeconds(45));

                Assert.Equal(0, await CasesAsync(projectIds));
                Assert.Equal(0, await DecisionsAsync(decisionIds));
            }

            // What the consumers held went back to the queues, none of it to an _error queue.
            await Eventually.AssertAsync(() => system.Broker.PeekAsync("approval-project-signed"),
                queued => projectIds.All(id => queued.Any(m => m.Body.Contains(id.ToString()))), "the signings are back in their queue");
            await Eventually.AssertAsync(() => system.Broker.PeekAsync("approval-approval-decision-reported"),
                queued => decisionIds.All(id => queued.Any(m => m.Body.Contains(id))), "the decisions are back in their queue");
            foreach (var errorQueue in new[] { "approval-project-signed_error", "approval-approval-decision-reported_error" })
            {
                var failed = await system.Broker.PeekIfDeclaredAsync(errorQueue);
                Assert.DoesNotContain(failed, m => projectIds.Any(id => m.Body.Contains(id.ToString())) || decisionIds.Any(m.Body.Contains));
            }
        }
        finally
        {
            await StartIfStoppedAsync(system.Approval);
        }

        Assert.Equal(0, stop.ExitCode);
        Assert.True(stop.Elapsed < Deadline, $"the approval service took {stop.Elapsed.TotalSeconds:F1} s to stop");

        await Eventually.AssertAsync(() => DecisionsAsync(decisionIds), n => n == decisionIds.Length,
            "every decision accepted before the signal is recorded after the restart", TimeSpan.FromSeconds(30));
        foreach (var projectId in projectIds)
        {
            var project = await journey.WaitForProjectAsync(projectId, p => p.GetProperty("approval").ValueKind == JsonValueKind.Object,
                "the approval case opens after the restart");
            Assert.Equal("Signed", project.GetProperty("state").GetString());
        }

        Assert.Equal(projectIds.Length, await CasesAsync(projectIds));
        Assert.Equal(9 * projectIds.Length, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM approval_items i JOIN approval_cases c ON c.id = i.case_id WHERE c.project_id = ANY(@projectIds)",
            new { projectIds }));
        Assert.Equal(projectIds.Length, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM project_timeline WHERE project_id = ANY(@projectIds) AND to_state = 'Signed'", new { projectIds }));
        await AssertOutboxDrainedAsync(system.Approval);
        Assert.Equal(projectIds.Length, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ApprovalCaseOpened' AND (body->>'projectId')::uuid = ANY(@projectIds)",
            new { projectIds }));
    }

    private Task<int> ProjectsAsync(Guid[] projectIds) =>
        system.ScalarAsync<int>(system.Project, "SELECT count(*) FROM projects WHERE id = ANY(@projectIds)", new { projectIds });

    private Task<int> CasesAsync(Guid[] projectIds) =>
        system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM approval_cases WHERE project_id = ANY(@projectIds)", new { projectIds });

    private Task<int> DecisionsAsync(string[] decisionIds) =>
        system.ScalarAsync<int>(system.Approval, "SELECT count(*) FROM external_decisions WHERE decision_id = ANY(@decisionIds)", new { decisionIds });

    private Task AssertOutboxDrainedAsync(ServiceProcess service) =>
        Eventually.AssertAsync(
            () => system.ScalarAsync<int>(service, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"),
            pending => pending == 0, $"the {service.Name} service's outbox is drained");

    private static async Task StartIfStoppedAsync(ServiceProcess service)
    {
        if (!service.IsRunning)
            await service.StartAsync();
    }
}
