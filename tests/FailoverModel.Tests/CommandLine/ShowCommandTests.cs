namespace FailoverModel.Tests.CommandLine;

public class ShowCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static string Scenario(string text) => CliRun.Scenario(text);

    [Fact]
    public void ShowPrintsTheUnitsOutputAfterTheScenario()
    {
        var path = Scenario("power-on primary secondary\nprimary: no failover active group 1\n");

        var (exit, output, error) = Run("show", path, "primary", "failover", "state");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("This host  -   Primary", output, StringComparison.Ordinal);
        Assert.Contains("    Group 1    Standby Ready  Set by the config command", output, StringComparison.Ordinal);
        Assert.Contains("    Group 1    Active         None", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A Last Failure Reason that is set has its Date/Time under that heading, and an interface failure lists the failed
    /// interfaces under the reason (docs/sources.md, "Show outputs"); the time is the simulated clock's (25 s of interface
    /// holdtime after boot), and the mate's is as its hellos carried it.
    /// </summary>
    [Fact]
    public void ShowFailoverStateDatesAFailureAndListsTheFailedInterfaces()
    {
        var path = Scenario("power-on primary secondary\ninterface-down primary context1/outside\n");

        var (exit, own, _) = Run("show", path, "primary", "failover", "state");
        var (_, mate, _) = Run("show", path, "secondary", "failover", "state");

        Assert.Equal(0, exit);
        var lines = own.Split('\n');
        var heading = lines[0];
        var failed = Assert.Single(lines, l => l.StartsWith("    Group 1    Failed", StringComparison.Ordinal));
        Assert.Equal(heading.IndexOf("Last Failure Reason", StringComparison.Ordinal), failed.IndexOf("Ifc Failure", StringComparison.Ordinal));
        Assert.Equal(heading.IndexOf("Date/Time", StringComparison.Ordinal), failed.IndexOf("00:00:25 UTC", StringComparison.Ordinal));
        Assert.Equal("                              context1 outside: Failed", lines[Array.IndexOf(lines, failed) + 1]);
        Assert.Contains("    Group 2    Standby Ready  None\n", own, StringComparison.Ordinal);
        Assert.Contains("    Group 1    Failed         Ifc Failure              00:00:25 UTC Apr 16 2007\n                              context1 outside: Failed\n", mate, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowInsideAContextNamesTheContextAfterTheUnit()
    {
        var path = Scenario("power-on primary secondary\ninterface-down primary context1/outside\n");

        var (exit, output, _) = Run("show", path, "primary/context1", "monitor-interface");

        Assert.Equal(0, exit);
        Assert.Equal(
            """
                    This host: Primary - Failed
                            Interface inside (192.168.1.2): Normal
                            Interface outside (172.16.1.2): Failed
                    Other host: Secondary - Active
                            Interface inside (192.168.1.1): Normal
                            Interface outside (172.16.1.1): Normal

            """.Replace("\r", "", StringComparison.Ordinal),
            output);
    }

    [Theory]
    [InlineData("primary", "monitor-interface", "command line:1:6: 'show monitor-interface' is entered inside a context: show primary/<context> monitor-interface")]
    [InlineData("primary/context1", "failover", "command line:1:6: 'show failover' is entered in the system execution space: show primary failover")]
    [InlineData("primary/context9", "monitor-interface", "command line:1:14: unknown context 'context9' (admin, context1, context2)")]
    [InlineData("tertiary", "failover", "command line:1:6: unknown unit 'tertiary' (primary or secondary)")]
    [InlineData("primary", "failover statistics", "command line:1:14: unknown show command 'failover statistics' (known: failover, failover state, failover interface, failover history, running-config failover, monitor-interface)")]
    public void AShowCommandTheModelDoesNotKnowExitsTwoWithItsColumn(string where, string command, string message)
    {
        var path = Scenario("power-on primary secondary\n");

        var (exit, output, error) = Run(["show", path, where, .. command.Split(' ')]);

        Assert.Equal((2, "", message + "\n"), (exit, output, error));
    }

    [Fact]
    public void AFailedExpectStillShowsAndExitsOne()
    {
        var path = Scenario("power-on primary secondary\nexpect group 1 active-on secondary\n");

        var (exit, output, error) = Run("show", path, "secondary", "failover", "interface");

        Assert.Equal(1, exit);
        Assert.Contains("interface LANFailover Ethernet3", output, StringComparison.Ordinal);
        Assert.Contains(":2: expected group 1 active-on secondary", error, StringComparison.Ordinal);
    }
}
