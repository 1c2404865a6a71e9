using System.Collections.Concurrent;
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

    // Liquid's builtin functions are the same for every render and only read while rendering;
    // building them anew cost more than rendering a notification.
    private static readonly ScriptObject Builtins = new LiquidBuiltinsFunctions();

    // Parsed templates by their text: a template's text is its identity, so an edited template is
    // a new key and is parsed afresh. A parsed template is only read when rendered.
    private readonly ConcurrentDictionary<string, LiquidTemplate> parsedTexts = new(StringComparer.Ordinal);
    private const int MaxParsedTexts = 1000;

    /// <summary>How many texts were parsed (not found already parsed), to watch the cache.</summary>
    public long Parses => Interlocked.Read(ref parses);

    private long parses;

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
        var parsed = Parsed(text);
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
        var context = NewContext();
        context.LoopLimit = 10_000;
        context.RecursiveLimit = 20;
        context.LimitToString = 1_000_000;
        context.MemberFilter = member => member is PropertyInfo && member.DeclaringType is { } type && ModelTypes.Contains(type);
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

    /// <summary>A context set up as Scriban's LiquidTemplateContext, on the shared builtins.</summary>
    internal static TemplateContext NewContext() => new SharedLiquidContext();

    /// <summary>Scriban's LiquidTemplateContext, on the shared builtins instead of a new set each time.</summary>
    private sealed class SharedLiquidContext : TemplateContext
    {
        public SharedLiquidContext() : base(Builtins)
        {
            Language = Scriban.Parsing.ScriptLang.Liquid;
            EnableBreakAndContinueAsReturnOutsideLoop = true;
            EnableRelaxedTargetAccess = true;
            TemplateLoaderLexerOptions = new Scriban.Parsing.LexerOptions { Lang = Scriban.Parsing.ScriptLang.Liquid };
            TemplateLoaderParserOptions = new Scriban.Parsing.ParserOptions { LiquidFunctionsToScriban = true };
            IsLiquid = true;
        }
    }

    private LiquidTemplate Parsed(string text)
    {
        if (parsedTexts.TryGetValue(text, out var known)) return known;
        Interlocked.Increment(ref parses);
        var parsed = LiquidTemplate.ParseLiquid(text);
        // Bounded: templates are few; texts that keep changing must not grow the cache for ever.
        if (parsedTexts.Count >= MaxParsedTexts) parsedTexts.Clear();
        parsedTexts[text] = parsed;
        return parsed;
    }
}
