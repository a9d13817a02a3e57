using FailoverModel.Cli;
using FailoverModel.Cli.Terminal;

// Ctrl-C cancels the running command, which stops, prints what it covered and exits 130; a second Ctrl-C ends the
// process at once.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

// A terminal that declares itself dumb (TERM=dumb: Emacs shells, some CI consoles) gets what a pipe gets: plain
// lines, no cursor movement, no colour.
var dumb = Environment.GetEnvironmentVariable("TERM") is "dumb";

// Standard input goes as bytes too: oracle serve reads it through the input layer, which checks UTF-8 and line length.
var io = new CliIo(StandardStream.Output(), StandardStream.Error(), Console.In)
{
    InBytes = StandardInput.Open(),
    Cancellation = interrupt.Token,
    OutIsTerminal = !Console.IsOutputRedirected && !dumb,
    ErrorIsTerminal = !Console.IsErrorRedirected && !dumb,
};
return Cli.Invoke(args, io);
