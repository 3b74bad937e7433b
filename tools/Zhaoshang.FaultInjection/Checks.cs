using System.Diagnostics;
using Dapper;
using Npgsql;
using Zhaoshang.Load;

namespace Zhaoshang.FaultInjection;

/// <summary>After the faults: the system settles by itself, and then nothing is lost, nothing applied twice.</summary>
internal sealed class Checks(ServiceHost[] hosts, BrokerTap tap, ServiceDatabases databases, FaultJournal journal, FlowClient client)
{
    /// <summary>Projects that ended as the flow leads, every effect once.</summary>
    public int Completed { get; private set; }

    /// <summary>
    /// What never arrived: outbox rows unsent and service-queue messages left once settled, approval submissions missing
    /// from the approval system's queue, and projects short of a step (none of it applied twice).
    /// </summary>
    public long Lost { get; private set; }

    /// <summary>Projects with a transition, funds, a claim or a payment more than once.</summary>
    public int AppliedTwice { get; private set; }

    public async Task RunAsync(IReadOnlyList<ProjectRecord> records, FlowOptions flowOptions, Guid policyId, FaultPlan faults, Guid unknownRow)
    {
        await SettleAsync();
        await CheckHealthAsync();
        await CheckProjectsAsync(records, flowOptions, policyId);
        await CheckErrorQueuesAsync(faults.Poisoned);
        await CheckDuplicatesAsync(faults.Duplicated);
        await CheckDeadLettersAsync(unknownRow);
        await CheckSubmissionsAsync();
        var retries = client.Retries.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ×{r.Value}").ToList();
        journal.Did($"the driver retried: {(retries.Count == 0 ? "nothing" : string.Join(", ", retries))}; inboxes absorbed {await databases.RedeliveriesAsync()} redeliveries in all");
        if (client.Retries.TryGetValue("HTTP 500", out var errors))
            journal.Problem($"{errors} requests answered 500 during the faults (a service down or restarting should answer 503 or not at all)");
    }

    /// <summary>Every outbox sent and every service queue empty, without anyone's help.</summary>
    private async Task SettleAsync()
    {
        var clock = Stopwatch.StartNew();
        long unsent;
        int queued;
        do
        {
            await Task.Delay(500);
            unsent = await databases.UnsentOutboxAsync();
            queued = (await tap.QueuesAsync()).Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal) && !q.Name.StartsWith("amq.", StringComparison.Ordinal)
                                                         && q.Name != BrokerTap.ApprovalSystemQueue)
                .Sum(q => q.Messages);
        }
        while ((unsent > 0 || queued > 0) && clock.Elapsed < TimeSpan.FromMinutes(3));
        Lost += unsent + queued;

        if (unsent == 0 && queued == 0)
            journal.Found($"settled by itself in {clock.Elapsed.TotalSeconds:0.0} s: every outbox drained, every service queue empty");
        else
            journal.Problem($"not settled after 3 minutes: {unsent} outbox rows unsent, {queued} messages still queued");
    }

    /// <summary>
    /// Every instance healthy in every check, by itself: a receive endpoint that has not come back from the broker outage
    /// counts as stuck after the services' RecoveryTimeout (60 s), when the watchdog ends the process and its supervisor
    /// starts it again, so each instance gets that long and the restart on top.
    /// </summary>
    private async Task CheckHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        foreach (var host in hosts)
        {
            var (status, report, healthy) = (0, "", false);
            while (true)
            {
                try
                {
                    using var ready = await http.GetAsync(new Uri(host.BaseAddress, "/health/ready"));
                    (status, report) = ((int)ready.StatusCode, await ready.Content.ReadAsStringAsync());
                    // Readiness stays 200 with the broker or the bus degraded, so healthy means every check says so.
                    healthy = ready.IsSuccessStatusCode
                        && System.Text.Json.JsonDocument.Parse(report).RootElement.GetProperty("status").GetString() == "Healthy";
                }
                catch (HttpRequestException ex)
                {
                    (status, report, healthy) = (0, ex.Message, false);
                }

                if ((healthy && host.ProcessId is not null) || clock.Elapsed > TimeSpan.FromMinutes(2))
                    break;
                await Task.Delay(1000);
            }

            var restarts = host.UnexpectedExits == 0 ? "" : $"; it stopped itself {host.UnexpectedExits} time(s) (broker watchdog) and its supervisor started it again";
            if (healthy && host.ProcessId is not null)
                journal.Found($"{host.Label} healthy (/health/ready 200, every check Healthy) {clock.Elapsed.TotalSeconds:0} s into the checks, after the broker and database restarts, without manual action{restarts}");
            else
                journal.Problem($"{host.Label} not healthy after 2 minutes: /health/ready {status} {report}");
        }
    }

    private async Task CheckProjectsAsync(IReadOnlyList<ProjectRecord> records, FlowOptions flowOptions, Guid policyId)
    {
        var verifier = new FlowVerifier(client, flowOptions, policyId);
        var problems = new List<string>();
        foreach (var record in records)
        {
            var found = await verifier.VerifyAsync(record);
            problems.AddRange(found.Select(p => $"project #{record.Number} {record.ProjectId}: {p}"));
            Completed += found.Count == 0 ? 1 : 0;
            AppliedTwice += record.AppliedTwice ? 1 : 0;
            Lost += found.Count > 0 && !record.AppliedTwice ? 1 : 0;
        }

        if (problems.Count == 0)
            journal.Found($"all {records.Count} projects InProduction, each timeline exactly {string.Join(", ", FlowVerifier.ExpectedTimeline)}; " +
                          "verified funds on each; one incentive claim each, every stage paid once, paid total = award");
        foreach (var problem in problems.Take(20))
            journal.Problem(problem);
        if (problems.Count > 20)
            journal.Problem($"… and {problems.Count - 20} more");
    }

    private async Task CheckErrorQueuesAsync(IReadOnlyDictionary<string, Guid> poisoned)
    {
        var contents = await tap.ErrorQueueContentsAsync();
        var exact = true;
        foreach (var (queue, id) in poisoned)
        {
            var held = contents.GetValueOrDefault($"{queue}_error") ?? [];
            if (held.Count != 1 || held[0] != id.ToString())
            {
                exact = false;
                journal.Problem($"{queue}_error holds [{string.Join(", ", held)}], expected only the injected {id}");
            }
        }

        foreach (var (queue, held) in contents.Where(c => !poisoned.ContainsKey(c.Key[..^"_error".Length]) && c.Value.Count > 0))
        {
            exact = false;
            journal.Problem($"{queue} holds {held.Count} messages nobody injected: [{string.Join(", ", held.Take(5))}]");
        }

        if (exact)
            journal.Found($"the _error queues hold exactly the {poisoned.Count} injected malformed messages, one each, and nothing else");
    }

    private async Task CheckDuplicatesAsync(IReadOnlyList<Guid> duplicated)
    {
        var (rows, seenTwice) = await databases.InboxOfAsync(duplicated);
        if (duplicated.Count > 0 && rows > 0 && rows == seenTwice)
            journal.Found($"the {duplicated.Count} duplicated messages reached {rows} consumers; every one recorded the second delivery in its inbox and applied nothing twice");
        else
            journal.Problem($"duplicated messages: {rows} inbox rows, only {seenTwice} recorded a second delivery");
    }

    /// <summary>The outbox row of an unknown type set aside, and nothing else: everything newer went out.</summary>
    private async Task CheckDeadLettersAsync(Guid unknownRow)
    {
        var all = new List<(string Service, Guid Id)>();
        foreach (var service in LocalSystem.Services)
            all.AddRange((await UnknownOutboxRow.DeadLetteredAsync(databases[service])).Select(id => (service, id)));
        if (all.Count == 1 && all[0] == ("Project", unknownRow))
            journal.Found("the outbox row of an unknown type was set aside (dead-lettered) and every newer row went out");
        else
            journal.Problem($"dead-lettered outbox rows: [{string.Join(", ", all.Select(r => $"{r.Service} {r.Id}"))}], expected only project {unknownRow}");
    }

    /// <summary>Every submission the approval service published waits in the approval system's queue, which had no consumer.</summary>
    private async Task CheckSubmissionsAsync()
    {
        await using var connection = new NpgsqlConnection(databases["Approval"]);
        var published = (await connection.QueryAsync<Guid>(
            "SELECT id FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ApprovalSubmissionRequested'")).ToHashSet();
        var waiting = (await tap.DrainAsync(BrokerTap.ApprovalSystemQueue)).ToHashSet();
        Lost += published.Except(waiting).Count();
        if (published.Count > 0 && waiting.SetEquals(published))
            journal.Found($"all {published.Count} approval submissions were waiting in {BrokerTap.ApprovalSystemQueue} when the approval system connected");
        else
            journal.Problem($"{BrokerTap.ApprovalSystemQueue} held {waiting.Count} distinct submissions; the approval service published {published.Count}, " +
                            $"{published.Except(waiting).Count()} of them missing");
    }
}
