using Dapper;
using MassTransit;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Observability;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// A consumer whose effects commit together with its inbox row (message id + consumer), so a redelivered or
/// re-published message changes nothing. Messages it publishes go through the same transaction's outbox, and
/// its changes are audited as the user the message acts for. A database that is restarting or unreachable is
/// waited out here, for up to <see cref="DatabaseOutagePatience"/>, so an outage does not use up the endpoint's
/// retries and push good messages into <c>_error</c>; the endpoint's own retry policy stays for everything else.
/// The acting user comes from the <c>Zhaoshang-Actor</c> header only on what a service sent (the message's validated
/// <c>user_id</c>, <see cref="MessageSender"/>); anyone else's header is ignored. All the service's consumers together hold
/// at most <see cref="Database.MessageHandling"/> connections, so requests never queue behind message handling.
/// </summary>
public abstract class InboxConsumer<TMessage>(Database database) : IConsumer<TMessage> where TMessage : class
{
    public static readonly TimeSpan DatabaseOutagePatience = TimeSpan.FromSeconds(90);

    private static readonly AsyncLocal<Guid> Handling = new();

    /// <summary>The id of the message <see cref="HandleAsync"/> is handling, for a consumer that parks it.</summary>
    protected static Guid MessageId => Handling.Value;

    public Task Consume(ConsumeContext<TMessage> context)
    {
        var sender = MessageSender.Of(context);
        return DeliverAsync(
            Admit(context.Message, sender),
            context.MessageId ?? throw new InvalidOperationException("The message has no MessageId, so it cannot be de-duplicated."),
            sender.Actor(context.Headers.Get<string>(ActorHeader.Name)),
            context.CancellationToken);
    }

    /// <summary>
    /// Checks a message against who sent it before anything is written; a consumer whose message names its own sender
    /// refuses it here (<see cref="InvalidMessageException"/>: to <c>_error</c>, nothing changed) when the two disagree.
    /// </summary>
    protected virtual TMessage Admit(TMessage message, MessageSender sender) => message;

    /// <summary>
    /// Applies one delivery of a message, exactly as the broker's delivery would: the ordering tests call it directly to
    /// hand the real consumer its messages in a chosen order.
    /// </summary>
    public async Task DeliverAsync(TMessage message, Guid messageId, Actor actor, CancellationToken cancellationToken)
    {
        var outage = DateTime.UtcNow;
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await ConsumeOnceAsync(message, messageId, actor, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsDatabaseOutage() && DateTime.UtcNow - outage < DatabaseOutagePatience)
            {
                database.ForgetPooledConnections();
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task ConsumeOnceAsync(TMessage message, Guid messageId, Actor actor, CancellationToken cancellationToken)
    {
        await database.MessageHandling.WaitAsync(cancellationToken);
        try
        {
            await ConsumeWithConnectionAsync(message, messageId, actor, cancellationToken);
        }
        finally
        {
            database.MessageHandling.Release();
        }
    }

    private async Task ConsumeWithConnectionAsync(TMessage message, Guid messageId, Actor actor, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(actor, cancellationToken);
        // Cancellable: a redelivery waits here on the row lock of a first delivery still running, and on shutdown such
        // a wait must end so that the message goes back to the broker.
        var firstDelivery = await work.Connection.QuerySingleOrDefaultAsync<bool>(new CommandDefinition(
            """
            INSERT INTO inbox_messages (message_id, consumer) VALUES (@MessageId, @Consumer)
            ON CONFLICT (message_id, consumer) DO UPDATE SET duplicate_count = inbox_messages.duplicate_count + 1
            RETURNING xmax = 0
            """,
            new { MessageId = messageId, Consumer = GetType().Name }, work.Transaction,
            cancellationToken: cancellationToken));
        if (firstDelivery)
        {
            Handling.Value = messageId;
            await HandleAsync(message, work, cancellationToken);
        }
        await work.CommitAsync(cancellationToken);
        if (!firstDelivery)
            OperationalMetrics.DuplicateAbsorbed(GetType().Name);
    }

    protected abstract Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken cancellationToken);
}
