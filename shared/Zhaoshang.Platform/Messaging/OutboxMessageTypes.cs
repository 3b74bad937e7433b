using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhaoshang.Platform.Messaging;

/// <summary>How outbox rows name and serialize their messages. Only contract types may travel.</summary>
internal static class OutboxMessageTypes
{
    private const string ContractsAssembly = "Zhaoshang.Contracts";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string NameOf(Type type) =>
        type.Assembly.GetName().Name == ContractsAssembly
            ? type.FullName!
            : throw new InvalidOperationException($"{type} is not a message contract from {ContractsAssembly}.");

    public static Type Resolve(string name) =>
        Type.GetType($"{name}, {ContractsAssembly}", throwOnError: true)!;
}
