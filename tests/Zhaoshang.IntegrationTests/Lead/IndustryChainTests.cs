using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lead;

/// <summary>An industry chain's view (GET /api/industry-chains/{chain}): each role counted and paged, the gaps the whole chain's.</summary>
[Collection(SystemCollection.Name)]
public class IndustryChainTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    [Fact]
    public async Task Each_role_is_counted_whole_and_paged_by_priority_then_name_and_one_role_pages_alone()
    {
        var chain = $"链{Guid.NewGuid():N}"[..12];
        foreach (var (name, priority) in new[] { ("丙配套", "B"), ("甲配套", "A"), ("乙配套", "B"), ("丁配套", "C") })
            await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises", new
            {
                name = $"{chain}{name}", uscc = TestData.NewUscc(), hqRegion = "长三角", industryChain = chain, chainRole = "Supplier", priority,
            });
        var expected = new[] { "甲配套", "丙配套", "乙配套", "丁配套" }.Select(n => $"{chain}{n}").ToList();
        string Path(string query) => $"/api/industry-chains/{Uri.EscapeDataString(chain)}?{query}";

        var first = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Path("pageSize=3"));
        Assert.Equal(["ChainLeader"], first.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()));
        var suppliers = Group(first, "Supplier");
        Assert.Equal(4, suppliers.GetProperty("total").GetInt64());
        Assert.Equal(expected[..3], Names(suppliers));
        Assert.Equal(0, Group(first, "ChainLeader").GetProperty("total").GetInt64());

        var second = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Path("role=Supplier&page=2&pageSize=3"));
        Assert.Equal(["Supplier"], second.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        Assert.Equal(expected[3..], Names(Group(second, "Supplier")));
        Assert.Equal(["ChainLeader"], second.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()));

        var problem = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Get, Path("pageSize=0"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _), problem.ToString());
        var unnamed = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Get, Path("role=999"));
        Assert.True(unnamed.GetProperty("errors").TryGetProperty("role", out _), unnamed.ToString());
    }

    private static JsonElement Group(JsonElement view, string role) =>
        view.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("role").GetString() == role).GetProperty("enterprises");

    private static IEnumerable<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()!);
}
