using FailoverModel.Cli;

// Ctrl-C cancels the running command, which stops, prints what it covered and exits 130; a second Ctrl-C ends the
// process at once.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

var io = new CliIo(Console.Out, Console.Error, Console.In)
{
    Cancellation = interrupt.Token,
    OutIsTerminal = !Console.IsOutputRedirected,
    ErrorIsTerminal = !Console.IsErrorRedirected,
};
return Cli.Invoke(args, io);
