namespace Zhaoshang.DemoData;

/// <summary>
/// Turns the data's day offsets into dates, counted from the day the data is loaded in China (the services' "today"
/// is Asia/Shanghai's too, so a day the data puts in the past is never their future).
/// </summary>
public sealed class DemoDays(DateOnly today)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public DateOnly Today => today;

    public static DemoDays LoadedAt(DateTimeOffset now) =>
        new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, China).DateTime));

    public DateOnly On(int offset) => today.AddDays(offset);

    /// <summary>10:00 in China on the day: when an approval system's decision was taken.</summary>
    public DateTimeOffset MorningOf(int offset) => new(On(offset).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
