using System.Runtime.InteropServices;
using FailoverModel.Cli;
using FailoverModel.Cli.Terminal;

// Ctrl-C (SIGINT), SIGTERM (kill, timeout, a CI runner's cancel) and SIGHUP (a closed terminal) all cancel the running
// command, which stops, prints what it covered, removes its temporary files and exits 128 + the signal's number, as a
// shell reports a process the signal ended. A second signal, or a signal while the command does not watch the
// cancellation (Interruption), ends the process at once, its temporary files removed first.
using var interrupt = new CancellationTokenSource();
var received = 0;
void Interrupt(PosixSignalContext context)
{
    if (Interlocked.CompareExchange(ref received, Cli.ExitOnSignal(context.Signal), 0) != 0 || !Interruption.Watched)
    {
        FailoverModel.Cli.Io.OutputFile.RemovePending();
        Environment.Exit(Volatile.Read(ref received));
    }

    context.Cancel = true;
    interrupt.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Interrupt);

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
var exit = Cli.Invoke(args, io);
return exit == Cli.Interrupted && Volatile.Read(ref received) is > 0 and var signal ? signal : exit;
