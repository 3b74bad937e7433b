using System.Globalization;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Spreadsheets;
using Zhaoshang.Project.Lifecycle;
using UsccRule = Zhaoshang.Platform.Identifiers.Uscc;

namespace Zhaoshang.Project.Import;

/// <summary>The cells of one row read as text, days, amounts and codes, collecting a problem per cell that is not one.</summary>
internal sealed class SheetCells(SheetRow row, DateOnly today)
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public List<RowProblem> Problems { get; } = [];

    public T? Refuse<T>(string column, string reason)
    {
        Problems.Add(new(row.Number, column, reason));
        return default;
    }

    public string? Text(string column, bool required, int maxLength = 200) => row.Text(column) switch
    {
        null when required => Refuse<string>(column, $"“{column}”必填。"),
        { } text when text.Length > maxLength => Refuse<string>(column, $"“{column}”最多{maxLength}个字。"),
        var text => text,
    };

    public string? Uscc(string column, bool required) =>
        Text(column, required, 18)?.ToUpperInvariant() is not { } code ? null
        : UsccRule.Problem(code) is { } problem ? Refuse<string>(column, $"{code} 不是有效的统一社会信用代码（GB 32100-2015）：{problem}")
        : code;

    /// <summary>Yuan or 亩: a number above zero, to two decimals at most, within what its column holds.</summary>
    public decimal? Amount(string column, bool required, decimal max)
    {
        if (Text(column, required, 40) is not { } text)
            return null;
        if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return Refuse<decimal?>(column, $"“{text}”不是数字。");
        if (value <= 0 || value > max)
            return Refuse<decimal?>(column, $"“{column}”须大于0且不超过{max}。");
        return decimal.Round(value, 2) == value ? value : Refuse<decimal?>(column, $"“{column}”最多两位小数（精确到分）。");
    }

    /// <summary>A day: a date cell or text such as 2023-05-08; one that has happened unless <paramref name="past"/> is false.</summary>
    public DateOnly? Day(string column, bool required, bool past = true)
    {
        DateOnly? day = row.Cells.GetValueOrDefault(column) switch
        {
            DateTime moment => DateOnly.FromDateTime(moment),
            DateOnly date => date,
            _ when row.Text(column) is { } text => DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed : Refuse<DateOnly?>(column, $"“{text}”不是日期：按 2023-05-08 填写。"),
            _ => required ? Refuse<DateOnly?>(column, $"“{column}”必填。") : null,
        };
        if (day < ValidationErrors.FirstDay || day > ValidationErrors.LastDay)
            return Refuse<DateOnly?>(column, $"“{column}”须在{ValidationErrors.FirstDay:yyyy-MM-dd}至{ValidationErrors.LastDay:yyyy-MM-dd}之间。");
        return past && day > today ? Refuse<DateOnly?>(column, $"“{column}”{day:yyyy-MM-dd}晚于今天。") : day;
    }

    /// <summary>A stage's fact: read when the row's stage reached it, refused when filled in for a stage not reached.</summary>
    public T? Fact<T>(string column, bool reached, ProjectState? stage, Func<SheetCells, T?> read)
    {
        if (reached)
            return read(this);
        if (stage is not null && row.Cells.GetValueOrDefault(column) is { } value && !(value is string s && string.IsNullOrWhiteSpace(s)))
            Refuse<T>(column, $"当前阶段尚未到此，“{column}”应留空（或改正当前阶段）。");
        return default;
    }

    /// <summary>Days that must not go backwards: each given day no earlier than the given one before it.</summary>
    public void InOrder(params (string Column, DateOnly? Day)[] days)
    {
        var given = days.Where(d => d.Day is not null).ToList();
        for (var i = 1; i < given.Count; i++)
            if (given[i].Day < given[i - 1].Day)
                Refuse<bool>(given[i].Column, $"“{given[i].Column}”{given[i].Day:yyyy-MM-dd}早于“{given[i - 1].Column}”{given[i - 1].Day:yyyy-MM-dd}。");
    }
}
