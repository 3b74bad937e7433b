using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Zhaoshang.Platform.Errors;

/// <summary>The ProblemDetails (RFC 9457) responses every service uses for refused requests.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"{what} not found.",
            detail: $"There is no {what.ToLowerInvariant()} with id {id}.");

    /// <summary>An illegal state change: says what was asked and what state the record is in.</summary>
    public static ProblemHttpResult IllegalTransition(string what, string currentState, string attempted) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The change is not allowed in the current state.",
            detail: $"The {what.ToLowerInvariant()} is {currentState}; it cannot be {attempted}.",
            extensions: new Dictionary<string, object?> { ["currentState"] = currentState });

    /// <summary>The caller may use the endpoint, but not for this value (e.g. another district).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);

    /// <summary>
    /// A versioned edit that read an older version: 409 carrying the record as it is now, so the caller can show what
    /// changed and redo the edit on top of it.
    /// </summary>
    public static ProblemHttpResult StaleVersion(string what, int currentVersion, object current) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: $"The {what.ToLowerInvariant()} was changed meanwhile.",
            detail: $"It is at version {currentVersion}; reload it and try again.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion, ["current"] = current });

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
