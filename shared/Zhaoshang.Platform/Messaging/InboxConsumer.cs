using Dapper;
using MassTransit;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// A consumer whose effects commit together with its inbox row (message id + consumer), so a redelivered or
/// re-published message changes nothing. Messages it publishes go through the same transaction's outbox, and
/// its changes are audited as the user the message acts for.
/// </summary>
public abstract class InboxConsumer<TMessage>(Database database) : IConsumer<TMessage> where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("The message has no MessageId, so it cannot be de-duplicated.");
        var actor = ActorHeader.Read(context.Headers.Get<string>(ActorHeader.Name));
        await using var work = await database.BeginAsync(actor, context.CancellationToken);
        // Cancellable: a redelivery waits here on the row lock of a first delivery still running, and on shutdown such
        // a wait must end so that the message goes back to the broker.
        var firstDelivery = await work.Connection.QuerySingleOrDefaultAsync<bool>(new CommandDefinition(
            """
            INSERT INTO inbox_messages (message_id, consumer) VALUES (@MessageId, @Consumer)
            ON CONFLICT (message_id, consumer) DO UPDATE SET duplicate_count = inbox_messages.duplicate_count + 1
            RETURNING xmax = 0
            """,
            new { MessageId = messageId, Consumer = GetType().Name }, work.Transaction,
            cancellationToken: context.CancellationToken));
        if (firstDelivery)
            await HandleAsync(context.Message, work, context.CancellationToken);
        await work.CommitAsync(context.CancellationToken);
    }

    protected abstract Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken cancellationToken);
}
