using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Lead.Dictionaries;

/// <summary>The bureau changed its dictionaries: this service's copy takes the snapshot if it is newer.</summary>
public sealed class DictionariesChangedConsumer(Database database, BureauDictionaries dictionaries) : InboxConsumer<DictionariesChanged>(database)
{
    protected override Task HandleAsync(DictionariesChanged message, UnitOfWork work, CancellationToken cancellationToken) =>
        DictionaryTables.ApplyAsync(work, dictionaries, message);
}

/// <summary>One at a time (each snapshot replaces the tables); three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class DictionariesChangedConsumerDefinition() : InboxConsumerDefinition<DictionariesChangedConsumer>(1, [100, 500, 1000]);
