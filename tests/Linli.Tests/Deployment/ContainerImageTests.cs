using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Deployment;

/// <summary>
/// The container image (Dockerfile) and the compose file with PostgreSQL. The essentials are read from the files on
/// every run; the image itself is built (and started until its health check passes) only where a Docker engine answers.
/// </summary>
public sealed partial class ContainerImageTests
{
    private static readonly string Root = PublishedBuild.RepositoryRoot;

    /// <summary>The instructions of the Dockerfile's last stage (the image that runs), continuation lines joined.</summary>
    private static List<(string Instruction, string Arguments)> RuntimeStage()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile")).Replace("\\\n", " ");
        var instructions = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries) is var parts ? (parts[0].ToUpperInvariant(), parts.ElementAtOrDefault(1) ?? "") : default)
            .ToList();
        return instructions.Skip(instructions.FindLastIndex(i => i.Item1 == "FROM")).ToList();
    }

    private static string? Env(List<(string Instruction, string Arguments)> stage, string name) =>
        stage.Where(i => i.Instruction == "ENV").Select(i => EnvAssignment(name).Match(i.Arguments)).LastOrDefault(m => m.Success)?.Groups[1].Value;

    private static Regex EnvAssignment(string name) => new($@"(?:^|\s){Regex.Escape(name)}=(\S+)");

    [Fact]
    public void The_image_runs_as_an_unprivileged_user()
    {
        var users = RuntimeStage().Where(i => i.Instruction == "USER").Select(i => i.Arguments).ToList();
        Assert.NotEmpty(users);
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", users[^1]);
    }

    [Fact]
    public void The_image_exposes_the_port_the_app_listens_on_and_checks_health_there()
    {
        var stage = RuntimeStage();
        var port = Env(stage, "ASPNETCORE_HTTP_PORTS");
        Assert.NotNull(port);
        Assert.Contains(port, stage.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ')).Select(p => p.Split('/')[0]));
        var health = Assert.Single(stage, i => i.Instruction == "HEALTHCHECK").Arguments;
        Assert.Contains($"http://localhost:{port}/health", health);
        // The compose file publishes that same port of the app.
        Assert.Matches($@"-\s*""\d+:{port}""", File.ReadAllText(Path.Combine(Root, "compose.yaml")));
    }

    [Fact]
    public void The_data_folder_is_a_volume_owned_by_the_app_user()
    {
        var stage = RuntimeStage();
        var folder = Env(stage, "Database__DataFolder");
        Assert.NotNull(folder);
        Assert.Contains(stage, i => i.Instruction == "VOLUME" && i.Arguments.Contains(folder));
        Assert.Contains(stage, i => i.Instruction == "RUN" && i.Arguments.Contains("chown") && i.Arguments.Contains(folder));
    }

    [Fact]
    public void The_build_context_leaves_out_what_the_image_builds_itself()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var entry in new[] { "**/bin", "**/obj", "**/node_modules", "src/Linli/wwwroot/lib", ".git" }) Assert.Contains(entry, ignored);
    }

    [Fact]
    public void The_compose_file_runs_the_app_as_the_runtime_role_and_migrates_as_the_owner()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "compose.yaml"));
        Assert.Matches(@"migrate:[\s\S]*?Username=linli_owner", compose);
        Assert.Matches(@"\n  app:[\s\S]*?Username=linli_app", compose);
        Assert.Contains("PersonalData__Key: ${LINLI_PERSONAL_DATA_KEY", compose);
        var init = File.ReadAllText(Path.Combine(Root, "deploy", "postgres-init.sh"));
        Assert.Contains("GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO linli_app", init);
        Assert.DoesNotContain("SUPERUSER", init);
    }

    private static async Task<(bool Answers, string Why)> DockerEngineAsync()
    {
        try
        {
            await using var probe = ChildProcess.Start("docker", ["version", "--format", "{{.Server.Version}}"], Root);
            var exit = await probe.WaitForExitAsync(TimeSpan.FromSeconds(30));
            return (exit == 0, "docker version: " + probe.Tail(3).Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (false, "no docker client");
        }
        catch (OperationCanceledException)
        {
            return (false, "docker version did not answer within 30 s");
        }
    }

    /// <summary>The one test that may skip: this needs a Docker engine, and the machine may have only the client.</summary>
    [SkippableFact]
    public async Task The_image_builds_and_becomes_healthy_when_a_Docker_engine_answers()
    {
        var (answers, why) = await DockerEngineAsync();
        Skip.IfNot(answers, $"No Docker engine answers here ({why}); the image was not built. The Dockerfile's essentials are checked by the other tests of this class.");

        var tag = "linli-test:" + Guid.NewGuid().ToString("N")[..8];
        await using (var build = ChildProcess.Start("docker", ["build", "-t", tag, "."], Root))
            Assert.True(await build.WaitForExitAsync(TimeSpan.FromMinutes(30)) == 0, $"docker build failed:\n{build.Tail()}");
        var container = "linli-test-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var run = ChildProcess.Start("docker", ["run", "-d", "--name", container, "-e", $"PersonalData__Key={LinliFactory.TestKey}", tag], Root))
                Assert.True(await run.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, $"docker run failed:\n{run.Tail()}");
            var status = "";
            var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (status != "healthy" && DateTime.UtcNow < until)
            {
                await Task.Delay(2000);
                await using var inspect = ChildProcess.Start("docker", ["inspect", "--format", "{{.State.Health.Status}}", container], Root);
                await inspect.WaitForExitAsync(TimeSpan.FromMinutes(1));
                status = inspect.Output.Trim();
            }
            Assert.Equal("healthy", status);
            await using var id = ChildProcess.Start("docker", ["exec", container, "id", "-u"], Root);
            await id.WaitForExitAsync(TimeSpan.FromMinutes(1));
            Assert.NotEqual("0", id.Output.Trim());
        }
        finally
        {
            await using var remove = ChildProcess.Start("docker", ["rm", "-f", container], Root);
            await remove.WaitForExitAsync(TimeSpan.FromMinutes(1));
            await using var untag = ChildProcess.Start("docker", ["rmi", tag], Root);
            await untag.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }
    }
}
