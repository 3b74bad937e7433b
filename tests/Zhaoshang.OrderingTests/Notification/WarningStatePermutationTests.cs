using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using Zhaoshang.Contracts;
using Zhaoshang.Notification.Deliveries;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.OrderingTests.Notification;

/// <summary>
/// The grades and clearances of a few deadlines — escalating, cleared, re-planned, cleared before they were raised, the same
/// grade from two paths on different days — in publish order and then shuffled with duplicates: every order leaves
/// warning_states (what the lists read) as the in-order run does.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed class WarningStatePermutationTests(NotificationDatabase fixture, ITestOutputHelper output)
{
    private static readonly DateOnly DueOn = new(2026, 11, 6);
    private static readonly DateOnly Replanned = new(2026, 11, 20);

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Grades_and_clearances_in_any_order_leave_the_same_warning_states()
    {
        var consumers = Consumers();
        var expected = await RunAsync(consumers, deliveries => deliveries);
        Assert.Contains("node:a@2026-11-06 leader since 11-14, opened 11-04, closed 11-16", expected);     // escalated, then met
        Assert.Contains("node:a@2026-11-20 yellow since 11-17, opened 11-17, open", expected);            // re-planned after it
        Assert.Contains("node:c@2026-11-06 red since 11-09, opened 11-09, open", expected);               // the older clearance is not its
        Assert.Contains("node:d@2026-11-06 red since 11-09, opened 11-09, closed 11-12", expected);
        Assert.Contains("approval-item:b@2026-11-06 red since 11-09, opened 11-09, closed 11-12", expected); // two paths, the earlier day

        var random = new Random(2029);
        var count = Permutations.Sampled(40);
        var differences = new List<string>();
        for (var permutation = 0; permutation < count; permutation++)
        {
            var actual = await RunAsync(consumers, deliveries => Permutations.Shuffle(deliveries, random));
            if (actual != expected)
                differences.Add($"permutation {permutation}:\n  in order {expected}\n  got      {actual}");
        }

        output.WriteLine($"{count} permutations with duplicates, {differences.Count} differing from the in-order states");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(3)));
    }

    private Consumers Consumers()
    {
        var book = new WarningBook(new DeliveryPlanner(new NoticeText(Options.Create(new NoticeTextOptions())), _clock));
        var database = fixture.Db.Database;
        return new Consumers()
            .Add(new WarningRaisedConsumer(database, book))
            .Add(new WarningClearedConsumer(database))
            .Add(new ApprovalItemOverdueConsumer(database, book, new WarningRule(new WarningOptions(), WorkCalendar.WeekendsOnly)))
            .Add(new CooperationIntentOverdueConsumer(database, book));
    }

    /// <summary>One run's deliveries on item keys of its own, then its states with the run's prefix taken out.</summary>
    private async Task<string> RunAsync(Consumers consumers, Func<IReadOnlyList<Delivery>, IReadOnlyList<Delivery>> arrange)
    {
        var run = Guid.NewGuid();
        await consumers.DeliverAllAsync(arrange(Deliveries(run)));
        var states = await fixture.Db.QueryAsync<(string ItemKey, DateOnly DueOn, string WarningKey, string Grade, DateOnly GradedOn, DateOnly OpenedOn, DateOnly? ClosedOn)>(
            """
            SELECT item_key, due_on, warning_key, grade, graded_on, opened_on, closed_on FROM warning_states
            WHERE item_key LIKE '%' || @run || '%' ORDER BY item_key, due_on
            """, new { run = run.ToString() });
        return string.Join("; ", states.Select(s =>
            $"{s.ItemKey.Replace($"{run}:", "")}@{s.DueOn:yyyy-MM-dd} {s.Grade} since {s.GradedOn:MM-dd}, opened {s.OpenedOn:MM-dd}, "
            + (s.ClosedOn is { } closed ? $"closed {closed:MM-dd}" : "open")
            + (s.WarningKey == WarningGrades.WarningKey(s.ItemKey, s.DueOn, s.Grade) ? "" : $" key {s.WarningKey}")));
    }

    private static DateTimeOffset On(int day, int hour = 2) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>Every item keyed by the run (the approval item's case, the intent).</summary>
    private static IReadOnlyList<Delivery> Deliveries(Guid run)
    {
        var a = $"node:{run}:a";
        var c = $"node:{run}:c";
        var d = $"node:{run}:d";
        var b = $"approval-item:{run}:b";
        Delivery Raise(string itemKey, string grade, DateOnly dueOn, int day) => Delivery.Of(new WarningRaised(
            WarningGrades.WarningKey(itemKey, dueOn, grade), itemKey, "node", "节点", grade, dueOn, 1, "安宁市", null, null, ["owner"], null, On(day)));
        Delivery Clear(string itemKey, int day) => Delivery.Of(new WarningCleared(itemKey, "met", On(day, 8)));
        return
        [
            Raise(a, WarningGrades.Yellow, DueOn, 4), Raise(a, WarningGrades.Red, DueOn, 9), Raise(a, WarningGrades.Leader, DueOn, 14),
            Clear(a, 16), Raise(a, WarningGrades.Yellow, Replanned, 17),
            Clear(c, 8), Raise(c, WarningGrades.Red, DueOn, 9),
            Raise(d, WarningGrades.Red, DueOn, 9), Clear(d, 12),
            Raise(b, WarningGrades.Red, DueOn, 9),
            // The same red from the overdue announcement, a day later: one warning, graded on the earlier day.
            Delivery.Of(new ApprovalItemOverdue(Guid.NewGuid(), run, "b", "审批事项", DueOn, On(10), "安宁市", null)),
            Clear(b, 12),
            Delivery.Of(new CooperationIntentOverdue(run, "Response", DueOn, 2, "安宁市", "宁德时代", On(11))),
            Raise($"intent:{run}:Response", WarningGrades.Red, DueOn, 10),
        ];
    }
}
