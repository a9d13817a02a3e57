using FailoverModel.Cli.Commands;

namespace FailoverModel.Tests.Oracle;

public class BackgroundWriteStreamTests
{
    /// <summary>Writes of every size, across the 1 MB chunks, reach the inner stream whole and in order.</summary>
    [Fact]
    public void EveryByteArrivesInOrder()
    {
        var random = new Random(7);
        var expected = new MemoryStream();
        var inner = new KeepOpenStream();
        using (var stream = new BackgroundWriteStream(inner))
        {
            while (expected.Length < 5_000_000)
            {
                var bytes = new byte[random.Next(0, 300_000)];
                random.NextBytes(bytes);
                expected.Write(bytes);
                stream.Write(bytes);
                expected.WriteByte((byte)bytes.Length);
                stream.WriteByte((byte)bytes.Length);
            }
        }

        Assert.True(inner.Disposed);
        Assert.Equal(expected.ToArray(), inner.ToArray());
    }

    /// <summary>A full disk surfaces as the inner stream's own error, not as a stuck or silent writer.</summary>
    [Fact]
    public void TheInnerStreamsErrorReachesTheWriter()
    {
        var error = Assert.Throws<IOException>(() =>
        {
            using var stream = new BackgroundWriteStream(new FailingStream());
            var chunk = new byte[1 << 20];
            for (var i = 0; i < 100; i++)
            {
                stream.Write(chunk);
            }
        });

        Assert.Equal("no space left on device", error.Message);
    }

    private sealed class KeepOpenStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
        }
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("no space left on device");
    }
}
