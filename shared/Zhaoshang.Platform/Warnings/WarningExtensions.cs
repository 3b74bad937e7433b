using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.Platform.Warnings;

public static class WarningExtensions
{
    /// <summary>The grading rule from configuration section <c>Warnings</c>; needs the working calendar registered.</summary>
    public static IServiceCollection AddWarningRule(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WarningOptions.Section).Get<WarningOptions>() ?? new WarningOptions();
        if (options.YellowWithinWorkingDays < 0 || options.EscalateToLeaderAfter < 0
            || options.EscalateToBureauAfter <= options.EscalateToLeaderAfter)
            throw new InvalidOperationException(
                "Warnings: YellowWithinWorkingDays and EscalateToLeaderAfter must not be negative, and EscalateToBureauAfter must exceed EscalateToLeaderAfter.");
        services.AddSingleton(options);
        services.AddSingleton(sp => new WarningRule(options, sp.GetRequiredService<WorkCalendar>()));
        return services;
    }
}
