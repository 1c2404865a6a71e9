namespace NocBoard.Site;

/// <summary>Settings under "Site": who this NocBoard is and where it lives.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Short name used in subject tags, e.g. "[NOC #42]" (RT's rtname).</summary>
    public string Name { get; set; } = "NOC";

    public string Organization { get; set; } = "example.net";

    /// <summary>IANA time zone for dates shown and schedules, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Public URL people reach NocBoard at, used in mail and links (no trailing slash).</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Serve under a sub-path, e.g. "/noc" behind a reverse proxy. Empty for the root.</summary>
    public string PathBase { get; set; } = "";

    public string NormalizedPathBase => string.IsNullOrWhiteSpace(PathBase) || PathBase == "/" ? "" : "/" + PathBase.Trim().Trim('/');
}
