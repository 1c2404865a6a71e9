namespace NocBoard.Components.Shared;

/// <summary>A MudBlazor icon (its SVG content, e.g. <c>Icons.Material.Filled.Tv</c>) as markup, for plain-markup parts of long-lived pages.</summary>
public static class IconMarkup
{
    public static string Of(string svg, string classes) =>
        $"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{svg}</svg>";
}
