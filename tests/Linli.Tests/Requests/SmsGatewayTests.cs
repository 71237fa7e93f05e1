using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// The SMS channel over real HTTP to a configured gateway (here a listener in the test standing in for the provider),
/// and what happens to texts when no gateway is configured.
/// </summary>
public sealed class SmsGatewayTests : IAsyncLifetime
{
    private const string CallerPhone = "14000000021";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Body, string? Key, string? Authorization)> _received = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private string _url = null!;
    private Task _serving = Task.CompletedTask;

    public Task InitializeAsync()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/sms";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            _received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["Idempotency-Key"], context.Request.Headers["Authorization"]));
            context.Response.StatusCode = (int)(_answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class App(params (string Key, string Value)[] settings) : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("Requests:RunJobs", "false")).Append(new("Hosting:PublicAddress", "https://linli.shenyang.example"));
    }

    private static async Task<(long Id, string Number)> FiledByPhoneAsync(LinliFactory app, string phone)
    {
        await app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await app.CreateUserAsync("admin", Roles.Administrator, "2101");
        var ticket = await (await app.ClientForAsync("hotline")).FileAsync(await RequestsApi.NewLeafAsync(app, "water"), phone: phone);
        return (ticket.Id(), ticket.GetProperty("number").GetString()!);
    }

    private static Task<List<TicketMessage>> OutboxAsync(LinliFactory app, long id) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Outbox.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task The_gateway_gets_the_number_the_text_and_the_message_key_and_a_refusal_is_not_tried_again()
    {
        await using var app = new App(("Notifications:Sms:GatewayUrl", _url), ("Notifications:Sms:ApiKey", "test-gateway-key"));
        var (id, number) = await FiledByPhoneAsync(app, CallerPhone);
        var message = Assert.Single(await OutboxAsync(app, id));

        Assert.Equal(1, await app.Services.GetRequiredService<NotificationSender>().RunOnceAsync());
        var (body, key, authorization) = Assert.Single(_received);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("+86" + CallerPhone, json.GetProperty("to").GetString()); // E.164, as numbers are stored
        Assert.Equal($"【邻里】诉求已受理：您的诉求 {number} 已受理。", json.GetProperty("text").GetString());
        Assert.Equal(message.Key, json.GetProperty("key").GetGuid());
        Assert.Equal(message.Key, Guid.Parse(key!));
        Assert.Equal("Bearer test-gateway-key", authorization);

        // A number the provider will not send to (400) is given up; a provider down (503) is tried again.
        var refused = (await (await app.ClientForAsync("hotline")).FileAsync(await RequestsApi.NewLeafAsync(app, "water"), phone: "14000000022")).Id();
        _answers.Enqueue(HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().RunOnceAsync());
        var given = Assert.Single(await OutboxAsync(app, refused));
        Assert.NotNull(given.FailedAt);
        Assert.Equal("The SMS gateway refused the message (400).", given.LastError);

        var down = (await (await app.ClientForAsync("hotline")).FileAsync(await RequestsApi.NewLeafAsync(app, "water"), phone: "14000000023")).Id();
        _answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().RunOnceAsync());
        var retried = Assert.Single(await OutboxAsync(app, down));
        Assert.Equal((1, (DateTime?)null), (retried.Attempts, retried.FailedAt));
        Assert.Equal(1, await app.Services.GetRequiredService<NotificationSender>().RunOnceAsync());
        Assert.Equal(4, _received.Count);
    }

    [Fact]
    public async Task Without_a_gateway_texts_are_given_up_at_once_and_the_inbox_messages_behind_them_are_delivered()
    {
        await using var app = new App();
        var (id, number) = await FiledByPhoneAsync(app, CallerPhone);
        await (await app.ClientForAsync("hotline")).OkAsync(id, "dispatch");

        Assert.Equal(1, await app.Services.GetRequiredService<NotificationSender>().RunOnceAsync()); // the unit's
        var outbox = await OutboxAsync(app, id);
        var toCaller = outbox.Where(m => m.Recipient == "reporter:" + number).ToList();
        Assert.Equal(2, toCaller.Count);
        Assert.All(toCaller, m => Assert.Equal("No channel takes 'reporter' addresses.", m.LastError));
        Assert.All(toCaller, m => Assert.NotNull(m.FailedAt));
        Assert.NotNull(Assert.Single(outbox, m => m.Recipient == "dept:water").SentAt);
        Assert.Equal(0, await app.Services.GetRequiredService<NotificationSender>().RunOnceAsync());
        Assert.Empty(_received);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Inbox.CountAsync(i => i.Recipient.StartsWith("reporter:"))));
    }
}
