using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Dictionaries;

/// <summary>
/// Loads the service's <see cref="BureauDictionaries"/> from its own tables: once at start, after the migrations and
/// before the service takes requests or messages, then every minute (which brings a change its consumer applied on
/// another instance). Real time, not the service's clock.
/// </summary>
public sealed class DictionariesRefresh(Database database, BureauDictionaries dictionaries, ILogger<DictionariesRefresh> logger)
    : PeriodicScanner("dictionaries", Interval, TimeProvider.System, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        dictionaries.Apply(await DictionaryTables.ReadAsync(connection));
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);
}

public static class DictionariesExtensions
{
    /// <summary>The dictionaries from the service's own tables: empty until <see cref="DictionariesRefresh"/> has loaded them at start.</summary>
    public static IServiceCollection AddBureauDictionaries(this IServiceCollection services)
    {
        services.AddSingleton<BureauDictionaries>();
        services.AddSingleton<DictionariesRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<DictionariesRefresh>());
        return services;
    }
}
