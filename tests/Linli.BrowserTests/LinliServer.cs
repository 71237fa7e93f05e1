using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>
/// The real Linli server, started once for the browser tests as a child process (<c>dotnet Linli.dll</c>) on a free
/// loopback port with demo data in a temporary folder, plus one headless Debian Chromium driven by Playwright.
/// Tests share it through the <see cref="Collection"/> collection; each test opens its own browser context
/// (<see cref="OpenAsync"/>) so cookies never leak between tests. Tests may add records but never change the
/// demo accounts others sign in with.
/// </summary>
public sealed class LinliServer : IAsyncLifetime
{
    public const string Collection = "linli-server";

    /// <summary>Password of every demo account (Modules/Accounts/Seeding/DemoAccounts.cs).</summary>
    public const string DemoPassword = "Linli#2026";

    /// <summary>A fixed 32-byte personal-data key, for tests only.</summary>
    private const string TestKey = "YnJvd3Nlci10ZXN0LWtleS1mb3ItbGlubGktMzJieXQ=";

    private const string DefaultChromium = "/usr/bin/chromium";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "linli-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Queue<string> _log = new();
    private Process? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go when LINLI_SCREENSHOTS names a folder; null: no screenshots.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("LINLI_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    public async Task InitializeAsync()
    {
        var dll = Metadata("LinliDll");
        var projectDir = Metadata("LinliProjectDir");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The server is not built: {dll} is missing. Run `dotnet build Linli.slnx` first.");

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Directory.CreateDirectory(_dataFolder);
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the project folder: wwwroot and node_modules/echarts are served from there.
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataFolder"] = _dataFolder;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Scale"] = "0.002";
        start.Environment["Demo__Seed"] = "42";
        start.Environment["PersonalData__Key"] = TestKey;
        // Every test signs in from this one address: the sign-in and intake limits would otherwise be reached.
        foreach (var rule in new[] { "SignIn", "Intake", "Open311Write", "Open311Read", "Export" })
        {
            start.Environment[$"RateLimiting__{rule}__PerClient"] = "100000";
            start.Environment[$"RateLimiting__{rule}__PerAccount"] = "100000";
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        _server.OutputDataReceived += (_, e) => Remember(e.Data);
        _server.ErrorDataReceived += (_, e) => Remember(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServer();

        await WaitForHealthAsync();

        // Never let Playwright fetch a browser: it drives the Chromium Debian installs.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINLI_CHROMIUM") is { Length: > 0 } chromium ? chromium : DefaultChromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context (own cookies) in Chinese, desktop-sized unless told otherwise, and a page in it.</summary>
    public async Task<BrowserSession> OpenAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(page);
        page.PageError += (_, error) => session.Errors.Add(error);
        return session;
    }

    /// <summary>Signs in through the form; returns once the browser has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("form.stack button[type=submit]");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Saves a full-page screenshot when LINLI_SCREENSHOTS is set (for looking at the pages; never committed).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is not { } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string ServerLog
    {
        get
        {
            lock (_log) return string.Join('\n', _log);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        StopServer();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
                throw new InvalidOperationException($"The server exited with code {_server.ExitCode}:\n{ServerLog}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy preparing the database */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The server did not become healthy within {StartTimeout}:\n{ServerLog}");
    }

    private void StopServer()
    {
        try
        {
            if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
            _server?.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { /* already gone */ }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > 200) _log.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(LinliServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing (see Linli.BrowserTests.csproj).");
}

[CollectionDefinition(LinliServer.Collection)]
public sealed class LinliServerCollection : ICollectionFixture<LinliServer>;

/// <summary>One browser context and its page; disposing closes the context (and its cookies).</summary>
public sealed class BrowserSession(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>Uncaught JavaScript errors of the page.</summary>
    public List<string> Errors { get; } = [];

    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
}
