using System.Text;
using Ganss.Xss;
using Markdig;

namespace NocBoard.Tickets.Display;

/// <summary>
/// Turns a stored message body into HTML that is safe to show: plain text is escaped, Markdown is
/// rendered without raw HTML, and HTML (from mail) is always passed through the sanitiser, so a
/// message can never run script in an agent's browser.
/// </summary>
public static class MessageBody
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .DisableHtml().UseAutoLinks().UsePipeTables().UseEmphasisExtras().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(Attachment body)
    {
        var text = Encoding.UTF8.GetString(body.Content);
        return body.ContentType switch
        {
            "text/markdown" => Sanitizer.Sanitize(Markdig.Markdown.ToHtml(text, Markdown)),
            "text/html" => Sanitizer.Sanitize(text),
            _ => $"<div class=\"noc-plain\">{System.Net.WebUtility.HtmlEncode(text)}</div>",
        };
    }

    /// <summary>HTML from outside (mail) made safe to store and show, with the same rules as display.</summary>
    public static string SanitizeHtml(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Remote images in mail are tracking beacons and, here, requests off the box.
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
                anchor.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
