using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding.WorkingCalendar;

/// <summary>The bureau changed the working calendar: this service's copy takes the year if the change is newer.</summary>
public sealed class WorkingCalendarChangedConsumer(Database database, WorkCalendar calendar) : InboxConsumer<WorkingCalendarChanged>(database)
{
    protected override Task HandleAsync(WorkingCalendarChanged message, UnitOfWork work, CancellationToken cancellationToken) =>
        WorkingCalendarYears.ApplyAsync(work, calendar, message);
}

/// <summary>One at a time (a change a year, at most); three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class WorkingCalendarChangedConsumerDefinition() : InboxConsumerDefinition<WorkingCalendarChangedConsumer>(1, [100, 500, 1000]);
