using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Attachments;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Spreadsheets;

/// <summary>
/// 存量项目 imported from the bureau's 台账: bad rows import nothing and are each named (row, column, why) until corrected;
/// corrected, every project enters in its stage with its days, its node plan passed up to there, its approval case with
/// nothing overdue and its funding ledger; good rows only when asked; district staff only their district; an agreement
/// number once; the file judged by its content.
/// </summary>
[Collection(SystemCollection.Name)]
public class ProjectImportTests(SystemFixture system)
{
    private const string Path = "/api/projects/import";
    private const string District = Journey.District;

    private static readonly string[] Headers =
    [
        "项目名称", "投资企业", "企业统一社会信用代码", "行业", "区县", "园区", "协议编号", "签约日期", "协议投资额(元)", "当前阶段", "项目公司",
        "项目公司统一社会信用代码", "地块编号", "面积(亩)", "土地出让合同日期", "拿地日期", "开工日期", "投产日期", "建设内容", "建设地点", "计划开工", "计划竣工",
    ];

    private static readonly string[] Stages = ["已签约", "已注册落地", "已拿地", "已开工", "已投产"];

    private static readonly Dictionary<string, string> States = new()
    {
        ["已签约"] = "Signed", ["已注册落地"] = "Registered", ["已拿地"] = "LandAcquired", ["已开工"] = "UnderConstruction", ["已投产"] = "InProduction",
    };

    [Fact]
    public async Task Fifty_projects_with_bad_rows_import_nothing_until_corrected_then_enter_in_their_stages()
    {
        var batch = Batch();
        var rows = Enumerable.Range(0, 50).Select(i => Row(batch, i, Stages[i % 5])).ToList();
        var expected = new List<(int Row, string Column)>();
        void Spoil(int i, string column, object? value)
        {
            rows[i] = new Dictionary<string, object?>(rows[i]) { [column] = value };
            expected.Add((i + 2, column));
        }

        Spoil(3, "行业", "火星采矿");
        Spoil(8, "企业统一社会信用代码", WrongCheckDigit((string)rows[8]["企业统一社会信用代码"]!));
        Spoil(14, "园区", "昆明经济技术开发区");
        Spoil(18, "开工日期", "2023-01-02");
        Spoil(25, "签约日期", Journey.Today.AddDays(3).ToString("yyyy-MM-dd"));
        Spoil(31, "协议投资额(元)", "12.345");
        Spoil(40, "当前阶段", "已竣工");
        Spoil(45, "协议编号", rows[44]["协议编号"]);
        Spoil(47, "地块编号", null);

        using (var refused = await ImportAsync(Workbooks.Of(Headers, rows)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(expected.OrderBy(e => e.Row), Named(problem.GetProperty("rows")));
            Assert.All(problem.GetProperty("rows").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("reason").GetString())));
        }

        Assert.Equal(0, await ImportedAsync(batch));

        foreach (var (row, _) in expected)
            rows[row - 2] = Row(batch, row - 2, Stages[(row - 2) % 5]);
        using (var imported = await ImportAsync(Workbooks.Of(Headers, rows)))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Equal(50, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        }

        var ids = await IdsAsync(batch);
        Assert.Equal(50, ids.Count);
        var journey = new Journey(system);
        foreach (var (stage, state) in States)
        {
            var listed = await journey.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
                $"/api/projects?state={state}&district={Uri.EscapeDataString(District)}&sort=-createdAt&pageSize=200");
            var shown = listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToHashSet();
            var ofStage = Enumerable.Range(0, 50).Where(i => Stages[i % 5] == stage).Select(i => ids[Agreement(batch, i)]).ToList();
            Assert.All(ofStage, id => Assert.Contains(id, shown));
        }

        // A project that started construction: everything before its start done, its case with nothing overdue, its ledger open.
        var started = ids[Agreement(batch, 3)];
        var project = await journey.WaitForProjectAsync(started,
            p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
            "the imported project's approval case and funding ledger are open");
        Assert.Equal(("UnderConstruction", "Imported", JsonValueKind.Null), (project.GetProperty("state").GetString(),
            project.GetProperty("origin").GetString(), project.GetProperty("intentId").ValueKind));
        Assert.Equal(Day(rows[3]["开工日期"]), project.GetProperty("constructionStartedOn").GetString());
        // The statistics count it opened on its signing day and registered no later than its land: not on the import day.
        var days = await system.ScalarAsync<string>(system.Project,
            "SELECT opened_on::text || ' ' || registered_on::text FROM projects WHERE id = @started", new { started });
        Assert.Equal($"{Day(rows[3]["签约日期"])} {Day(rows[3]["拿地日期"])}", days);

        var nodes = (await journey.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{started}/nodes"))
            .GetProperty("nodes").EnumerateArray().ToList();
        var startNode = nodes.FindIndex(n => n.GetProperty("code").GetString() == "construction-start");
        Assert.All(nodes.Take(startNode + 1), n => Assert.Equal("done", n.GetProperty("status").GetString()));
        Assert.Equal(Day(rows[3]["开工日期"]), nodes[startNode].GetProperty("completedOn").GetString());
        Assert.Equal("存量导入", nodes.Single(n => n.GetProperty("code").GetString() == "filing").GetProperty("note").GetString());
        Assert.All(nodes.Skip(startNode + 1), n => Assert.Equal("pending", n.GetProperty("status").GetString()));

        var items = (await journey.EventuallyAsync(system.Approval, $"/api/projects/{started}/approval-case", _ => true, "the approval case is open"))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.True(i.GetProperty("grantedOutside").GetBoolean(), i.ToString()));
        Assert.All(items, i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "Granted", "Issued" }));
        foreach (var id in ids.Values)
            Assert.Equal(0, (await journey.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/approval-items/overdue?projectId={id}"))
                .GetProperty("total").GetInt32());
        await journey.EventuallyAsync(system.Funding, $"/api/projects/{started}/ledger", _ => true, "the funding ledger is open");

        var timeline = await journey.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{started}/timeline");
        var entry = Assert.Single(timeline.EnumerateArray());
        Assert.Equal("存量项目导入", entry.GetProperty("reason").GetString());
        Assert.Equal("bureau", entry.GetProperty("actorSubject").GetString());
    }

    [Fact]
    public async Task Asked_for_the_good_rows_only_it_imports_them_and_reports_the_others()
    {
        var batch = Batch();
        var rows = Enumerable.Range(0, 6).Select(i => Row(batch, i, Stages[i % 5])).ToList();
        rows[1] = new Dictionary<string, object?>(rows[1]) { ["项目公司"] = null };
        rows[4] = new Dictionary<string, object?>(rows[4]) { ["投产日期"] = "明年" };

        using var response = await ImportAsync(Workbooks.Of(Headers, rows), goodRowsOnly: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((6, 4), (report.GetProperty("rows").GetInt32(), report.GetProperty("imported").GetInt32()));
        Assert.Equal([(3, "项目公司"), (6, "投产日期")], Named(report.GetProperty("refused")));
        Assert.Equal(4, await ImportedAsync(batch));
    }

    [Fact]
    public async Task District_staff_import_only_their_own_district_and_an_agreement_number_is_imported_once()
    {
        var batch = Batch();
        var theirs = Row(batch, 0, "已签约");
        var other = new Dictionary<string, object?>(Row(batch, 1, "已签约")) { ["区县"] = "官渡区", ["园区"] = "昆明经济技术开发区" };
        var districtToken = Tokens.For("district", district: District);

        using (var refused = await ImportAsync(Workbooks.Of(Headers, [theirs, other]), token: districtToken))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal([(3, "区县")], Named((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")));
        }

        Assert.Equal(0, await ImportedAsync(batch));
        using (var imported = await ImportAsync(Workbooks.Of(Headers, [theirs]), token: districtToken))
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var again = await ImportAsync(Workbooks.Of(Headers, [theirs]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal([(2, "协议编号")], Named((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")));
        Assert.Equal(1, await ImportedAsync(batch));
    }

    [Fact]
    public async Task A_file_that_is_no_workbook_whatever_its_name_is_refused_and_the_template_imports_as_it_is_read()
    {
        using (var pdf = await Uploads.PostAsync(system, system.Project, Tokens.Bureau, Path, Uploads.Pdf(), "存量项目.xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
            Assert.True((await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        }

        using var template = await new Journey(system).SendAsync(system.Project, HttpMethod.Get, "/api/projects/import-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var sheet = Workbooks.Read(await template.Content.ReadAsByteArrayAsync());
        var example = Assert.Single(sheet);
        Assert.Equal(Headers, example.Keys);
        Assert.Equal("已开工", example["当前阶段"]);
    }

    private static Dictionary<string, object?> Row(string batch, int i, string stage)
    {
        var signed = new DateOnly(2023, 1, 5).AddDays(i * 7);
        var reached = Array.IndexOf(Stages, stage);
        var land = signed.AddDays(150);
        var start = land.AddDays(60);
        return new()
        {
            ["项目名称"] = $"存量项目{batch}-{i:D2}", ["投资企业"] = $"存量企业{batch}-{i:D2}", ["企业统一社会信用代码"] = TestData.NewUscc(),
            ["行业"] = "新材料", ["区县"] = District, ["园区"] = Journey.Park, ["协议编号"] = Agreement(batch, i),
            ["签约日期"] = signed.ToString("yyyy-MM-dd"), ["协议投资额(元)"] = 150_000_000.25m + i, ["当前阶段"] = stage,
            ["项目公司"] = reached >= 1 ? $"存量项目公司{batch}-{i:D2}" : null, ["项目公司统一社会信用代码"] = reached >= 1 ? TestData.NewUscc() : null,
            ["地块编号"] = reached >= 2 ? $"AN-{batch}-{i:D2}" : null, ["面积(亩)"] = reached >= 2 ? 120.5m : null,
            ["土地出让合同日期"] = reached >= 2 ? land.AddDays(-10).ToString("yyyy-MM-dd") : null, ["拿地日期"] = reached >= 2 ? land.ToString("yyyy-MM-dd") : null,
            ["开工日期"] = reached >= 3 ? start.ToString("yyyy-MM-dd") : null,
            ["投产日期"] = reached >= 4 ? start.AddDays(300).ToString("yyyy-MM-dd") : null,
            ["建设内容"] = "新材料生产线", ["建设地点"] = "安宁工业园区草铺片区", ["计划开工"] = null, ["计划竣工"] = null,
        };
    }

    private static string Batch() => Guid.NewGuid().ToString("N")[..8];

    private static string Agreement(string batch, int i) => $"CL-{batch}-{i:D2}";

    private static string? Day(object? cell) => (string?)cell;

    private static string WrongCheckDigit(string uscc) => uscc[..17] + (uscc[17] == '0' ? '1' : '0');

    private static List<(int, string)> Named(JsonElement rows) =>
        rows.EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!)).ToList();

    private Task<HttpResponseMessage> ImportAsync(byte[] workbook, bool goodRowsOnly = false, string? token = null) =>
        Workbooks.ImportAsync(system, system.Project, token ?? Tokens.Bureau, goodRowsOnly ? Path + "?goodRowsOnly=true" : Path, workbook);

    private Task<int> ImportedAsync(string batch) =>
        system.ScalarAsync<int>(system.Project, "SELECT count(*) FROM projects WHERE agreement_no LIKE @pattern", new { pattern = $"CL-{batch}-%" });

    private async Task<Dictionary<string, Guid>> IdsAsync(string batch)
    {
        var json = await system.ScalarAsync<string?>(system.Project,
            "SELECT json_object_agg(agreement_no, id)::text FROM projects WHERE agreement_no LIKE @pattern", new { pattern = $"CL-{batch}-%" });
        return json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, Guid>>(json)!;
    }
}
