namespace NocBoard.Board.Wall;

/// <summary>
/// Where a wall screen goes next when asked to rotate, e.g. "?rotate=3,dashboard,5&amp;every=60":
/// saved boards by number, "0" or "all" for the default board, "dashboard" for the wall dashboard.
/// Rotation needs at least two screens; a screen is shown at least 10 s (default 60 s).
/// </summary>
public sealed record WallRotation(string? Rotate, int? Every, int? Sound)
{
    public const string Dashboard = "dashboard";

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(10, Every ?? 60));

    /// <summary>The screens in the rotation, as paths ("wall", "wall/3", "wall/dashboard"); unknown words are left out.</summary>
    public List<string> Screens => (Rotate ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(PathOf).OfType<string>().ToList();

    /// <summary>The next screen's address, carrying the rotation along; null when there is nothing to rotate to.</summary>
    public string? NextAfter(string current)
    {
        var screens = Screens;
        if (screens.Count < 2) return null;
        var next = screens[(screens.IndexOf(current) + 1) % screens.Count];
        return $"{next}?rotate={Uri.EscapeDataString(Rotate!)}&every={Every}&sound={Sound}";
    }

    /// <summary>The path of a board's wall: the default board has none of its own number.</summary>
    public static string PathOfBoard(int? id) => id is { } n and > 0 ? $"wall/{n}" : "wall";

    private static string? PathOf(string entry) => entry.ToLowerInvariant() switch
    {
        Dashboard => "wall/dashboard",
        "all" or "0" => "wall",
        _ => int.TryParse(entry, out var n) && n > 0 ? $"wall/{n}" : null,
    };
}
