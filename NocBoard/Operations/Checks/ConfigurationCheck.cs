using Microsoft.Extensions.Options;
using NocBoard.Site;

namespace NocBoard.Operations.Checks;

/// <summary>Every setting the features validate at start (ValidateOnStart), without starting anything.</summary>
public sealed class ConfigurationCheck(IServiceProvider services, IOptions<SiteOptions> site) : ISystemCheck
{
    public string Name => "configuration";

    public Task<CheckResult> RunAsync(CancellationToken ct)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            var s = site.Value;
            return Task.FromResult(CheckResult.Pass($"settings are valid (site {s.Name}, {s.BaseUrl}, {s.TimeZone})"));
        }
        catch (OptionsValidationException e)
        {
            return Task.FromResult(CheckResult.Fail(string.Join(" ", e.Failures)));
        }
        catch (AggregateException e)
        {
            return Task.FromResult(CheckResult.Fail(string.Join(" ", e.Flatten().InnerExceptions.Select(x => x.Message))));
        }
    }
}
