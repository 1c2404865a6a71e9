using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;
using NocBoard.Site;
using Scriban;
using LiquidTemplate = Scriban.Template;
using Scriban.Functions;
using Scriban.Runtime;

namespace NocBoard.Automation.Templates;

/// <summary>A template that does not parse or render; the message says which template and where.</summary>
public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// Renders templates written in Liquid, with Scriban's Liquid mode. Only the properties of the
/// model records are reachable (nothing else of .NET), loops and recursion are bounded, and the
/// model's dates are already in Site:TimeZone. A template is checked when saved, so a scrip meets
/// a broken template only if it was stored some other way.
/// </summary>
public sealed class TemplateRenderer(IOptions<SiteOptions> siteOptions)
{
    private static readonly HashSet<Type> ModelTypes =
    [
        typeof(TicketModel), typeof(TransactionModel), typeof(QueueModel), typeof(RecipientModel), typeof(SiteModel), typeof(ReminderModel),
    ];

    private static readonly DateTimeFunctions Dates = new();

    private readonly SiteModel site = new(siteOptions.Value.Name, siteOptions.Value.BaseUrl.TrimEnd('/'));

    /// <summary>Null when the text parses; otherwise what is wrong with it.</summary>
    public static string? Check(string? text)
    {
        var parsed = LiquidTemplate.ParseLiquid(text ?? "");
        return parsed.HasErrors ? string.Join("; ", parsed.Messages.Select(m => m.ToString())) : null;
    }

    public async Task<RenderedMessage> RenderAsync(Template template, TemplateValues values)
    {
        var subject = await RenderPartAsync(template.Name, "subject", template.Subject, values);
        var body = await RenderPartAsync(template.Name, "body", template.Body, values);
        // A subject is one line, whatever the template produced.
        subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim())).Trim();
        return new RenderedMessage(subject, body);
    }

    private async Task<string> RenderPartAsync(string name, string part, string text, TemplateValues values)
    {
        var parsed = LiquidTemplate.ParseLiquid(text);
        if (parsed.HasErrors)
            throw new TemplateException($"Template '{name}' ({part}) does not parse: {string.Join("; ", parsed.Messages.Select(m => m.ToString()))}");
        var globals = new ScriptObject();
        // Liquid's "| date: '%Y-%m-%d'" (strftime), which Scriban's Liquid mode leaves to its date object.
        globals.Import("date", new Func<object?, string, string>((value, format) =>
            value is DateTime when ? Dates.ToString(when, format, CultureInfo.InvariantCulture) ?? "" : ""));
        globals.SetValue("site", site, true);
        if (values.Ticket is not null) globals.SetValue("ticket", values.Ticket, true);
        if (values.Transaction is not null) globals.SetValue("transaction", values.Transaction, true);
        if (values.Queue is not null) globals.SetValue("queue", values.Queue, true);
        if (values.Recipient is not null) globals.SetValue("recipient", values.Recipient, true);
        if (values.Reminder is not null) globals.SetValue("reminder", values.Reminder, true);
        if (values.Tickets is not null) globals.SetValue("tickets", values.Tickets.ToList(), true);
        var context = new LiquidTemplateContext
        {
            LoopLimit = 10_000,
            RecursiveLimit = 20,
            LimitToString = 1_000_000,
            MemberFilter = member => member is PropertyInfo && member.DeclaringType is { } type && ModelTypes.Contains(type),
        };
        context.PushGlobal(globals);
        try
        {
            return await parsed.RenderAsync(context) ?? "";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TemplateException($"Template '{name}' ({part}) failed to render: {e.Message}");
        }
    }
}
