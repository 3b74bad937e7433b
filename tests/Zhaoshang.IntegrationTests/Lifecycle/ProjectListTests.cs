using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

[Collection(SystemCollection.Name)]
public class ProjectListTests(SystemFixture system)
{
    [Fact]
    public async Task District_staff_list_only_their_districts_projects()
    {
        var district = $"列表测试区{Guid.NewGuid():N}"[..13];
        var bureau = new Journey(system);
        var signed = await bureau.SignedProjectAsync(300_000_000m, district);
        var negotiating = await bureau.StartProjectAsync(district);
        await bureau.WaitForProjectAsync(negotiating, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");

        var own = await new Journey(system, Tokens.For("district", district: district))
            .ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/projects?sort=-contractedInvestment&pageSize=1");
        Assert.Equal(2, own.GetProperty("total").GetInt64());
        Assert.Equal(signed, own.GetProperty("items")[0].GetProperty("id").GetGuid());

        var onlySigned = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            $"/api/projects?district={Uri.EscapeDataString(district)}&state=Signed");
        Assert.Equal(signed, Assert.Single(onlySigned.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var other = await new Journey(system, Tokens.For("district", district: "呈贡区"))
            .ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects?district={Uri.EscapeDataString(district)}");
        Assert.Equal(0, other.GetProperty("total").GetInt64());

        var park = await new Journey(system, Tokens.For("park", park: Journey.Park))
            .ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects?district={Uri.EscapeDataString(district)}");
        Assert.Equal(signed, Assert.Single(park.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        await bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Get, "/api/projects?sort=name&page=0");
    }
}
