using MiniExcelLibs;
using Zhaoshang.IntegrationTests.Attachments;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Spreadsheets;

/// <summary>Workbooks as a bureau's staff keep them, posted to an import and read back from an export.</summary>
internal static class Workbooks
{
    /// <summary>A one-sheet workbook: the first row the headers, then the rows (a header missing from a row leaves its cell empty).</summary>
    public static byte[] Of(IReadOnlyList<string> headers, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(row => headers.ToDictionary(h => h, h => row.GetValueOrDefault(h))).Prepend(headers.ToDictionary(h => h, h => (object?)h)),
            printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The first sheet's rows by header, as an export wrote them.</summary>
    public static List<Dictionary<string, string?>> Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX)
            .Select(row => ((IDictionary<string, object?>)row).ToDictionary(c => c.Key, c => c.Value?.ToString()))
            .ToList();
    }

    public static Task<HttpResponseMessage> ImportAsync(SystemFixture system, ServiceProcess service, string token, string path, byte[] workbook) =>
        Uploads.PostAsync(system, service, token, path, workbook, "重点目标企业清单.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
