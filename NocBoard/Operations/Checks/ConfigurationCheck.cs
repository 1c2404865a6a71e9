using Microsoft.Extensions.Options;
using NocBoard.Site;

namespace NocBoard.Operations.Checks;

/// <summary>Every setting validated at start (ValidateOnStart), plus the site settings mail and dates depend on.</summary>
public sealed class ConfigurationCheck(IServiceProvider services, IOptions<SiteOptions> site) : ISystemCheck
{
    public string Name => "configuration";

    public Task<CheckResult> RunAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures);
        }
        catch (Exception e)
        {
            problems.Add(e.GetBaseException().Message);
        }
        var s = site.Value;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _))
            problems.Add($"Site:TimeZone '{s.TimeZone}' is not a time zone this machine knows (use an IANA name such as Europe/Berlin).");
        if (!Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add($"Site:BaseUrl '{s.BaseUrl}' is not an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(s.Name))
            problems.Add("Site:Name is empty; it is the tag in mail subjects ([NOC #42]).");
        return Task.FromResult(problems.Count == 0
            ? CheckResult.Pass($"settings are valid (site {s.Name}, {s.BaseUrl}, {s.TimeZone})")
            : CheckResult.Fail(string.Join(" ", problems)));
    }
}
