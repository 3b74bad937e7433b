using Dapper;
using Microsoft.Extensions.Options;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.NodePlans.Fulfilment;
using Zhaoshang.Project.NodePlans.Plans;

namespace Zhaoshang.Project.NodePlans.Warnings;

public sealed class NodeScanOptions
{
    public const string Section = "NodePlans";

    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Grades the open nodes that can be other than green today and announces each grade of each deadline once
/// (<see cref="WarningRaised"/>, its notice row in the outbox message's transaction, so several instances announce it once),
/// and reminds the owner the working day before a node comes due (<see cref="ReminderDue"/>). First it makes the plans of
/// projects signed before node plans existed (<see cref="PlanBackfill"/>).
/// </summary>
internal sealed class NodeScanner(
    Database database, WarningRule rule, WarningOptions warnings, WorkCalendar calendar, TimeProvider clock,
    IOptions<NodeScanOptions> options, ILogger<NodeScanner> logger)
    : PeriodicScanner("project-nodes", options.Value.ScanInterval, clock, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await PlanBackfill.RunAsync(database, calendar, Clock, cancellationToken);
        var announced = await ScanAsync(cancellationToken);
        if (announced > 0)
            logger.LogInformation("Announced {Count} node warning(s) and reminder(s).", announced);
    }

    internal async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var today = Clock.TodayInChina();
        IReadOnlyList<(OpenNodes.Row Row, WarningStanding Standing)> open;
        HashSet<string> announcedKeys;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            open = [.. (await OpenNodes.PlannedByAsync(connection, today, OpenNodes.WindowEnd(today, Math.Max(warnings.YellowWithinWorkingDays, 1), calendar)))
                .Where(r => r.Node.CompletedOn is null)
                .Select(r => (r, rule.On(r.Node.PlannedOn, today)))];
            announcedKeys = await WarningNotices.AnnouncedAsync(connection,
                open.Where(o => o.Standing.Grade is not null).Select(o => WarningKey(o.Row.Node, o.Standing.Grade!)));
            announcedKeys.UnionWith(await connection.QueryAsync<string>(
                "SELECT reminder_key FROM reminder_notices WHERE reminder_key = ANY(@Keys)",
                new { Keys = open.Select(o => ReminderKey(o.Row.Node)).ToArray() }));
        }

        var announced = 0;
        foreach (var (row, standing) in open)
        {
            var node = row.Node;
            var itemKey = NodeNotices.ItemKey(node.Id);
            var warns = standing.Grade is { } due && !announcedKeys.Contains(WarningKey(node, due));
            var reminds = node.PlannedOn >= today && calendar.WorkingDaysBetween(today, node.PlannedOn) <= 1
                && !announcedKeys.Contains(ReminderKey(node));
            if (!warns && !reminds)
                continue;
            await using var work = await database.BeginAsync(Actor.System, cancellationToken);
            var now = Clock.GetUtcNow();
            if (warns && standing.Grade is { } grade && await work.AnnounceAsync(new WarningRaised(
                    WarningKey(node, grade), itemKey, "node", $"{row.EnterpriseName}：{node.Name}", grade,
                    node.PlannedOn, standing.WorkingDays, row.District, row.Park, row.ProjectId, Recipients(row, grade), Link(row), now)))
            {
                await work.AuditAsync("ProjectNode", node.Id, "warning raised", null, new { grade, node.PlannedOn, standing.WorkingDays });
                announced++;
            }

            // The working day before it comes due (or on the day, if the scan missed the day before): to its owner.
            if (reminds && await work.RemindAsync(new ReminderDue(
                    ReminderKey(node), "node", $"{row.EnterpriseName}：{node.Name} 将于 {node.PlannedOn:yyyy-MM-dd} 到期",
                    node.PlannedOn, row.District, row.Park, row.ProjectId, Recipients(row, WarningGrades.Yellow), Link(row), now)))
                announced++;
            await work.CommitAsync(cancellationToken);
        }

        return announced;
    }

    /// <summary>The owner; from grade leader on, the 包保领导 too (the bureau is reached as an audience).</summary>
    internal static IReadOnlyList<string> Recipients(OpenNodes.Row row, string grade)
    {
        var people = new List<string>();
        if (row.Node.Owner is { } owner)
            people.Add(owner);
        if (grade is WarningGrades.Leader or WarningGrades.Bureau && row.Leader is { } leader && !people.Contains(leader))
            people.Add(leader);
        return people;
    }

    private static string WarningKey(NodeRow node, string grade) => WarningGrades.WarningKey(NodeNotices.ItemKey(node.Id), node.PlannedOn, grade);

    private static string ReminderKey(NodeRow node) => $"{NodeNotices.ItemKey(node.Id)}:{node.PlannedOn:yyyy-MM-dd}:reminder";

    private static string Link(OpenNodes.Row row) => $"/projects/{row.ProjectId}/nodes";
}
