namespace Zhaoshang.Platform.Messaging;

/// <summary>A message that can never be applied: retrying is pointless, it goes straight to the <c>_error</c> queue.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);
