using System.Globalization;

namespace FailoverModel.Asa.Show;

/// <summary>
/// How the model prints its simulated time the way ASA prints a wall clock (<c>06:12:45 UTC Apr 16 2007</c>). The
/// clock starts at midnight of the day the seed's outputs were taken (Apr 16 2007), so a rendered output reads like
/// the seed's; every time field is derived from the simulated milliseconds, never from the host's clock.
/// </summary>
internal static class SimulatedClock
{
    public static readonly DateTime Epoch = new(2007, 4, 16, 0, 0, 0, DateTimeKind.Utc);

    public static string Format(long milliseconds) =>
        Epoch.AddMilliseconds(milliseconds).ToString("HH:mm:ss 'UTC' MMM d yyyy", CultureInfo.InvariantCulture);
}
