using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Zhaoshang.Platform.Errors;

/// <summary>Collects field-level errors, keyed by the JSON field name, for one 400 ValidationProblem.</summary>
public sealed class ValidationErrors
{
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

    /// <summary>Amounts in 元: present, not negative, at most two decimals (the fen).</summary>
    public ValidationErrors RequireAmount(string field, decimal? value, bool allowZero = false)
    {
        if (value is null)
            return Add(field, $"'{field}' is required.");
        if (value < 0 || (!allowZero && value == 0))
            return Add(field, $"'{field}' must be {(allowZero ? "zero or more" : "greater than zero")}.");
        return decimal.Round(value.Value, 2) != value ? Add(field, $"'{field}' must not be finer than the fen (0.01).") : this;
    }

    public ValidationErrors RequireDate(string field, DateOnly? value) =>
        value is null ? Add(field, $"'{field}' is required.") : this;

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "The request has invalid fields.");
}
