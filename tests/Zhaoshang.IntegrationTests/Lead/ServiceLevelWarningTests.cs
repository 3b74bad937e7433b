using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lead;

/// <summary>An intent's service levels graded by the one warning rule as "now" moves: yellow, red, leader, then cleared.</summary>
[Collection(SystemCollection.Name)]
public class ServiceLevelWarningTests(SystemFixture system)
{
    [Fact]
    public async Task A_response_deadline_turns_yellow_then_red_then_escalates_and_clears_when_answered_and_a_next_step_reminds_its_owner()
    {
        var bureau = new Journey(system);
        var district = $"预警区-{Guid.NewGuid():N}"[..10];
        await using (await system.ShiftClockAsync(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), system.Lead))
        {
            var enterpriseId = await bureau.CreateEnterpriseAsync();
            // Received Monday 1 March 2027: respond by Tuesday the 2nd.
            var intentId = (await bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/intents", new
            {
                enterpriseId, industry = "新能源电池", intendedInvestment = 300_000_000m, district, receivedOn = "2027-03-01",
            })).GetProperty("id").GetGuid();
            var response = $"intent:{intentId}:Response";

            await ExpectWarningAsync($"{response}:2027-03-02:yellow", district);
            await system.ShiftClockAsync(new DateTimeOffset(2027, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)), system.Lead);
            await ExpectWarningAsync($"{response}:2027-03-02:red", district);
            await Eventually.AssertAsync(() => CountAsync("CooperationIntentOverdue", "intentId", intentId.ToString()),
                count => count == 1, "the missed deadline is also announced as before");
            // Late by more than 5 working days (Warnings:EscalateToLeaderAfter): escalated to the 包保领导.
            await system.ShiftClockAsync(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), system.Lead);
            await ExpectWarningAsync($"{response}:2027-03-02:leader", district);

            // Answering ends the response warnings; the next step it sets reminds the one who set it the working day before.
            await bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/follow-ups", new
            {
                kind = "Call", occurredOn = "2027-03-10", summary = "电话沟通投资计划", nextStep = "赴企业总部考察", nextStepOn = "2027-03-11",
            });
            await Eventually.AssertAsync(() => CountAsync("WarningCleared", "itemKey", response),
                count => count == 1, "the response warnings are cleared once answered");
            var reminder = await Eventually.AssertAsync(
                () => system.ScalarAsync<string?>(system.Lead,
                    "SELECT body::text FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ReminderDue' AND body->>'link' = @Link",
                    new { Link = $"/intents/{intentId}" }),
                body => body is not null, "the next step reminds its owner");
            Assert.Contains("赴企业总部考察", reminder);
            Assert.Contains("\"bureau\"", reminder); // the demo bureau user recorded it

            await Task.Delay(TimeSpan.FromSeconds(2.5)); // more scans announce nothing again
            Assert.Equal(1, await CountAsync("WarningRaised", "warningKey", $"{response}:2027-03-02:leader"));
            Assert.Equal(1, await CountAsync("WarningCleared", "itemKey", response));
        }
    }

    private async Task ExpectWarningAsync(string warningKey, string district)
    {
        var body = await Eventually.AssertAsync(
            () => system.ScalarAsync<string?>(system.Lead,
                "SELECT body::text FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.WarningRaised' AND body->>'warningKey' = @warningKey AND sent_at IS NOT NULL",
                new { warningKey }),
            b => b is not null, $"the scanner raises {warningKey} and the broker takes it");
        Assert.Contains(district, body);
    }

    private Task<int> CountAsync(string type, string field, string value) =>
        system.ScalarAsync<int>(system.Lead,
            $"SELECT count(*)::int FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.{type}' AND body->>'{field}' = @value",
            new { value });
}
