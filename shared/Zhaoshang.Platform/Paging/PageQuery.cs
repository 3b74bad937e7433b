using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Platform.Paging;

/// <summary>A page of a list: <c>page</c> from 1, <c>pageSize</c> up to 200, <c>sort</c> a field name, "-" for descending.</summary>
public sealed record PageQuery(int? Page, int? PageSize, string? Sort)
{
    public const int MaxPageSize = 200;

    public int Number => Page ?? 1;
    public int Size => PageSize ?? 20;
    /// <summary>A long: page 2147483647 of 200 is past any list, not an overflow.</summary>
    public long Offset => ((long)Number - 1) * Size;

    /// <summary>Checks the paging fields; the sort must be one of <paramref name="sortable"/>, with or without "-".</summary>
    public ValidationErrors Validate(ValidationErrors errors, params string[] sortable)
    {
        if (Number < 1)
            errors.Add("page", "'page' starts at 1.");
        if (Size is < 1 or > MaxPageSize)
            errors.Add("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        if (Sort is not null && !sortable.Contains(Sort.TrimStart('-')))
            errors.Add("sort", $"'sort' must be one of {string.Join(", ", sortable)} (prefix '-' for descending).");
        return errors;
    }
}

/// <summary>One page of a list and how many items the whole list holds.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);

public static class PageExtensions
{
    public static Page<TOut> Select<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.Total);
}
