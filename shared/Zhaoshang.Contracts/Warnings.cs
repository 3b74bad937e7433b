namespace Zhaoshang.Contracts;

// Graded warnings (预警) share one rule (Zhaoshang.Platform.Warnings.WarningRule) whatever raised them: a project's
// node, an intent's service level, an approval item's statutory limit. The service that owns the deadline grades it
// and names who answers for it; the notification service delivers and lists them.
//
// ItemKey names the thing with a deadline ("node:{nodeId}", "intent:{intentId}:{kind}", "approval-item:{itemId}");
// WarningKey names one grade of one deadline of it ("{ItemKey}:{dueOn:yyyy-MM-dd}:{grade}"), so a warning raised twice
// (a redelivery, a scanner run on two instances) is still one warning, and a re-planned deadline is a new one.

/// <summary>
/// A deadline reached a grade: yellow (due within the configured working days), red (overdue), leader (red for longer
/// than the configured working days: to the 包保领导), bureau (longer still: to the bureau).
/// </summary>
public sealed record WarningRaised(
    string WarningKey,
    string ItemKey,
    string Source,
    string Title,
    string Grade,
    DateOnly DueOn,
    int WorkingDays,
    string District,
    string? Park,
    Guid? ProjectId,
    IReadOnlyList<string> Recipients,
    string? Link,
    DateTimeOffset DetectedAt);

/// <summary>The deadline behind an item's warnings was met (the node completed, the item decided) or withdrawn.</summary>
public sealed record WarningCleared(string ItemKey, string Reason, DateTimeOffset ClearedAt);

/// <summary>
/// A reminder to a person that something of theirs comes due (a follow-up's next step, a node): not a warning, delivered
/// once per ReminderKey and recipient.
/// </summary>
public sealed record ReminderDue(
    string ReminderKey,
    string Source,
    string Title,
    DateOnly DueOn,
    string District,
    string? Park,
    Guid? ProjectId,
    IReadOnlyList<string> Recipients,
    string? Link,
    DateTimeOffset DetectedAt);

/// <summary>The grades of <see cref="WarningRaised"/>, mildest first.</summary>
public static class WarningGrades
{
    public const string Yellow = "yellow";
    public const string Red = "red";
    public const string Leader = "leader";
    public const string Bureau = "bureau";

    public static readonly string[] All = [Yellow, Red, Leader, Bureau];

    public static string WarningKey(string itemKey, DateOnly dueOn, string grade) => $"{itemKey}:{dueOn:yyyy-MM-dd}:{grade}";
}
