using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Admin;
using NocBoard.Mail.Inbound;
using NocBoard.Monitoring;
using NocBoard.Monitoring.Admin;
using NocBoard.Monitoring.Mail;

namespace NocBoard.Tests.Monitoring.Admin;

public class MonitoringAdminTests
{
    private static Task<T> AdminAsync<T>(AlertTestKit kit, Func<MonitoringAdmin, Task<T>> work) =>
        kit.Scenario.InScopeAsync(sp => work(sp.GetRequiredService<MonitoringAdmin>()));

    [Fact]
    public async Task A_New_Mail_Format_Added_As_A_Rule_Becomes_Alerts()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var root = await kit.Scenario.RootAsync();
        (await AdminAsync(kit, a => a.CreateSourceAsync(root, "smokeping"))).EnsureSucceeded();
        (await AdminAsync(kit, a => a.SaveRuleAsync(root, new MailAlertRule
        {
            SourceName = "smokeping", Name = "Smokeping alert", Order = 50,
            SubjectPattern = @"^\[SmokeAlert\] (?<type>\w+) on (?<host>\S+)$", KeyTemplate = "{host}",
            StateMap = "someloss=problem; clear=ok",
        }))).EnsureSucceeded();

        var mail = new MimeMessage { Subject = "[SmokeAlert] someloss on edge-ams2", Body = new TextPart("plain") { Text = "loss: 4/20" } };
        var taken = await kit.Scenario.InScopeAsync(sp => sp.GetServices<IInboundMailInterceptor>().OfType<MonitoringMailInterceptor>().Single()
            .TryTakeAsync(new InboundMail(mail, "imap:noc", null, "correspond"), CancellationToken.None));

        Assert.True(taken);
        var episode = Assert.Single(await kit.EpisodesAsync());
        Assert.Equal("edge-ams2", episode.Key);
    }

    [Fact]
    public async Task Bad_Rules_And_Mappings_Are_Refused_Naming_The_Field()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var root = await kit.Scenario.RootAsync();
        var badRegex = await AdminAsync(kit, a => a.SaveRuleAsync(root, new MailAlertRule
            { SourceName = "nagios", Name = "broken", SubjectPattern = "(unclosed", KeyTemplate = "{host}", StateMap = "X=problem" }));
        var badState = await AdminAsync(kit, a => a.SaveRuleAsync(root, new MailAlertRule
            { SourceName = "nagios", Name = "broken", SubjectPattern = "x", KeyTemplate = "{host}", StateMap = "X=down" }));
        var nagios = await kit.SourceAsync("nagios");
        var badPriority = await AdminAsync(kit, a => a.SaveMappingAsync(root, new AlertMapping
            { SourceId = nagios.Id, Field = "severity", Pattern = "CRITICAL", Target = MappingTarget.Priority, Value = "high" }));
        var badField = await AdminAsync(kit, a => a.SaveMappingAsync(root, new AlertMapping
            { SourceId = nagios.Id, Field = "colour", Target = MappingTarget.Queue, Value = "General" }));

        Assert.Equal(("Patterns", AdminErrorKind.Invalid), (badRegex.Error!.Field, badRegex.Error.Kind));
        Assert.Contains("'down' is not a state", badState.Error!.Message);
        Assert.Equal("Value", badPriority.Error!.Field);
        Assert.Equal("Field", badField.Error!.Field);
        Assert.Equal(3, (await kit.SourceAsync("nagios")).Mappings.Count);
    }

    [Fact]
    public async Task Source_Settings_Are_Saved_And_Checked()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var root = await kit.Scenario.RootAsync();
        var nagios = await kit.SourceAsync("nagios");
        var unknownQueue = await AdminAsync(kit, a => a.SaveSourceAsync(root, nagios.Id, "Nowhere", RecoveryAction.Comment, 10, false));
        Assert.Equal("QueueName", unknownQueue.Error!.Field);

        Assert.True((await AdminAsync(kit, a => a.SaveSourceAsync(root, nagios.Id, "General", RecoveryAction.Comment, 10, false))).Succeeded);
        var saved = await kit.SourceAsync("nagios");
        Assert.Equal((RecoveryAction.Comment, 10), (saved.OnRecovery, saved.ReopenWindowMinutes));
        Assert.Equal((5, 30), (saved.FlapChanges, saved.FlapWindowMinutes));   // kept when not given

        var settings = new MonitoringAdmin.SourceSettings("General", RecoveryAction.Resolve, 10, false, FlapChanges: 1);
        Assert.Equal("FlapChanges", (await AdminAsync(kit, a => a.SaveSourceAsync(root, nagios.Id, settings))).Error!.Field);
        Assert.Equal("FlapWindowMinutes", (await AdminAsync(kit, a => a.SaveSourceAsync(root, nagios.Id, settings with { FlapChanges = 4, FlapWindowMinutes = 0 }))).Error!.Field);
        Assert.True((await AdminAsync(kit, a => a.SaveSourceAsync(root, nagios.Id, settings with { FlapChanges = 0, FlapWindowMinutes = 15 }))).Succeeded);
        saved = await kit.SourceAsync("nagios");
        Assert.Equal((0, 15), (saved.FlapChanges, saved.FlapWindowMinutes));   // 0 (off) is stored, not taken for "unset"
    }

    [Fact]
    public async Task Only_SuperUsers_Administer_Monitoring()
    {
        await using var kit = await AlertTestKit.StartAsync();
        var agent = await kit.Scenario.UserAsync("agent");
        await kit.Scenario.GrantAsync(NocBoard.Accounts.Rights.Right.ShowConfigTab, user: agent);
        var sources = await AdminAsync(kit, a => a.SourcesAsync(agent));
        var rejected = await AdminAsync(kit, a => a.RejectedAsync(agent));
        Assert.Equal(AdminErrorKind.Forbidden, sources.Error!.Kind);
        Assert.Contains("SuperUser", rejected.Error!.Message);
    }
}
