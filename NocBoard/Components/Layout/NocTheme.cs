using MudBlazor;

namespace NocBoard.Components.Layout;

/// <summary>NocBoard's colours: calm for the desk, with status colours that read from across a room.</summary>
public static class NocTheme
{
    public static readonly MudTheme Default = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#2e7d32",
            AppbarBackground = "#12324f",
            Error = "#c62828",
            Warning = "#ef6c00",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
        },
    };
}
