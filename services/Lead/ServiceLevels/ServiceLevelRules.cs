using Zhaoshang.Lead.Intents;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.Lead.ServiceLevels;

/// <summary>Which promise to the enterprise was missed.</summary>
public enum ServiceLevelKind
{
    /// <summary>Respond within 1 working day of receiving the intent.</summary>
    Response,
    /// <summary>Assess within 3 working days (7 from 5亿元 up).</summary>
    Assessment,
    /// <summary>Follow up at least every 14 working days.</summary>
    FollowUp,
}

public sealed record ServiceLevelBreach(ServiceLevelKind Kind, DateOnly DueOn, int WorkingDaysLate, string Reason);

/// <summary>The bureau's service levels for cooperation intents, counted in working days.</summary>
public static class ServiceLevelRules
{
    public const int ResponseDays = 1;
    public const int AssessmentDays = 3;
    public const int LargeAssessmentDays = 7;
    public const int FollowUpDays = 14;

    /// <summary>5亿元: from here on an intent gets the longer assessment time.</summary>
    public const decimal LargeInvestment = 500_000_000m;

    /// <summary>The service levels an open intent still owes, with their deadlines (none once it is closed).</summary>
    public static IReadOnlyList<ServiceLevelDeadline> Deadlines(CooperationIntent intent, WorkCalendar calendar)
    {
        var deadlines = new List<ServiceLevelDeadline>();
        if (!intent.IsOpen)
            return deadlines;

        if (intent.RespondedOn is null)
            deadlines.Add(new(ServiceLevelKind.Response, calendar.AddWorkingDays(intent.ReceivedOn, ResponseDays),
                "受理后 1 个工作日内未响应"));
        if (intent.AssessedOn is null)
        {
            var days = intent.IntendedInvestment >= LargeInvestment ? LargeAssessmentDays : AssessmentDays;
            deadlines.Add(new(ServiceLevelKind.Assessment, calendar.AddWorkingDays(intent.ReceivedOn, days),
                $"受理后 {days} 个工作日内未完成研判"));
        }

        if (intent.Status is IntentStatus.Following or IntentStatus.Qualified)
            deadlines.Add(new(ServiceLevelKind.FollowUp,
                calendar.AddWorkingDays(intent.LastContactOn ?? intent.ReceivedOn, FollowUpDays),
                "距上次接洽 14 个工作日内未跟进"));
        return deadlines;
    }

    public static IReadOnlyList<ServiceLevelBreach> Breaches(CooperationIntent intent, DateOnly today, WorkCalendar calendar)
    {
        var breaches = new List<ServiceLevelBreach>();
        foreach (var deadline in Deadlines(intent, calendar))
        {
            if (today > deadline.DueOn && calendar.WorkingDaysBetween(deadline.DueOn, today) is var late and > 0)
                breaches.Add(new ServiceLevelBreach(deadline.Kind, deadline.DueOn, late,
                    $"{deadline.Promise}：应于 {deadline.DueOn:yyyy-MM-dd} 前完成，已超 {late} 个工作日"));
        }

        return breaches;
    }
}

/// <summary>A service level an intent owes: what, by when, and the promise in words.</summary>
public sealed record ServiceLevelDeadline(ServiceLevelKind Kind, DateOnly DueOn, string Promise)
{
    /// <summary>The item key its warnings go by (WarningRaised.ItemKey).</summary>
    public string ItemKey(Guid intentId) => $"intent:{intentId}:{Kind}";

    /// <summary>中文, for the people it reaches.</summary>
    public string Title(string enterpriseName) => Kind switch
    {
        ServiceLevelKind.Response => $"合作意向「{enterpriseName}」首次响应",
        ServiceLevelKind.Assessment => $"合作意向「{enterpriseName}」研判",
        _ => $"合作意向「{enterpriseName}」定期跟进",
    };
}
