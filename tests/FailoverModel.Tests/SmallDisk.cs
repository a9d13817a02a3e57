namespace FailoverModel.Tests;

/// <summary>
/// A 1 MiB tmpfs, for the tests of a disk that fills up, where the machine lets a test mount one (as root on Linux).
/// Elsewhere <see cref="TryMount"/> says no and such a test has nothing to run on.
/// </summary>
public static class SmallDisk
{
    /// <summary>Mounts a 1 MiB tmpfs on the existing folder <paramref name="folder"/>; false where that is not allowed.</summary>
    public static bool TryMount(string folder) =>
        OperatingSystem.IsLinux() && Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder) == 0;

    /// <summary>Unmounts what <see cref="TryMount"/> mounted; false when the system refused.</summary>
    public static bool Unmount(string folder) => Run("umount", folder) == 0;

    private static int Run(string command, params string[] args)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
