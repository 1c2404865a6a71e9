using System.Reflection;
using Microsoft.Extensions.Configuration;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Mail.Outbound;
using NocBoard.Operations.Jobs;
using NocBoard.Outbox;
using NocBoard.Site;
using NocBoard.Tickets;

namespace NocBoard.Tests.Site;

/// <summary>appsettings.Example.json documents every setting: it must load, and name every option there is.</summary>
public class ExampleSettingsTests
{
    private static readonly string ExamplePath = Path.Combine(RepositoryRoot(), "appsettings.Example.json");

    public static TheoryData<string, Type> Sections => new()
    {
        { SiteOptions.Section, typeof(SiteOptions) },
        { MailAddressOptions.Section, typeof(MailAddressOptions) },
        { DataOptions.Section, typeof(DataOptions) },
        { BootstrapOptions.Section, typeof(BootstrapOptions) },
        { TicketOptions.Section, typeof(TicketOptions) },
        { OutboxOptions.Section, typeof(OutboxOptions) },
        { SmtpOptions.Section, typeof(SmtpOptions) },
        { JobsOptions.Section, typeof(JobsOptions) },
        { NocBoard.Api.RateLimits.RateLimitOptions.Section, typeof(NocBoard.Api.RateLimits.RateLimitOptions) },
        { NocBoard.Monitoring.MonitoringOptions.Section, typeof(NocBoard.Monitoring.MonitoringOptions) },
        { NocBoard.Mail.Inbound.InboundMailOptions.Section, typeof(NocBoard.Mail.Inbound.InboundMailOptions) },
        { NocBoard.Mail.Gateway.MailGatewayOptions.Section, typeof(NocBoard.Mail.Gateway.MailGatewayOptions) },
        { NocBoard.Mail.Polling.MailPollingOptions.Section, typeof(NocBoard.Mail.Polling.MailPollingOptions) },
        { NocBoard.Mail.Outbound.AutoreplyOptions.Section, typeof(NocBoard.Mail.Outbound.AutoreplyOptions) },
        { NocBoard.Mail.Outbound.MailCharsetOptions.Section, typeof(NocBoard.Mail.Outbound.MailCharsetOptions) },
        { NocBoard.Automation.AutomationOptions.Section, typeof(NocBoard.Automation.AutomationOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_Option_Is_In_The_Example_With_Its_Default(string section, Type options)
    {
        var config = new ConfigurationBuilder().AddJsonFile(ExamplePath).Build().GetSection(section);
        var defaults = Activator.CreateInstance(options)!;
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = config[property.Name];
            if (IsMap(property.PropertyType))
            {
                // A map (e.g. Jobs:Schedules) or list (Mail:Polling:Mailboxes) is empty by default; the example shows {} or [].
                Assert.True(MentionsKey(section, property.Name), $"appsettings.Example.json has no {section}:{property.Name}");
                continue;
            }
            Assert.True(value is not null, $"appsettings.Example.json has no {section}:{property.Name}");
            var bound = config.GetSection(property.Name).Get(property.PropertyType);
            var expected = property.GetValue(defaults);
            if (expected is null) Assert.True(string.IsNullOrEmpty(value), $"{section}:{property.Name} should be empty by default");
            else Assert.Equal(expected, bound);
        }
    }

    private static bool IsMap(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(List<>));

    private static bool MentionsKey(string section, string key) =>
        (File.ReadAllText(ExamplePath).Contains($"\"{key}\": {{", StringComparison.Ordinal)
         || File.ReadAllText(ExamplePath).Contains($"\"{key}\": [", StringComparison.Ordinal))
        && new ConfigurationBuilder().AddJsonFile(ExamplePath).Build().GetSection(section).Exists();

    [Fact]
    public void The_Example_Sets_No_Root_Password()
    {
        var config = new ConfigurationBuilder().AddJsonFile(ExamplePath).Build();
        Assert.True(string.IsNullOrEmpty(config["Bootstrap:RootPassword"]));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NocBoard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NocBoard.sln not found above the test output folder.");
    }
}
