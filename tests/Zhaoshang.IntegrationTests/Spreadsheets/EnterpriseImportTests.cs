using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Attachments;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.IntegrationTests.Spreadsheets;

/// <summary>
/// The 重点目标企业清单 imported from Excel: a list with bad rows imports nothing and names each bad row (row, column,
/// why) until it is corrected — or, if asked, only the good rows; the file is judged by its content; an exported list
/// reads back as the list.
/// </summary>
[Collection(SystemCollection.Name)]
public class EnterpriseImportTests(SystemFixture system)
{
    private const string Path = "/api/enterprises/import";

    private static readonly string[] Headers = ["企业名称", "统一社会信用代码", "总部所在地", "产业链", "链上角色", "优先级"];

    [Fact]
    public async Task A_thousand_row_list_with_twenty_bad_rows_imports_nothing_and_names_each_until_they_are_corrected()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var listed = await ListedUsccsAsync(3);
        var rows = Enumerable.Range(0, 1000).Select(i => Row($"清单企业{batch}-{i:D4}", TestData.NewUscc())).ToList();
        // Twenty bad rows, four of each kind; the data row i is Excel row i + 2 (row 1 holds the headers).
        var expected = new List<(int Row, string Column)>();
        void Spoil(int i, string column, object? value)
        {
            rows[i] = new Dictionary<string, object?>(rows[i]) { [column] = value };
            expected.Add((i + 2, column));
        }

        foreach (var i in new[] { 7, 150, 420, 999 })
            Spoil(i, "统一社会信用代码", WrongCheckDigit((string)rows[i]["统一社会信用代码"]!));
        foreach (var i in new[] { 12, 300, 555, 871 })
            Spoil(i, "企业名称", null);
        foreach (var i in new[] { 40, 333, 640, 980 })
            Spoil(i, "链上角色", "龙头");
        foreach (var i in new[] { 61, 250, 702, 903 })
            Spoil(i, "统一社会信用代码", rows[i - 1]["统一社会信用代码"]);
        foreach (var (i, uscc) in new[] { 90, 480, 777, 995 }.Zip(listed.Append(listed[0])))
            Spoil(i, "统一社会信用代码", uscc);
        Assert.Equal(20, expected.Count);

        using (var refused = await ImportAsync(Workbooks.Of(Headers, rows)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var named = problem.GetProperty("rows").EnumerateArray()
                .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!)).ToList();
            Assert.Equal(expected.OrderBy(e => e.Row), named);
            Assert.All(problem.GetProperty("rows").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("reason").GetString())));
            Assert.Contains("20 of 1000 rows", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(0, await ImportedAsync(batch));

        // Corrected: each bad row gets what it lacked, and the whole list goes in.
        foreach (var (row, _) in expected)
            rows[row - 2] = Row($"清单企业{batch}-{row - 2:D4}", TestData.NewUscc());
        using var imported = await ImportAsync(Workbooks.Of(Headers, rows));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var report = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1000, report.GetProperty("imported").GetInt32());
        Assert.Equal(1000, await ImportedAsync(batch));
        Assert.Equal(1000, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM audit_log a JOIN enterprises e ON e.id = a.record_id WHERE e.name LIKE @pattern AND a.action = 'imported'",
            new { pattern = $"清单企业{batch}-%" }));
    }

    [Fact]
    public async Task Asked_for_the_good_rows_only_it_imports_them_and_reports_the_others()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(0, 30).Select(i => Row($"部分导入{batch}-{i:D2}", TestData.NewUscc())).ToList();
        rows[4] = new Dictionary<string, object?>(rows[4]) { ["优先级"] = "特级" };
        rows[9] = new Dictionary<string, object?>(rows[9]) { ["总部所在地"] = null };

        using var response = await ImportAsync(Workbooks.Of(Headers, rows), goodRowsOnly: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, report.GetProperty("rows").GetInt32());
        Assert.Equal(28, report.GetProperty("imported").GetInt32());
        Assert.Equal([(6, "优先级"), (11, "总部所在地")], report.GetProperty("refused").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!)).ToList());
        Assert.Equal(28, await ImportedAsync(batch));
    }

    [Fact]
    public async Task A_file_that_is_no_workbook_whatever_its_name_a_too_big_one_and_a_missing_column_are_refused()
    {
        using (var pdf = await Uploads.PostAsync(system, system.Lead, Tokens.Bureau, Path, Uploads.Pdf(), "清单.xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            await AssertFileProblemAsync(pdf, HttpStatusCode.UnsupportedMediaType);
        using (var docx = await Uploads.PostAsync(system, system.Lead, Tokens.Bureau, Path, SampleFiles.Docx(), "清单.xlsx"))
            await AssertFileProblemAsync(docx, HttpStatusCode.UnsupportedMediaType);
        using (var big = await Uploads.PostAsync(system, system.Lead, Tokens.Bureau, Path, new byte[10 * 1024 * 1024 + 1], "清单.xlsx"))
            await AssertFileProblemAsync(big, HttpStatusCode.RequestEntityTooLarge);

        var batch = Guid.NewGuid().ToString("N")[..8];
        using var missing = await ImportAsync(Workbooks.Of(Headers.Where(h => h != "产业链").ToList(),
            [Row($"缺列企业{batch}", TestData.NewUscc())]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var body = await missing.Content.ReadFromJsonAsync<JsonElement>();
        var problem = Assert.Single(body.GetProperty("rows").EnumerateArray());
        Assert.Equal((1, "产业链"), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()));
        // It names the column, not a count of refused rows out of none read.
        Assert.Equal("The first row lacks '产业链'. Start from the import template, which has every column.", body.GetProperty("detail").GetString());
        Assert.Equal(0, await ImportedAsync(batch));
    }

    private static Dictionary<string, object?> Row(string name, string uscc) => new()
    {
        ["企业名称"] = name, ["统一社会信用代码"] = uscc, ["总部所在地"] = "长三角", ["产业链"] = "新能源电池", ["链上角色"] = "配套", ["优先级"] = "B",
    };

    private static string WrongCheckDigit(string uscc) => uscc[..17] + (uscc[17] == '0' ? '1' : '0');

    private async Task<string[]> ListedUsccsAsync(int count)
    {
        var journey = new Journey(system);
        var usccs = new string[count];
        for (var i = 0; i < count; i++)
        {
            usccs[i] = TestData.NewUscc();
            await journey.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises",
                new { name = $"已在清单企业{Guid.NewGuid():N}", uscc = usccs[i], hqRegion = "京津冀", industryChain = "新材料", chainRole = "Supplier" });
        }

        return usccs;
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] workbook, bool goodRowsOnly = false) =>
        Workbooks.ImportAsync(system, system.Lead, Tokens.For("district", district: Journey.District),
            goodRowsOnly ? Path + "?goodRowsOnly=true" : Path, workbook);

    private Task<int> ImportedAsync(string batch) =>
        system.ScalarAsync<int>(system.Lead, "SELECT count(*) FROM enterprises WHERE name LIKE @pattern", new { pattern = $"%{batch}%" });

    private static async Task AssertFileProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
    }
}
