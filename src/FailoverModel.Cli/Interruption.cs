namespace FailoverModel.Cli;

/// <summary>
/// Whether the running command stops by itself when <see cref="CliIo.Cancellation"/> is cancelled. A signal that
/// arrives while one does cancels it, so that the command prints what it covered and removes its temporary files; a
/// signal that arrives while none does (<c>oracle serve</c> waiting on its standard input, <c>run</c>, <c>outage</c>)
/// ends the process at once, as it would without a handler, its temporary files removed first — a cancellation nobody
/// watches would leave the signal without effect.
/// </summary>
internal static class Interruption
{
    private static int _watching;

    /// <summary>Whether a command watching the cancellation is running.</summary>
    public static bool Watched => Volatile.Read(ref _watching) > 0;

    /// <summary>Marks the command as watching the cancellation until the scope is disposed.</summary>
    public static IDisposable Watch()
    {
        Interlocked.Increment(ref _watching);
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref _watching);
            }
        }
    }
}
