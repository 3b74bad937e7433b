using System.Text.Json;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Messaging;

/// <summary>The message header that carries the acting user from the request to every consumer it causes.</summary>
internal static class ActorHeader
{
    public const string Name = "Zhaoshang-Actor";

    public static Actor Read(string? header)
    {
        if (string.IsNullOrEmpty(header))
            return Actor.System;
        try
        {
            return JsonSerializer.Deserialize<Actor>(header, OutboxMessageTypes.JsonOptions) ?? Actor.System;
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException($"The {Name} header is not a valid actor: {ex.Message}");
        }
    }
}
