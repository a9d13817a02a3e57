using FailoverModel.Cli;
using FailoverModel.Cli.Terminal;

namespace FailoverModel.Tests.CommandLine;

/// <summary>Redirected, a long command's progress is a plain line now and then on stderr, with phase, count, total, rate, elapsed time and ETA.</summary>
public class CommandProgressTests
{
    [Fact]
    public void RedirectedProgressIsPlainLinesOnStderrWithEveryFact()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var io = new CliIo(stdout, stderr, TextReader.Null);

        var result = CommandProgress.Run(io, "explore", progress =>
        {
            progress.Phase("settled graph", "states", 1_000);
            progress.Set(250);
            Thread.Sleep(400);
            return 42;
        }, TimeSpan.FromMilliseconds(100));

        Assert.Equal(42, result);
        Assert.Equal("", stdout.ToString());
        var lines = stderr.ToString().TrimEnd('\n').Split('\n');
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^explore: settled graph: 250 of 1,000 \(25 %\) states, [\d,]+ states/s, elapsed 0:00, ETA \d+:\d\d$", line));
        Assert.DoesNotContain('\u001b', stderr.ToString());
    }

    [Fact]
    public void TheWorksExceptionReachesTheCaller()
    {
        var io = new CliIo(new StringWriter(), new StringWriter(), TextReader.Null);

        Assert.Throws<OperationCanceledException>(() => CommandProgress.Run<int>(io, "oracle vectors", _ => throw new OperationCanceledException()));
    }
}
