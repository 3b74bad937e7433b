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

    public static IReadOnlyList<ServiceLevelBreach> Breaches(CooperationIntent intent, DateOnly today, WorkCalendar calendar)
    {
        var breaches = new List<ServiceLevelBreach>();
        if (!intent.IsOpen)
            return breaches;

        void Check(ServiceLevelKind kind, DateOnly from, int days, string promise)
        {
            var due = calendar.AddWorkingDays(from, days);
            if (today > due && calendar.WorkingDaysBetween(due, today) is var late and > 0)
                breaches.Add(new ServiceLevelBreach(kind, due, late, $"{promise}; due {due:yyyy-MM-dd}, {late} working day(s) late."));
        }

        if (intent.RespondedOn is null)
            Check(ServiceLevelKind.Response, intent.ReceivedOn, ResponseDays, "No response within 1 working day of receipt");
        if (intent.AssessedOn is null)
        {
            var days = intent.IntendedInvestment >= LargeInvestment ? LargeAssessmentDays : AssessmentDays;
            Check(ServiceLevelKind.Assessment, intent.ReceivedOn, days, $"Not assessed within {days} working days of receipt");
        }

        if (intent.Status is IntentStatus.Following or IntentStatus.Qualified)
            Check(ServiceLevelKind.FollowUp, intent.LastContactOn ?? intent.ReceivedOn, FollowUpDays,
                "No follow-up within 14 working days of the last contact");
        return breaches;
    }
}
