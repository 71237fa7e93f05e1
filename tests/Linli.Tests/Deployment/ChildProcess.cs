using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Linli.Tests.Deployment;

/// <summary>
/// A process the tests start (dotnet publish, the published app, dotnet run), with its output kept for the failure
/// message, and ended with its children when disposed.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // The test host's own address settings must not leak into the app under test; each test sets what it means to.
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
            info.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }
        var child = new ChildProcess(new Process { StartInfo = info });
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_gate) return _output.ToString(); }
    }

    /// <summary>The last lines of output, for an assertion message.</summary>
    public string Tail(int lines = 40) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="done"/> holds for the output (or the process ends, or the time is up); returns whether it held.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (done(Output)) return true;
            if (_process.HasExited) return done(Output);
            await Task.Delay(200);
        }
        return done(Output);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts connections on the loopback port.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
