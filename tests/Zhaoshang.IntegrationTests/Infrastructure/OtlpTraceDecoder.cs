using System.Buffers.Binary;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the few fields tests need from OTLP export requests (protobuf wire format). Every signal starts alike:
/// resource_X(1) → resource(1) → attributes(1) {key(1), value(2)}; resource_X(1) → scope_X(2) → scope(1) → name(1).
/// Traces: scope_spans(2) → spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5), attributes(9).
/// Metrics: scope_metrics(2) → metrics(2) → name(1), gauge(5) | sum(7) → data_points(1) → attributes(7), as_double(4),
/// as_int(6), exemplars(5); histogram(9) → data_points(1) → attributes(9), count(4), exemplars(8); an exemplar:
/// filtered_attributes(7), trace_id(5).
/// Logs: scope_logs(2) → log_records(2) → body(5), attributes(6), trace_id(9), span_id(10).
/// </summary>
internal static class OtlpTraceDecoder
{
    public static IEnumerable<ReceivedSpan> Decode(byte[] request) =>
        from resource in Resources(request)
        from scope in Fields(resource.Signal, 2)
        let scopeName = ScopeName(scope)
        from span in Fields(scope, 2)
        select new ReceivedSpan(resource.Service, scopeName, Hex(First(span, 1)), Hex(First(span, 2)), Hex(First(span, 4)),
            Text(First(span, 5)), Attributes(span, 9));

    public static IEnumerable<ReceivedMetric> DecodeMetrics(byte[] request) =>
        from resource in Resources(request)
        from scope in Fields(resource.Signal, 2)
        from metric in Fields(scope, 2)
        let name = Text(First(metric, 1))
        from point in Points(metric)
        select new ReceivedMetric(resource.Service, resource.Instance, name, point.Attributes, point.Value, point.Exemplars);

    public static IEnumerable<ReceivedLog> DecodeLogs(byte[] request) =>
        from resource in Resources(request)
        from scope in Fields(resource.Signal, 2)
        from record in Fields(scope, 2)
        select new ReceivedLog(resource.Service, Hex(First(record, 9)), Hex(First(record, 10)), Value(First(record, 5)),
            Attributes(record, 6));

    private static IEnumerable<(string Service, string Instance, ReadOnlyMemory<byte> Signal)> Resources(byte[] request) =>
        from signal in Fields(request, 1)
        let resource = Attributes(First(signal, 1), 1)
        select (resource.GetValueOrDefault("service.name", ""), resource.GetValueOrDefault("service.instance.id", ""), signal);

    private static string ScopeName(ReadOnlyMemory<byte> scope) => Text(First(First(scope, 1), 1));

    /// <summary>Each data point of a gauge or sum (its value) or histogram (its count), with its exemplars.</summary>
    private static IEnumerable<(Dictionary<string, string> Attributes, double Value, List<ReceivedExemplar> Exemplars)> Points(
        ReadOnlyMemory<byte> metric)
    {
        foreach (var numbers in Fields(metric, 5).Concat(Fields(metric, 7)))
        foreach (var point in Fields(numbers, 1))
        {
            var value = Scalars(point).FirstOrDefault(s => s.Field is 4 or 6);
            yield return (Attributes(point, 7), value.Field == 4 ? BitConverter.Int64BitsToDouble((long)value.Bits) : (long)value.Bits,
                Exemplars(point, 5));
        }

        foreach (var histogram in Fields(metric, 9))
        foreach (var point in Fields(histogram, 1))
            yield return (Attributes(point, 9), Scalars(point).FirstOrDefault(s => s.Field == 4).Bits, Exemplars(point, 8));
    }

    private static List<ReceivedExemplar> Exemplars(ReadOnlyMemory<byte> point, int field) =>
        Fields(point, field).Select(e => new ReceivedExemplar(Hex(First(e, 5)), Attributes(e, 7))).ToList();

    private static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int field)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var attribute in Fields(message, field))
            attributes[Text(First(attribute, 1))] = Value(First(attribute, 2));
        return attributes;
    }

    /// <summary>An AnyValue as text: string_value(1), bool_value(2), int_value(3), double_value(4).</summary>
    private static string Value(ReadOnlyMemory<byte> anyValue)
    {
        if (Fields(anyValue, 1) is [var text])
            return Text(text);
        return Scalars(anyValue).FirstOrDefault() switch
        {
            (2, var bits) => (bits != 0).ToString(),
            (3, var bits) => ((long)bits).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (4, var bits) => BitConverter.Int64BitsToDouble((long)bits).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        };
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);

    private static ReadOnlyMemory<byte> First(ReadOnlyMemory<byte> message, int field) =>
        Fields(message, field).FirstOrDefault();

    /// <summary>The length-delimited values of one field number, skipping every other field.</summary>
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlyMemory<byte> message, int field) =>
        Read(message).Where(f => f.Field == field && f.Bytes is not null).Select(f => f.Bytes!.Value).ToList();

    /// <summary>The varint and fixed-width fields of a message, as their raw 64 bits.</summary>
    private static List<(int Field, ulong Bits)> Scalars(ReadOnlyMemory<byte> message) =>
        Read(message).Where(f => f.Bytes is null).Select(f => (f.Field, f.Bits)).ToList();

    private static List<(int Field, ulong Bits, ReadOnlyMemory<byte>? Bytes)> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ulong, ReadOnlyMemory<byte>?)>();
        var span = message.Span;
        var position = 0;
        while (position < span.Length)
        {
            var tag = ReadVarint(span, ref position);
            var field = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    fields.Add((field, ReadVarint(span, ref position), null));
                    break;
                case 1:
                    fields.Add((field, BinaryPrimitives.ReadUInt64LittleEndian(span[position..]), null));
                    position += 8;
                    break;
                case 5:
                    fields.Add((field, BinaryPrimitives.ReadUInt32LittleEndian(span[position..]), null));
                    position += 4;
                    break;
                case 2:
                    var length = (int)ReadVarint(span, ref position);
                    fields.Add((field, 0, message.Slice(position, length)));
                    position += length;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {wireType}.");
            }
        }

        return fields;
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
