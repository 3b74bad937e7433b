using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.NodePlans.Plans;
using Zhaoshang.Project.NodePlans.Warnings;
using static Zhaoshang.Project.Lifecycle.StaffTransitionsApi;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>The node scanner on real PostgreSQL with a clock the test moves: yellow, a reminder, red, each once; cleared on completion.</summary>
[Collection(ProjectCollection.Name)]
public sealed class NodeScannerTests(ProjectDatabase fixture)
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));   // Friday, 10:00 in China

    [Fact]
    public async Task A_node_turns_yellow_then_red_and_each_grade_is_announced_once_to_its_owner()
    {
        var (projectId, node) = await SignedProjectAsync();
        var scanner = Scanner;
        Assert.Equal(new DateOnly(2026, 12, 4), node.PlannedOn);
        var assigned = (await NodePlansApi.AssignOwnerAsync(projectId, node.Id, new NodePlansApi.OwnerRequest("zhang.wei", "张伟", null, node.Version),
            ProjectDesk.Bureau, fixture.Db.Database, Rule, _clock, default)).Result;
        Assert.Equal("zhang.wei", Assert.IsType<Ok<NodeView>>(assigned).Value!.Owner);

        async Task<IReadOnlyList<string>> ScanOnAsync(int month, int day)
        {
            _clock.Now = new DateTimeOffset(2026, month, day, 2, 0, 0, TimeSpan.Zero);
            await scanner.ScanAsync(default);
            await scanner.ScanAsync(default);
            return await fixture.Db.QueryAsync<string>(
                """
                SELECT message_type || ' ' || coalesce(body ->> 'grade', body ->> 'reason', body ->> 'dueOn') || ' ' || coalesce(body -> 'recipients' ->> 0, '-')
                FROM outbox_messages WHERE body ->> 'itemKey' = @Key OR body ->> 'reminderKey' LIKE @Key || ':%' ORDER BY created_at, id
                """, new { Key = $"node:{node.Id}" });
        }

        Assert.Empty(await ScanOnAsync(11, 30));                               // 4 working days left: green
        Assert.Equal(["Zhaoshang.Contracts.WarningRaised yellow zhang.wei"], await ScanOnAsync(12, 1));
        Assert.Equal(2, (await ScanOnAsync(12, 3)).Count);                     // the working day before: a reminder
        Assert.EndsWith("ReminderDue 2026-12-04 zhang.wei", (await ScanOnAsync(12, 3))[1]);
        var red = await ScanOnAsync(12, 7);
        Assert.Equal("Zhaoshang.Contracts.WarningRaised red zhang.wei", Assert.Single(red, m => m.Contains(" red ")));
        Assert.Equal(3, red.Count);

        var overdue = (await NodeWarningsApi.ListAsync(null, ProjectDesk.District, null, "zhang.wei", "red", 1, 200, ProjectDesk.Bureau,
            fixture.Db.Database, Rule, new WarningOptions(), WorkCalendar.WeekendsOnly, _clock, default)).Result;
        var listed = Assert.Single(Assert.IsType<Ok<Zhaoshang.Platform.Paging.Page<NodeItem>>>(overdue).Value!.Items, i => i.Node.Id == node.Id);
        Assert.Equal((WarningGrades.Red, 1), (listed.Node.Grade, listed.Node.WorkingDays));

        await ProjectDesk.OkAsync(RegisterAsync(projectId, new RegisterRequest("云南测试项目有限公司", "91110000600037341L", null),
            ProjectDesk.Bureau, fixture.Db.Database, _clock, default));
        var cleared = await ScanOnAsync(12, 8);
        Assert.Equal("Zhaoshang.Contracts.WarningCleared 节点已完成 -", cleared[^1]);
        Assert.Equal(4, cleared.Count);
    }

    [Fact]
    public async Task A_grade_announced_and_cleared_since_opens_no_transaction_on_later_scans()
    {
        var (_, node) = await SignedProjectAsync();
        var scanner = Scanner;
        _clock.Now = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);   // 注册 due Friday 4 December: yellow, no reminder yet
        await scanner.ScanAsync(default);
        // Its warning cleared (the node re-planned away and back, say): the same grade on the same deadline is not announced
        // again, so a scan has nothing to write for it.
        Assert.Equal(1, await fixture.Db.ExecuteAsync(
            "UPDATE warning_notices SET cleared_at = now() WHERE item_key = @Key AND cleared_at IS NULL", new { Key = $"node:{node.Id}" }));

        var statements = await StatementsOfAsync(() => scanner.ScanAsync(default));

        Assert.Contains(statements, s => s.Contains("FROM warning_notices"));
        Assert.DoesNotContain(statements, s => s.Contains("INSERT INTO warning_notices"));
    }

    private static readonly WarningRule Rule = new(new WarningOptions(), WorkCalendar.WeekendsOnly);

    private NodeScanner Scanner => new(fixture.Db.Database, Rule, new WarningOptions(), WorkCalendar.WeekendsOnly, _clock,
        Options.Create(new NodeScanOptions()), NullLogger<NodeScanner>.Instance);

    /// <summary>A project signed today, and its 注册 node: planned 10 working days after signing, Friday 4 December.</summary>
    private async Task<(Guid ProjectId, (Guid Id, DateOnly PlannedOn, int Version) Node)> SignedProjectAsync()
    {
        var desk = new ProjectDesk(fixture.Db, _clock);
        var projectId = await desk.OpenAsync();
        await desk.SignAsync(projectId);
        return (projectId, (await fixture.Db.QueryAsync<(Guid Id, DateOnly PlannedOn, int Version)>(
            "SELECT id, planned_on, version FROM project_nodes WHERE project_id = @projectId AND code = 'registered'", new { projectId })).Single());
    }

    /// <summary>The SQL <paramref name="run"/> sends, from Npgsql's own spans of the activity it runs under.</summary>
    private static async Task<IReadOnlyList<string>> StatementsOfAsync(Func<Task> run)
    {
        var statements = new List<string>();
        using var scan = new Activity("scan").Start();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.TraceId == scan.TraceId && (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) is string sql)
                    lock (statements)
                        statements.Add(sql);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await run();
        lock (statements)
            return statements.ToList();
    }
}
