using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zhaoshang.Platform.Calendar;

public static class CalendarExtensions
{
    /// <summary>The working calendar from configuration: <c>WorkCalendar:Holidays</c> and <c>WorkCalendar:WorkingWeekendDays</c>.</summary>
    public static IServiceCollection AddWorkCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("WorkCalendar");
        services.AddSingleton(new WorkCalendar(
            section.GetSection("Holidays").Get<DateOnly[]>() ?? [],
            section.GetSection("WorkingWeekendDays").Get<DateOnly[]>() ?? []));
        return services;
    }

    /// <summary>Today in China Standard Time (UTC+8, no daylight saving), the date staff and deadlines go by.</summary>
    public static DateOnly TodayInChina(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}
