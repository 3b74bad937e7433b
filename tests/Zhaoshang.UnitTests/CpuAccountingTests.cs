using Zhaoshang.Benchmark;

namespace Zhaoshang.UnitTests;

public class CpuAccountingTests
{
    private static string Group(int pid, string name) => name;

    [Fact]
    public void A_backend_that_ends_within_a_phase_counts_only_what_it_spent_in_it()
    {
        // The postmaster (1) reaps a backend (2) that had spent 30 s before the phase and 5 s in it: its children's time
        // grows by all 35, of which the phase spent 5.
        var before = new Dictionary<int, ProcessCpu> { [1] = new("postgres", 0, 10), [2] = new("postgres", 1, 30), [7] = new("dotnet", 0, 4) };
        var after = new Dictionary<int, ProcessCpu> { [1] = new("postgres", 0, 45), [7] = new("dotnet", 0, 6) };

        Assert.Equal([("postgres", 5.0), ("dotnet", 2.0)], CpuAccounting.Between(before, after, Group));
    }

    [Fact]
    public void A_process_whose_parent_went_too_takes_nothing_off_and_a_new_one_counts_whole()
    {
        // 3's parent is gone, so nobody here took its CPU in; 4 started during the phase and its whole CPU is the phase's.
        var before = new Dictionary<int, ProcessCpu> { [1] = new("postgres", 0, 10), [3] = new("psql", 99, 7) };
        var after = new Dictionary<int, ProcessCpu> { [1] = new("postgres", 0, 12), [4] = new("postgres", 1, 3) };

        Assert.Equal([("postgres", 5.0)], CpuAccounting.Between(before, after, Group));
    }
}
