using Zhaoshang.Platform.Messaging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.OrderingTests.Infrastructure;

/// <summary>One broker delivery: a message with its id, as a consumer of its type receives it.</summary>
public sealed record Delivery(object Message, Guid MessageId)
{
    public static Delivery Of(object message) => new(message, Guid.CreateVersion7());

    public override string ToString() => $"{Message.GetType().Name} {MessageId:N}";
}

/// <summary>Hands deliveries to the real consumers: each message goes to every consumer registered for its type.</summary>
public sealed class Consumers
{
    private readonly Dictionary<Type, List<Func<object, Guid, Task>>> _byType = new();

    public Consumers Add<T>(InboxConsumer<T> consumer) where T : class
    {
        if (!_byType.TryGetValue(typeof(T), out var list))
            _byType[typeof(T)] = list = [];
        list.Add((message, id) => consumer.DeliverAsync((T)message, id, Actor.System, CancellationToken.None));
        return this;
    }

    public bool Consumes(Delivery delivery) => _byType.ContainsKey(delivery.Message.GetType());

    public async Task DeliverAsync(Delivery delivery)
    {
        foreach (var consume in _byType.GetValueOrDefault(delivery.Message.GetType()) ?? [])
            await consume(delivery.Message, delivery.MessageId);
    }

    public async Task DeliverAllAsync(IEnumerable<Delivery> deliveries)
    {
        foreach (var delivery in deliveries)
            await DeliverAsync(delivery);
    }
}
