using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lifecycle;

[Collection(SystemCollection.Name)]
public class ParksTests(SystemFixture system)
{
    [Fact]
    public async Task Parks_keep_their_positioning_rule_and_projects_are_recommended_the_best_fit()
    {
        var bureau = new Journey(system);
        var seeded = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/parks");
        Assert.Contains(seeded.EnumerateArray(), p => p.GetProperty("name").GetString() == "京东方新型显示产业园");
        Assert.Contains(seeded.EnumerateArray(), p => p.GetProperty("name").GetString() == "中国老挝磨憨-磨丁经济合作区");

        var name = $"祥云财富工业园区{Guid.NewGuid():N}"[..14];
        var problem = await bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Post, "/api/parks", new
        {
            name, level = "Provincial", district = "祥云县", leadingIndustries = new[] { "绿色铝", "新材料", "装备制造" }, specialtyIndustries = new[] { "现代物流" },
        });
        Assert.Contains("两主两特", problem.GetProperty("errors").GetProperty("leadingIndustries")[0].GetString());

        var park = await bureau.ExpectAsync(HttpStatusCode.Created, system.Project, HttpMethod.Post, "/api/parks", new
        {
            name, level = "Provincial", district = "祥云县", leadingIndustries = new[] { "绿色铝", "新材料" }, specialtyIndustries = new[] { "现代物流" },
        });
        var id = park.GetProperty("id").GetGuid();
        await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/parks/{id}", new
        {
            name, level = "National", district = "祥云县", leadingIndustries = new[] { "绿色铝", "新材料", "装备制造" },
            specialtyIndustries = new[] { "现代物流", "光伏" }, version = 1,
        });

        var ranked = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            $"/api/parks/recommendations?industry={Uri.EscapeDataString("绿色铝")}&investment=2000000000&district={Uri.EscapeDataString("祥云县")}");
        var best = ranked[0];
        Assert.Equal(name, best.GetProperty("park").GetProperty("name").GetString());
        Assert.Equal(85, best.GetProperty("score").GetInt32()); // leading 50 + district 15 + national 10 + major 10
        Assert.Equal(4, best.GetProperty("reasons").GetArrayLength());

        await bureau.ExpectAsync(HttpStatusCode.NoContent, system.Project, HttpMethod.Delete, $"/api/parks/{id}");
        await bureau.ExpectAsync(HttpStatusCode.NotFound, system.Project, HttpMethod.Get, $"/api/parks/{id}");
        var inUse = (await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/parks"))
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == Journey.Park).GetProperty("id").GetGuid();
        await bureau.SignedProjectAsync();
        await bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Delete, $"/api/parks/{inUse}");
    }
}
