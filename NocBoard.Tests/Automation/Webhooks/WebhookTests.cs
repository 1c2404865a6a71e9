using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NocBoard.Automation;
using NocBoard.Automation.Admin;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Webhooks;
using NocBoard.Outbox;

namespace NocBoard.Tests.Automation.Webhooks;

public class WebhookTests
{
    private sealed record Received(string Body, string? Signature, string? Delivery);

    [Fact]
    public async Task A_Webhook_Scrip_Posts_Signed_Json_To_A_Real_Listener_And_Is_Retried_Until_It_Answers()
    {
        var received = new List<Received>();
        var failFirst = true;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var listener = builder.Build();
        listener.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            lock (received) received.Add(new(body, http.Request.Headers[WebhookCaller.SignatureHeader], http.Request.Headers[WebhookCaller.DeliveryHeader]));
            if (failFirst) { failFirst = false; return Results.StatusCode(503); }
            return Results.Ok();
        });
        await listener.StartAsync();
        var address = listener.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (scenario, clock) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await using var _s = scenario;
        await scenario.OnlyScripsAsync(new Scrip
        {
            Description = "On Create Call Webhook", Condition = ScripCondition.OnCreate, Action = ScripAction.CallWebhook,
            ActionArgument = $"{address}/hook",
            ProtectedWebhookSecret = scenario.Services.GetRequiredService<WebhookSecrets>().Protect("s3cret-key"),
        });
        var id = await scenario.TicketAsync("Webhook me");
        await scenario.SettleAsync();

        var dispatcher = scenario.Services.GetRequiredService<OutboxDispatcher>();
        OutboxMessage row;
        var tries = 0;
        do
        {
            await dispatcher.DispatchBatchAsync(CancellationToken.None);
            row = await scenario.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == WebhookCaller.Kind));
            if (row.Attempts == 0) await Task.Delay(50);
        } while (row.Attempts == 0 && ++tries < 100);
        Assert.Null(row.Processed);
        Assert.True(row.LastError?.Contains("503") == true, row.LastError ?? $"no error after {row.Attempts} attempts");

        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.NotNull((await scenario.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == WebhookCaller.Kind))).Processed);

        Assert.Equal(2, received.Count);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Equal(received[0].Delivery, received[1].Delivery);
        Assert.Equal(WebhookCaller.Sign("s3cret-key", received[1].Body), received[1].Signature);
        Assert.StartsWith("sha256=", received[1].Signature);
        using var json = JsonDocument.Parse(received[1].Body);
        Assert.Equal(id, json.RootElement.GetProperty("ticket").GetProperty("id").GetInt32());
        Assert.Equal("Webhook me", json.RootElement.GetProperty("ticket").GetProperty("subject").GetString());
        Assert.Equal("Create", json.RootElement.GetProperty("transaction").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_Signing_Secret_Is_Stored_Encrypted_And_Never_Shown_Again()
    {
        var (scenario, _) = await AutomationKit.StartAsync();
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var general = await scenario.GeneralQueueIdAsync();
        var form = new ScripForm
        {
            Description = "Hook", QueueId = general, Action = ScripAction.CallWebhook,
            ActionArgument = "https://hooks.example.net/noc", WebhookSecret = "correct-horse-battery",
        };
        var created = await scenario.InScopeAsync(sp => sp.GetRequiredService<ScripAdmin>().CreateAsync(root, form));
        Assert.True(created.Succeeded, created.Error?.Message);

        var stored = await scenario.DbAsync(db => db.Scrips().Where(x => x.Id == created.Value).Select(x => x.ProtectedWebhookSecret).SingleAsync());
        Assert.DoesNotContain("correct-horse-battery", stored);
        Assert.Equal("correct-horse-battery", scenario.Services.GetRequiredService<WebhookSecrets>().Unprotect(stored, created.Value));

        var shown = (await scenario.InScopeAsync(sp => sp.GetRequiredService<ScripAdmin>().GetAsync(root, created.Value))).Value!;
        Assert.Null(shown.WebhookSecret);
        Assert.True(shown.HasWebhookSecret);

        // Saving the form again without typing a secret keeps the one stored.
        shown.Description = "Hook, renamed";
        Assert.True((await scenario.InScopeAsync(sp => sp.GetRequiredService<ScripAdmin>().UpdateAsync(root, created.Value, shown))).Succeeded);
        Assert.Equal(stored, await scenario.DbAsync(db => db.Scrips().Where(x => x.Id == created.Value).Select(x => x.ProtectedWebhookSecret).SingleAsync()));
    }

    [Fact]
    public void The_Signature_Is_Hex_Hmac_Sha256_Of_The_Body()
    {
        // RFC 4231 test case 2.
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookCaller.Sign("Jefe", "what do ya want for nothing?"));
    }
}
