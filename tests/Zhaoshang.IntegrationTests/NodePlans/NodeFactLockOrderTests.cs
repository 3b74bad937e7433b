using Dapper;
using Npgsql;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.NodePlans;

/// <summary>
/// A consumer recording a fact (an approval grant) takes the project's record lock, then writes node history whose key
/// points at the project row. A staff step on the same project at that moment must wait for it, not deadlock with it:
/// every path takes the record lock before the row lock (the suite's LandDay tests met this deadlock as 503s under load).
/// </summary>
[Collection(SystemCollection.Name)]
public class NodeFactLockOrderTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    [Fact]
    public async Task A_step_taken_while_a_fact_is_being_recorded_for_the_same_project_waits_for_it_instead_of_deadlocking()
    {
        var projectId = await _bureau.SignedProjectAsync();
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString("Project"));
        await connection.OpenAsync();
        await using var fact = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0))", new { Key = projectId.ToString() }, fact);

        var register = _bureau.RegisterAsync(projectId);
        await Eventually.AssertAsync(() => system.SessionsWaitingForLocksAsync(system.Project), waiting => waiting >= 1,
            "the registration waits for the project's record lock");
        await connection.ExecuteAsync(
            "INSERT INTO project_node_history (project_id, action, actor, occurred_at) VALUES (@projectId, 'lock order test', 'test', now())",
            new { projectId }, fact);
        await fact.RollbackAsync();

        var registered = await register;
        Assert.Equal("Registered", registered.GetProperty("state").GetString());
    }
}
