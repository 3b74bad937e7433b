using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Zhaoshang.Platform.Errors;

/// <summary>Collects field-level errors, keyed by the JSON field name, for one 400 ValidationProblem.</summary>
public sealed class ValidationErrors
{
    /// <summary>The most an amount column (numeric(18,2)) holds: about 1亿亿元, far beyond any real project.</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    /// <summary>
    /// The days a record can be about. Outside them a date is a typo, and the working-day arithmetic of service levels
    /// and approval limits would walk millions of days or run off the calendar.
    /// </summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    public static readonly DateOnly LastDay = new(2100, 12, 31);

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public ValidationErrors RequireText(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Add(field, $"'{field}' is required.");
        return value.Length > maxLength ? Add(field, $"'{field}' must be at most {maxLength} characters.") : this;
    }

    public ValidationErrors RequireId(string field, Guid? value) =>
        value is null || value == Guid.Empty ? Add(field, $"'{field}' is required.") : this;

    /// <summary>
    /// Amounts in 元 (or another quantity kept to two decimals): present, not negative, at most two decimals (the fen),
    /// at most <paramref name="max"/> (<see cref="MaxAmount"/> unless the quantity's column holds less).
    /// </summary>
    public ValidationErrors RequireAmount(string field, decimal? value, bool allowZero = false, decimal max = MaxAmount)
    {
        if (value is null)
            return Add(field, $"'{field}' is required.");
        if (value < 0 || (!allowZero && value == 0))
            return Add(field, $"'{field}' must be {(allowZero ? "zero or more" : "greater than zero")}.");
        if (value > max)
            return Add(field, $"'{field}' must be at most {max}.");
        return decimal.Round(value.Value, 2) != value ? Add(field, $"'{field}' must not be finer than the fen (0.01).") : this;
    }

    /// <summary>An edit says which version it corrects, so that one made on a stale copy can be refused.</summary>
    public ValidationErrors RequireVersion(int? version) =>
        version is null ? Add("version", "'version' is required: send the version you read.") : this;

    public ValidationErrors RequireDate(string field, DateOnly? value) =>
        value is null ? Add(field, $"'{field}' is required.") : CheckDate(field, value);

    /// <summary>An optional date, when present, lies between <see cref="FirstDay"/> and <see cref="LastDay"/>.</summary>
    public ValidationErrors CheckDate(string field, DateOnly? value) =>
        value < FirstDay || value > LastDay ? Add(field, $"'{field}' must be between {FirstDay:yyyy-MM-dd} and {LastDay:yyyy-MM-dd}.") : this;

    /// <summary>The errors by field, for answers other than one request's 400 (an import's rows).</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(ToDictionary()), title: "The request has invalid fields.");
}
