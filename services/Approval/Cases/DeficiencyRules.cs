using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.Approval.Cases;

public enum DeficiencyStep
{
    None,
    Suspend,
    Return,
}

/// <summary>
/// 容缺受理: past its committed date an item accepted with deficiency is suspended; documents supplied within 15
/// working days of the suspension resume it, otherwise it is returned (退件).
/// </summary>
public static class DeficiencyRules
{
    public const int ResumeWindowWorkingDays = 15;

    public static DeficiencyStep Next(
        ApprovalItemStatus status, DateOnly? committedOn, DateOnly? suspendedOn, DateOnly today, WorkCalendar calendar) => status switch
    {
        ApprovalItemStatus.AcceptedWithDeficiency when today > committedOn => DeficiencyStep.Suspend,
        ApprovalItemStatus.Suspended when suspendedOn is { } since && !CanResume(since, today, calendar) => DeficiencyStep.Return,
        _ => DeficiencyStep.None,
    };

    public static bool CanResume(DateOnly suspendedOn, DateOnly today, WorkCalendar calendar) =>
        today <= calendar.AddWorkingDays(suspendedOn, ResumeWindowWorkingDays);
}
