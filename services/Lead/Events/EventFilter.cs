using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Paging;

namespace Zhaoshang.Lead.Events;

/// <summary>What the event list is filtered and sorted by; the list and its export share it.</summary>
public sealed record EventFilter(
    PromotionEventType? Type, string? Region, int? Year, int? Quarter, bool? Major, int? Page, int? PageSize, string? Sort)
{
    /// <summary>The order its <c>sort</c> asks for.</summary>
    internal const string OrderBy =
        """
        ORDER BY
          CASE WHEN @Sort = 'title' THEN title END,
          CASE WHEN @Sort = '-title' THEN title END DESC,
          CASE WHEN @Sort = '-startsOn' THEN starts_on END DESC,
          starts_on, id
        """;

    /// <summary>The filter as SQL over promotion_events, with <see cref="Arguments"/>.</summary>
    internal const string Where =
        """
        WHERE (@Type::text IS NULL OR type = @Type)
          AND (@Region::text IS NULL OR region = @Region)
          AND (@Year::int IS NULL OR extract(year FROM starts_on) = @Year)
          AND (@Quarter::int IS NULL OR extract(quarter FROM starts_on) = @Quarter)
          AND (@Major::boolean IS NULL OR major = @Major)
        """;

    internal object Arguments(PageQuery page) => new
    {
        Type = Type?.ToString(), Region, Year, Quarter, Major, Sort = page.Sort ?? "startsOn", page.Size, page.Offset,
    };

    internal ValidationErrors Validate(PageQuery page)
    {
        var errors = page.Validate(new ValidationErrors(), "startsOn", "title");
        if (Quarter is not null and not (>= 1 and <= 4))
            errors.Add("quarter", "'quarter' must be 1 to 4.");
        if (Quarter is not null && Year is null)
            errors.Add("year", "'year' is required with 'quarter'.");
        return errors;
    }
}
