using Zhaoshang.Contracts;

namespace Zhaoshang.Notification.Warnings;

/// <summary>
/// What reaches people, whatever message it came from: a warning grade (kind "warning", keyed by its WarningKey) or a
/// reminder (kind "reminder", keyed by its ReminderKey). One inbox item and one delivery per recipient and channel each.
/// </summary>
public sealed record Notice(
    string Kind, string Key, string Source, string Title, string? Grade, DateOnly DueOn, int? WorkingDays, string District,
    string? Park, Guid? ProjectId, IReadOnlyList<string> Recipients, string? Link, DateTimeOffset DetectedAt)
{
    public const string Warning = "warning";
    public const string Reminder = "reminder";

    /// <summary>How severe a grade is, mildest (yellow) first; -1 for none.</summary>
    public static int Rank(string? grade) => grade is null ? -1 : Array.IndexOf(WarningGrades.All, grade);

    public static Notice Of(WarningRaised m) => new(
        Warning, m.WarningKey, m.Source, m.Title, m.Grade, m.DueOn, m.WorkingDays, m.District, m.Park, m.ProjectId,
        Distinct(m.Recipients), m.Link, m.DetectedAt);

    public static Notice Of(ReminderDue m) => new(
        Reminder, m.ReminderKey, m.Source, m.Title, null, m.DueOn, null, m.District, m.Park, m.ProjectId,
        Distinct(m.Recipients), m.Link, m.DetectedAt);

    private static string[] Distinct(IReadOnlyList<string>? recipients) =>
        (recipients ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToArray();
}
