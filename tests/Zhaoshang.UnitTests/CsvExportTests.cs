using System.Text;
using Zhaoshang.Funding.Stats;

namespace Zhaoshang.UnitTests;

/// <summary>
/// CSV exports open in Excel: a field it would run as a formula (a leading =, +, -, @, tab or carriage return, also after
/// spaces) is written as text, with an apostrophe in front; numbers, negative ones too, stay numbers.
/// </summary>
public sealed class CsvExportTests
{
    private static async Task<string[]> FieldsAsync(params string[] values)
    {
        using var content = new MemoryStream();
        await Csv.WriteAsync(content, ["值"], values.Select(v => new[] { v }).ToAsyncEnumerable());
        var bytes = content.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("   =1+1", "'   =1+1")]
    [InlineData("  -1+1", "'  -1+1")]
    public async Task A_field_excel_would_run_as_a_formula_is_written_as_text(string value, string written) =>
        Assert.Equal([written], await FieldsAsync(value));

    [Theory]
    [InlineData("-1250.00")]
    [InlineData("3.5")]
    [InlineData("昆明经开区")]
    [InlineData("a-b=c")]
    public async Task Other_fields_are_written_as_they_are(string value) => Assert.Equal([value], await FieldsAsync(value));
}
