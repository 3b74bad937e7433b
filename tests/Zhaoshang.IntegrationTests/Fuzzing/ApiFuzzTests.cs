using System.Diagnostics;
using Xunit.Abstractions;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// Every operation of the four OpenAPI documents gets malformed JSON, wrong types, missing and unknown fields, huge
/// strings and numbers, Unicode edge cases, SQL-injection-like text and oversized bodies; its query, path and header
/// parameters get hostile values. No answer may be a 5xx, every 4xx is a ProblemDetails, and a refused request writes
/// nothing. The counts go to the test output and to <c>.run/fuzz-report.txt</c>.
/// </summary>
[Collection(SystemCollection.Name)]
public class ApiFuzzTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_input_never_gets_a_5xx_and_a_refused_request_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var targets = await FuzzTargets.PrepareAsync(system);
        output.WriteLine($"targets prepared in {clock.Elapsed.TotalSeconds:0.0} s");
        var operations = new List<ApiOperation>();
        foreach (var service in new[] { system.Lead, system.Project, system.Approval, system.Funding })
            operations.AddRange(await ApiOperation.ReadAllAsync(system, service));
        var report = new FuzzReport();
        operations.ForEach(report.Add);
        using var fuzzer = new ApiFuzzer(system, targets, report);

        // First every request that must be refused, while nothing else moves: the target records must not change.
        // The services are fuzzed side by side, each one operation after another.
        var byService = operations.GroupBy(o => o.Service.Name).ToList();
        await Task.WhenAll(byService.Select(async service =>
        {
            foreach (var operation in service)
            {
                var before = await targets.SnapshotAsync();
                var refused = await fuzzer.SendAsync(operation, FuzzCases.For(operation, targets).Where(c => c.Refused));
                await fuzzer.AssertNothingWrittenAsync(operation, refused);
                if (await targets.SnapshotAsync() != before)
                    report.Fail($"{operation.Name}: refused requests changed a target record.");
            }
        }));
        output.WriteLine($"refused requests done at {clock.Elapsed.TotalSeconds:0.0} s");

        // Then what a service may accept (awkward text, edge numbers and dates, missing fields): no 5xx, no write on a 4xx.
        await Task.WhenAll(byService.Select(async service =>
        {
            foreach (var operation in service)
            {
                var refused = await fuzzer.SendAsync(operation, FuzzCases.For(operation, targets).Where(c => !c.Refused));
                await fuzzer.AssertNothingWrittenAsync(operation, refused);
            }
        }));

        var table = report.Table(clock.Elapsed);
        output.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, ".run", "fuzz-report.txt"), table);
        Assert.True(report.Failures.Count == 0, $"{report.Failures.Count} broken expectations:\n{string.Join('\n', report.Failures.Take(60))}");
        Assert.Equal(0, report.ServerErrors);
    }
}
