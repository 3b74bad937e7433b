using System.Diagnostics;
using MassTransit;
using Zhaoshang.Notification.Deliveries;
using Zhaoshang.Notification.Inbox;
using Zhaoshang.Notification.Warnings;
using Zhaoshang.Notification.WorkingCalendar;
using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Notification;

public static class NotificationTelemetry
{
    public const string SourceName = "Zhaoshang.Notification";
    public static readonly ActivitySource Source = new(SourceName);
}

internal static class NotificationServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddZhaoshangMessaging(builder.Configuration, "notification", x =>
        {
            x.AddConsumer<WarningRaisedConsumer, WarningRaisedConsumerDefinition>();
            x.AddConsumer<WarningClearedConsumer, WarningClearedConsumerDefinition>();
            x.AddConsumer<CooperationIntentOverdueConsumer, CooperationIntentOverdueConsumerDefinition>();
            x.AddConsumer<ApprovalItemOverdueConsumer, ApprovalItemOverdueConsumerDefinition>();
            x.AddConsumer<ReminderDueConsumer, ReminderDueConsumerDefinition>();
            x.AddConsumer<WorkingCalendarChangedConsumer, WorkingCalendarChangedConsumerDefinition>();
        });
        builder.Services.AddWarningRule(builder.Configuration);
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.IsValid(), $"{DeliveryOptions.Section}: the backoffs, attempts, batch size and intervals must be positive.")
            .ValidateOnStart();
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        builder.Services.Configure<NoticeTextOptions>(builder.Configuration.GetSection(NoticeTextOptions.Section));
        builder.Services.AddSingleton<DeliveryPlanner>();
        builder.Services.AddSingleton<WarningBook>();
        builder.Services.AddSingleton<NoticeText>();
        builder.Services.AddHttpClient(RobotSender.ClientName);
        builder.Services.AddSingleton<RobotSender>();
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddHostedService<DeliveryDispatcher>();
        builder.Services.AddGaugeSample<DeliveriesGauge>();
    }
}
