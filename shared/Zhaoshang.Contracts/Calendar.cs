namespace Zhaoshang.Contracts;

/// <summary>
/// The bureau changed a year of the working calendar (法定节假日 and 调休上班日) in the project service, which owns it.
/// Version grows with every change of the year, so a service keeping a copy takes only a newer one, whatever order
/// the changes arrive in. The lists are the year's whole calendar, not a difference.
/// </summary>
public sealed record WorkingCalendarChanged(
    int Year, int Version, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkingWeekendDays, DateTimeOffset ChangedAt);
