using System.Text;
using NocBoard.Monitoring;
using NocBoard.Site;
using static System.Net.WebUtility;

namespace NocBoard.Board.Pages;

/// <summary>
/// What goes inside a card, as one piece of HTML. A board circuit keeps every card it shows for as
/// long as the board is open; as markup a card is a single string in the render tree instead of a
/// few dozen frames or a handful of components, each with state of its own. The card's buttons
/// carry <c>data-card-action</c>, handled once per column (see <see cref="BoardCards"/>).
/// </summary>
public static class CardMarkup
{
    public sealed record Context(UserClock Clock, TimeZoneInfo? Zone, DateTimeOffset Now, bool Movable, bool Openable);

    /// <summary>The card element's classes: its priority band colours the edge.</summary>
    public static string ClassOf(BoardCard card) => card.Priority >= 70 ? "noc-card noc-prio-high"
        : card.Priority >= 30 ? "noc-card noc-prio-medium" : "noc-card noc-prio-low";

    /// <summary>The whole card: the element (focusable, draggable when cards can move) and what it shows.</summary>
    public static string Of(BoardCard card, string queue, string initials, AlertBadge? badge, Context at)
    {
        var html = new StringBuilder(768);
        html.Append("<div class=\"").Append(ClassOf(card)).Append("\" data-testid=\"card\" data-ticket=\"").Append(card.Id)
            .Append(at.Movable ? "\" tabindex=\"0\" draggable=\"true\">" : "\" tabindex=\"0\">");
        AppendInner(html, card, queue, initials, badge, at);
        return html.Append("</div>").ToString();
    }

    private static void AppendInner(StringBuilder html, BoardCard card, string queue, string initials, AlertBadge? badge, Context at)
    {
        html.Append("<div class=\"d-flex align-center gap-1\">");
        html.Append("<a href=\"ticket/").Append(card.Id).Append("\" class=\"noc-card-id\"");
        if (at.Openable) html.Append(" data-testid=\"open-card\" data-card-action=\"open\"");
        html.Append(">#").Append(card.Id).Append("</a>");
        html.Append("<span class=\"noc-card-prio\" title=\"Priority\">").Append(card.Priority).Append("</span>");
        if (card.Blocked)
            html.Append("<span class=\"noc-badge noc-badge-blocked\" data-testid=\"blocked\" title=\"Depends on open tickets\">blocked</span>");
        html.Append("<div class=\"flex-grow-1\"></div>");
        if (initials.Length > 0) html.Append("<span class=\"noc-owner\" title=\"Owner\">").Append(HtmlEncode(initials)).Append("</span>");
        if (at.Movable)
            html.Append("<button type=\"button\" class=\"noc-card-move\" aria-label=\"Move #").Append(card.Id)
                .Append(" to…\" aria-haspopup=\"dialog\" data-testid=\"move-menu\" data-card-action=\"move\">⋮</button>");
        html.Append("</div>");
        html.Append("<div class=\"noc-card-subject\">").Append(HtmlEncode(card.Subject)).Append("</div>");
        if (badge is not null) AppendAlert(html, badge, at);
        html.Append("<div class=\"noc-card-meta\"><span>").Append(HtmlEncode(queue)).Append("</span>");
        if (card.Requestor is not null) html.Append("<span> · ").Append(HtmlEncode(card.Requestor)).Append("</span>");
        html.Append("<span> · ");
        AppendTime(html, card.Created, at);
        html.Append("</span>");
        if (card.Due is { } due)
        {
            html.Append(card.IsOverdue(at.Now) ? "<span class=\"noc-overdue\" data-testid=\"overdue\"> · due " : "<span data-testid=\"due\"> · due ");
            AppendTime(html, due, at);
            html.Append("</span>");
        }
        html.Append("</div>");
    }

    // An alert ticket's source, key, what the check says now, how often it was seen and when last.
    private static void AppendAlert(StringBuilder html, AlertBadge b, Context at)
    {
        html.Append("<div class=\"noc-alert noc-alert-").Append(b.IsProblem ? "problem" : "ok")
            .Append("\" data-testid=\"alert-badge\" role=\"status\" title=\"Alert from ").Append(HtmlEncode(b.Source))
            .Append(", key ").Append(HtmlEncode(b.Key)).Append("\">");
        html.Append("<span class=\"noc-badge noc-alert-state\" data-testid=\"alert-state\">")
            .Append(b.Flapping ? "flapping" : b.IsProblem ? "problem" : "ok").Append("</span>");
        html.Append("<span class=\"noc-alert-key\">").Append(HtmlEncode(b.Source)).Append(" · ").Append(HtmlEncode(b.Key)).Append("</span>");
        html.Append("<span data-testid=\"alert-count\">×").Append(b.Count).Append("</span>");
        html.Append("<span>· ");
        AppendTime(html, b.LastSeen, at);
        html.Append("</span></div>");
    }

    // As the When component shows a date: relative, with the exact time on hover; the browser keeps
    // the relative time current (data-age, ages.js), so the markup stays the same as time passes.
    private static void AppendTime(StringBuilder html, DateTimeOffset value, Context at) =>
        html.Append("<time data-age datetime=\"").Append(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append("\" title=\"")
            .Append(HtmlEncode(at.Clock.Exact(value, at.Zone))).Append("\">").Append(HtmlEncode(at.Clock.Relative(value))).Append("</time>");
}
