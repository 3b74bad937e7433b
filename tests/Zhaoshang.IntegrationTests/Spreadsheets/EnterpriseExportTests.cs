using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Spreadsheets;

/// <summary>The target list exported as the filter finds it: read back it is the list; the USCC masked for those who do not work it.</summary>
[Collection(SystemCollection.Name)]
public class EnterpriseExportTests(SystemFixture system)
{
    [Fact]
    public async Task An_exported_list_read_back_equals_the_list_and_imports_again_as_it_is()
    {
        var batch = await ImportedBatchAsync(25);
        var listed = await ListAsync(batch);
        Assert.Equal(25, listed.Count);

        var exported = await ExportAsync(Tokens.Bureau, batch);
        Assert.Equal<(string?, string?, string?, string?, string?, string?)>(
            listed.Select(e => (e.GetProperty("name").GetString(), e.GetProperty("uscc").GetString(), e.GetProperty("hqRegion").GetString(),
                e.GetProperty("industryChain").GetString(), (string?)(e.GetProperty("chainRole").GetString() == "ChainLeader" ? "链主" : "配套"),
                e.GetProperty("priority").GetString())).OrderBy(e => e.Item1),
            exported.Select(r => (r["企业名称"], r["统一社会信用代码"], r["总部所在地"], r["产业链"], r["链上角色"], r["优先级"])).OrderBy(e => e.Item1));

        // The export is in the import's columns: imported again, every row is refused as already on the list.
        using var again = await Workbooks.ImportAsync(system, system.Lead, Tokens.Bureau, "/api/enterprises/import",
            Workbooks.Of([.. exported[0].Keys], exported.Select(r => r.ToDictionary(c => c.Key, c => (object?)c.Value))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var refused = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(25, refused.Count);
        Assert.All(refused, p => Assert.Equal("统一社会信用代码", p.GetProperty("column").GetString()));
    }

    [Fact]
    public async Task Finance_and_park_staff_get_the_uscc_masked_the_bureau_and_auditors_in_full()
    {
        var batch = await ImportedBatchAsync(3);
        var full = (await ListAsync(batch)).Select(e => e.GetProperty("uscc").GetString()!).Order().ToList();

        foreach (var token in new[] { Tokens.Bureau, Tokens.For("auditor") })
            Assert.Equal(full, (await ExportAsync(token, batch)).Select(r => r["统一社会信用代码"]!).Order());
        foreach (var token in new[] { Tokens.For("finance"), Tokens.For("park", park: "安宁工业园区") })
        {
            var masked = (await ExportAsync(token, batch)).Select(r => r["统一社会信用代码"]!).Order().ToList();
            Assert.Equal(full.Select(u => u[..4] + new string('*', 12) + u[^2..]).Order(), masked);
        }
    }

    private async Task<string> ImportedBatchAsync(int count)
    {
        var batch = $"导出企业{Guid.NewGuid():N}"[..14];
        var rows = Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["企业名称"] = $"{batch}-{i:D2}", ["统一社会信用代码"] = TestData.NewUscc(), ["总部所在地"] = i % 2 == 0 ? "粤港澳大湾区" : "京津冀",
            ["产业链"] = "绿色铝", ["链上角色"] = i % 3 == 0 ? "链主" : "配套", ["优先级"] = "ABC"[i % 3].ToString(),
        });
        using var response = await Workbooks.ImportAsync(system, system.Lead, Tokens.Bureau, "/api/enterprises/import",
            Workbooks.Of(["企业名称", "统一社会信用代码", "总部所在地", "产业链", "链上角色", "优先级"], rows));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return batch;
    }

    private async Task<List<JsonElement>> ListAsync(string batch)
    {
        using var client = system.Client(system.Lead);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/enterprises?name={Uri.EscapeDataString(batch)}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<List<Dictionary<string, string?>>> ExportAsync(string token, string batch)
    {
        using var client = system.Client(system.Lead, token);
        using var response = await client.GetAsync($"/api/enterprises/export?name={Uri.EscapeDataString(batch)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return Workbooks.Read(await response.Content.ReadAsByteArrayAsync());
    }
}
