using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lead;

/// <summary>项目流转: district scoping before and after an intent moves to another district.</summary>
[Collection(SystemCollection.Name)]
public class TransferTests(SystemFixture system)
{
    private const string Receiving = "麒麟区";

    [Fact]
    public async Task A_transferred_intent_belongs_to_the_new_district_and_stays_in_the_first_ones_history()
    {
        var first = new Journey(system, Tokens.For("district", district: Journey.District));
        var second = new Journey(system, Tokens.For("district", district: Receiving));
        var stranger = new Journey(system, Tokens.For("district", district: "呈贡区"));

        var enterpriseId = await new Journey(system).CreateEnterpriseAsync();
        var intentId = await first.CreateIntentAsync(enterpriseId);
        await first.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/follow-ups", new
        {
            kind = "VisitIn", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), summary = "企业来访，园区用地不匹配",
        });

        // Before: the receiving district neither sees nor lists it.
        await second.ExpectAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}");
        var secondsList = await second.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents?enterpriseId={enterpriseId}");
        Assert.Equal(0, secondsList.GetProperty("total").GetInt64());
        await second.ExpectAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/transfer", new
        {
            toDistrict = Receiving, reason = "抢项目",
        });

        var moved = await first.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/transfer", new
        {
            toDistrict = Receiving, reason = "项目需要500亩以上工业用地，麒麟区园区更合适",
        });
        Assert.Equal(Receiving, moved.GetProperty("district").GetString());
        Assert.Equal(Journey.District, moved.GetProperty("firstDistrict").GetString());

        // After: the receiving district sees, lists and works it; the first district still sees it but cannot change it.
        await second.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}");
        secondsList = await second.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents?enterpriseId={enterpriseId}");
        Assert.Equal(1, secondsList.GetProperty("total").GetInt64());
        await second.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/qualify", new { reason = "用地条件满足" });
        await first.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}");
        // The first district lists and counts it too (counted apart from its own intents, through previous_districts).
        var firstsList = await first.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents?enterpriseId={enterpriseId}");
        Assert.Equal(1, firstsList.GetProperty("total").GetInt64());
        Assert.Equal(intentId, Assert.Single(firstsList.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var strangersList = await stranger.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents?enterpriseId={enterpriseId}");
        Assert.Equal(0, strangersList.GetProperty("total").GetInt64());
        await first.ExpectAsync(HttpStatusCode.Forbidden, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/drop", new { reason = "不该成功" });
        await stranger.ExpectAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}/history");

        foreach (var staff in new[] { first, second })
        {
            var history = await staff.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}/history");
            var transfer = Assert.Single(history.EnumerateArray(), e => e.GetProperty("action").GetString() == "transferred");
            Assert.Equal(Journey.District, transfer.GetProperty("before").GetProperty("district").GetString());
            Assert.Equal(Receiving, transfer.GetProperty("after").GetProperty("district").GetString());
            Assert.Equal(Journey.District, transfer.GetProperty("actorDistrict").GetString());
        }

        Assert.Equal(1, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentTransferred' AND body->>'intentId' = @Id",
            new { Id = intentId.ToString() }));

        var projectId = await second.ConvertAsync(intentId);
        var project = await new Journey(system).WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project arrives");
        Assert.Equal(Receiving, project.GetProperty("district").GetString());
        Assert.Equal(Journey.District, project.GetProperty("firstDistrict").GetString());
    }
}
