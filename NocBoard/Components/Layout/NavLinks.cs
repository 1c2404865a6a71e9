using System.Text;
using NocBoard.Components.Shared;
using static System.Net.WebUtility;

namespace NocBoard.Components.Layout;

/// <summary>
/// The navigation's links as plain markup in MudBlazor's navigation classes. Every open page keeps
/// its layout for as long as it is open, a wall screen for weeks: as MudNavLinks the menu was about
/// fifty components a circuit (link, NavLink, icon, each with two render trees), as markup it is a
/// few strings. Blazor follows plain links as it follows NavLinks.
/// </summary>
public static class NavLinks
{
    public enum Match { Prefix, All }

    /// <summary>One link; <paramref name="icon"/> is a MudBlazor icon's SVG content, or null.</summary>
    public static void Append(StringBuilder html, string href, string text, string currentPath, string? icon = null, Match match = Match.Prefix, string? testId = null)
    {
        html.Append("<div class=\"mud-nav-item\"><a href=\"").Append(HtmlEncode(href)).Append('"');
        if (testId is not null) html.Append(" data-testid=\"").Append(testId).Append('"');
        html.Append(IsCurrent(href, currentPath, match) ? " class=\"mud-nav-link mud-ripple active\" aria-current=\"page\">" : " class=\"mud-nav-link mud-ripple\">");
        if (icon is not null) AppendIcon(html, icon, "mud-nav-link-icon mud-nav-link-icon-default");
        html.Append("<div class=\"mud-nav-link-text\">").Append(HtmlEncode(text)).Append("</div></a></div>");
    }

    public static void AppendIcon(StringBuilder html, string icon, string classes) =>
        html.Append(IconMarkup.Of(icon, "mud-icon-default mud-icon-size-medium " + classes));

    /// <summary>As NavLink decides: the same path, or (by prefix) a page below it.</summary>
    public static bool IsCurrent(string href, string currentPath, Match match)
    {
        if (string.Equals(href, currentPath, StringComparison.OrdinalIgnoreCase)) return true;
        return match == Match.Prefix && href.Length > 0
            && currentPath.StartsWith(href, StringComparison.OrdinalIgnoreCase) && currentPath[href.Length] == '/';
    }

    /// <summary>The page's path relative to the site's base, without query or fragment ("" for the start page).</summary>
    public static string PathOf(Microsoft.AspNetCore.Components.NavigationManager navigation)
    {
        var relative = navigation.ToBaseRelativePath(navigation.Uri);
        var end = relative.IndexOfAny(['?', '#']);
        return (end < 0 ? relative : relative[..end]).TrimEnd('/');
    }
}
