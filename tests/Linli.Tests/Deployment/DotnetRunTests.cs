using System.Net;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Deployment;

/// <summary>
/// A developer's `dotnet run` keeps the address the README promises, http://localhost:5000 (from the launch profile,
/// now that appsettings.json no longer pins an address that would override a container platform's).
/// </summary>
public sealed partial class DotnetRunTests
{
    [GeneratedRegex(@"Failed to bind to address http://(127\.0\.0\.1|\[::1\]|localhost):5000")]
    private static partial Regex BindFailureOn5000();

    [Fact]
    public async Task Dotnet_run_listens_on_localhost_5000()
    {
        // What the README's command starts is the SQLite default whatever the suite runs on: once per test.sh is enough.
        if (TestDatabase.IsPostgres) return;
        // Another program on the machine may hold 5000 already (a developer's own server): then the proof is that the app
        // tried exactly that address.
        var taken = ChildProcess.IsListening(5000);
        var data = Path.Combine(Path.GetTempPath(), "linli_run_" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        // The address is what is tested, not the first migration (the published build's tests start on a new database).
        LinliFactory.CopyTemplateDatabaseTo(data);
        try
        {
            var project = Path.Combine(PublishedBuild.RepositoryRoot, "src", "Linli");
            await using var run = ChildProcess.Start("dotnet",
                ["run", "--no-build", "--project", project, "--", "--Demo:Enabled=false", "--Database:Provider=Sqlite", $"--Database:DataFolder={data}",
                    $"--PersonalData:Key={LinliFactory.TestKey}"],
                project);
            var settled = await run.WaitForOutputAsync(o => o.Contains("Now listening on:") || BindFailureOn5000().IsMatch(o) || o.Contains("Unhandled exception"),
                TimeSpan.FromMinutes(5));
            Assert.True(settled, $"dotnet run neither listened nor failed to bind:\n{run.Tail()}");
            if (taken)
            {
                Assert.Matches(BindFailureOn5000(), run.Output);
                return;
            }
            Assert.Contains("Now listening on: http://localhost:5000", run.Output);
            using var http = new HttpClient { BaseAddress = new Uri("http://localhost:5000") };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { /* temp is cleaned later */ }
        }
    }
}
