using System.Collections.Concurrent;
using System.Text;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>How many requests each operation got, by status code, and every broken expectation.</summary>
internal sealed class FuzzReport
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, int>> _counts = new();
    private readonly List<string> _order = [];
    private readonly ConcurrentQueue<string> _failures = new();

    public IReadOnlyCollection<string> Failures => _failures;

    public int Requests => _counts.Values.Sum(c => c.Values.Sum());

    public int ServerErrors => _counts.Values.Sum(c => c.Where(s => s.Key >= 500).Sum(s => s.Value));

    public void Add(ApiOperation operation)
    {
        lock (_order)
            _order.Add(operation.Name);
        _counts.TryAdd(operation.Name, new ConcurrentDictionary<int, int>());
    }

    public void Count(ApiOperation operation, int status) => _counts[operation.Name].AddOrUpdate(status, 1, (_, n) => n + 1);

    public void Fail(ApiOperation operation, FuzzCase fuzzCase, string problem) =>
        _failures.Enqueue($"{operation.Name} [{fuzzCase.What}]: {problem}");

    public void Fail(string problem) => _failures.Enqueue(problem);

    /// <summary>One row per operation, one column per status code seen, and the total.</summary>
    public string Table(TimeSpan elapsed)
    {
        var statuses = _counts.Values.SelectMany(c => c.Keys).Distinct().Order().ToList();
        var width = _order.Max(n => n.Length) + 2;
        var text = new StringBuilder();
        text.Append("endpoint".PadRight(width)).Append("requests".PadLeft(9));
        statuses.ForEach(s => text.Append($"{s,6}"));
        text.AppendLine($"{"5xx",6}");
        foreach (var name in _order)
            Row(text, name, _counts[name], statuses, width);
        var total = new Dictionary<int, int>(statuses.Select(s => KeyValuePair.Create(s, _counts.Values.Sum(c => c.GetValueOrDefault(s)))));
        Row(text, $"total ({_order.Count} endpoints)", total, statuses, width);
        text.AppendLine($"{Requests} requests in {elapsed.TotalSeconds:0.0} s; {ServerErrors} answered 5xx; {_failures.Count} broken expectations.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, IReadOnlyDictionary<int, int> counts, List<int> statuses, int width)
    {
        text.Append(name.PadRight(width)).Append($"{counts.Values.Sum(),9}");
        statuses.ForEach(s => text.Append($"{(counts.TryGetValue(s, out var n) ? n.ToString() : "·"),6}"));
        text.AppendLine($"{counts.Where(c => c.Key >= 500).Sum(c => c.Value),6}");
    }
}
