using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Zhaoshang.Platform.Attachments;

public static class AttachmentExtensions
{
    /// <summary>
    /// <c>Attachments:MaxBytes</c> and the store: the service's PostgreSQL unless another <see cref="IAttachmentStore"/>
    /// was registered first.
    /// </summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxBytes > 0, $"{AttachmentOptions.Section}:MaxBytes must be at least 1.").ValidateOnStart();
        services.TryAddSingleton<IAttachmentStore, PostgresAttachmentStore>();
        return services;
    }
}
