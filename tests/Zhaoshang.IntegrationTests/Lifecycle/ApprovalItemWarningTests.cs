using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

/// <summary>An approval item under review graded against its statutory limit by the one warning rule as "now" moves.</summary>
[Collection(SystemCollection.Name)]
public class ApprovalItemWarningTests(SystemFixture system)
{
    [Fact]
    public async Task An_item_turns_yellow_before_its_limit_and_red_after_it_once_each_with_its_district()
    {
        var bureau = new Journey(system);
        var projectId = await bureau.SignedProjectAsync();
        var approvalCase = await bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/projects/{projectId}/approval-case");
        var caseId = await system.ScalarAsync<Guid>(system.Approval, "SELECT id FROM approval_cases WHERE project_id = @projectId", new { projectId });
        var item = approvalCase.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("status").GetString() == "Open" && i.GetProperty("dueOn").ValueKind == System.Text.Json.JsonValueKind.String);
        var code = item.GetProperty("code").GetString()!;
        var dueOn = DateOnly.Parse(item.GetProperty("dueOn").GetString()!);
        var itemKey = $"approval-item:{caseId}:{code}";

        // The limit's own day is yellow (no working day left); a week later it is red.
        await using (await system.ShiftClockAsync(At(dueOn), system.Approval))
        {
            await ExpectWarningAsync($"{itemKey}:{dueOn:yyyy-MM-dd}:yellow");
            await system.ShiftClockAsync(At(dueOn.AddDays(7)), system.Approval);
            var red = await ExpectWarningAsync($"{itemKey}:{dueOn:yyyy-MM-dd}:red");
            Assert.Contains(Journey.District, red);
            var overdue = await Eventually.AssertAsync(
                () => system.ScalarAsync<string?>(system.Approval,
                    "SELECT body::text FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ApprovalItemOverdue' AND body->>'caseId' = @caseId AND body->>'itemCode' = @code",
                    new { caseId = caseId.ToString(), code }),
                body => body is not null, "the missed limit is also announced as before, now with its district");
            Assert.Contains($"\"district\":\"{Journey.District}\"", overdue!.Replace(" ", ""));

            await Task.Delay(TimeSpan.FromSeconds(2.5)); // more scans announce nothing again
            Assert.Equal(1, await system.ScalarAsync<int>(system.Approval,
                "SELECT count(*)::int FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.WarningRaised' AND body->>'warningKey' = @key",
                new { key = $"{itemKey}:{dueOn:yyyy-MM-dd}:red" }));
        }
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

    private async Task<string> ExpectWarningAsync(string warningKey) =>
        (await Eventually.AssertAsync(
            () => system.ScalarAsync<string?>(system.Approval,
                "SELECT body::text FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.WarningRaised' AND body->>'warningKey' = @warningKey AND sent_at IS NOT NULL",
                new { warningKey }),
            body => body is not null, $"the scanner raises {warningKey} and the broker takes it"))!;
}
