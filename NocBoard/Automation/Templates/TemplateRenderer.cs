using Fluid;
using Microsoft.Extensions.Options;
using NocBoard.Site;

namespace NocBoard.Automation.Templates;

/// <summary>A template that does not parse or render; the message says which template and where.</summary>
public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// Renders templates with Fluid (Liquid). Only the model records are reachable, loops are bounded,
/// and dates are shown in Site:TimeZone. A template is checked when saved, so a scrip meets a
/// broken template only if it was stored some other way.
/// </summary>
public sealed class TemplateRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions options;
    private readonly SiteModel site;

    public TemplateRenderer(IOptions<SiteOptions> siteOptions)
    {
        options = new TemplateOptions
        {
            MaxSteps = 100_000,
            MaxRecursion = 20,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(siteOptions.Value.TimeZone),
        };
        options.MemberAccessStrategy.Register<TicketModel>();
        options.MemberAccessStrategy.Register<TransactionModel>();
        options.MemberAccessStrategy.Register<QueueModel>();
        options.MemberAccessStrategy.Register<RecipientModel>();
        options.MemberAccessStrategy.Register<SiteModel>();
        options.MemberAccessStrategy.Register<ReminderModel>();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        site = new SiteModel(siteOptions.Value.Name, siteOptions.Value.BaseUrl.TrimEnd('/'));
    }

    /// <summary>Null when the text parses; otherwise what is wrong with it.</summary>
    public static string? Check(string? text) =>
        Parser.TryParse(text ?? "", out _, out var error) ? null : error;

    public async Task<RenderedMessage> RenderAsync(Template template, TemplateValues values)
    {
        var subject = await RenderPartAsync(template.Name, "subject", template.Subject, values);
        var body = await RenderPartAsync(template.Name, "body", template.Body, values);
        // A subject is one line, whatever the template produced.
        subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return new RenderedMessage(subject, body);
    }

    private async Task<string> RenderPartAsync(string name, string part, string text, TemplateValues values)
    {
        if (!Parser.TryParse(text, out var parsed, out var error))
            throw new TemplateException($"Template '{name}' ({part}) does not parse: {error}");
        var context = new TemplateContext(options);
        context.SetValue("site", site);
        if (values.Ticket is not null) context.SetValue("ticket", values.Ticket);
        if (values.Transaction is not null) context.SetValue("transaction", values.Transaction);
        if (values.Queue is not null) context.SetValue("queue", values.Queue);
        if (values.Recipient is not null) context.SetValue("recipient", values.Recipient);
        if (values.Reminder is not null) context.SetValue("reminder", values.Reminder);
        if (values.Tickets is not null) context.SetValue("tickets", values.Tickets);
        try
        {
            return await parsed.RenderAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TemplateException($"Template '{name}' ({part}) failed to render: {e.Message}");
        }
    }
}
