using Microsoft.Extensions.DependencyInjection;

namespace Zhaoshang.Platform.Calendar;

public static class CalendarExtensions
{
    /// <summary>
    /// The working calendar from the service's own <c>working_calendar_years</c>: weekends only until
    /// <see cref="WorkingCalendarRefresh"/> has loaded it at start.
    /// </summary>
    public static IServiceCollection AddWorkCalendar(this IServiceCollection services)
    {
        services.AddSingleton(WorkCalendar.WeekendsOnly);
        services.AddSingleton<WorkingCalendarRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkingCalendarRefresh>());
        return services;
    }

    /// <summary>Today in China Standard Time (UTC+8, no daylight saving), the date staff and deadlines go by.</summary>
    public static DateOnly TodayInChina(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}
