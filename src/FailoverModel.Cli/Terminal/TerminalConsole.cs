using Spectre.Console;

namespace FailoverModel.Cli.Terminal;

/// <summary>
/// The Spectre consoles the commands write tables and progress to. On a terminal: its width, and colour unless
/// <c>NO_COLOR</c> is set (https://no-color.org). Redirected: no colour, no escape codes, and the width of
/// <c>COLUMNS</c> when set, otherwise 80, so that a piped or logged table reads the same on every machine.
/// </summary>
public static class TerminalConsole
{
    /// <summary>The width assumed when the output is not a terminal and <c>COLUMNS</c> is not set.</summary>
    public const int DefaultWidth = 80;

    /// <summary>A console writing to standard output.</summary>
    public static IAnsiConsole ForOut(CliIo io) => Create(io.Out, io.OutIsTerminal, io.Width);

    /// <summary>
    /// Writes a table (or any renderable) to standard output: on a terminal as Spectre draws it, redirected without the
    /// spaces Spectre pads each line with, so that files and diffs hold only what is seen.
    /// </summary>
    public static void Write(CliIo io, Spectre.Console.Rendering.IRenderable renderable)
    {
        if (io.OutIsTerminal)
        {
            ForOut(io).Write(renderable);
            return;
        }

        var text = new StringWriter();
        Create(text, terminal: false, io.Width).Write(renderable);
        foreach (var line in text.ToString().Split('\n'))
        {
            if (line.Length > 0)
            {
                io.Out.WriteLine(line.TrimEnd());
            }
        }
    }

    /// <summary>A console writing to standard error (progress displays).</summary>
    public static IAnsiConsole ForError(CliIo io) => Create(io.Error, io.ErrorIsTerminal, io.Width);

    /// <summary>Whether colour is allowed on a terminal: <c>NO_COLOR</c> set to anything but the empty string forbids it.</summary>
    public static bool ColourAllowed => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static IAnsiConsole Create(TextWriter writer, bool terminal, int? width)
    {
        var colour = terminal && ColourAllowed;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = width ?? (terminal ? TerminalWidth() : Columns() ?? DefaultWidth);
        return console;
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : Columns() ?? DefaultWidth;
        }
        catch (IOException)
        {
            return Columns() ?? DefaultWidth;
        }
    }

    private static int? Columns() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 20 ? columns : null;
}
