namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the few fields tests need from an OTLP ExportTraceServiceRequest (protobuf wire format):
/// resource_spans(1) → resource(1) → attributes(1) {key(1), value(2) → string_value(1)};
/// resource_spans(1) → scope_spans(2) → scope(1) → name(1); scope_spans(2) → spans(2) →
/// trace_id(1), span_id(2), parent_span_id(4), name(5).
/// </summary>
internal static class OtlpTraceDecoder
{
    public static IEnumerable<ReceivedSpan> Decode(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = "";
            foreach (var resource in Fields(resourceSpans, 1))
            foreach (var attribute in Fields(resource, 1))
            {
                if (Text(First(attribute, 1)) == "service.name")
                    service = Text(First(First(attribute, 2), 1));
            }

            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                var scope = Text(First(First(scopeSpans, 1), 1));
                foreach (var span in Fields(scopeSpans, 2))
                {
                    spans.Add(new ReceivedSpan(
                        service, scope, Hex(First(span, 1)), Hex(First(span, 2)), Hex(First(span, 4)), Text(First(span, 5))));
                }
            }
        }

        return spans;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);

    private static ReadOnlyMemory<byte> First(ReadOnlyMemory<byte> message, int field) =>
        Fields(message, field).FirstOrDefault();

    /// <summary>The length-delimited values of one field number, skipping every other field.</summary>
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int field)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        var span = message.Span;
        var position = 0;
        while (position < span.Length)
        {
            var tag = ReadVarint(span, ref position);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    ReadVarint(span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)ReadVarint(span, ref position);
                    if ((int)(tag >> 3) == field)
                        found.Add(message.Slice(position, length));
                    position += length;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {wireType}.");
            }
        }

        return found;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
    }
}
