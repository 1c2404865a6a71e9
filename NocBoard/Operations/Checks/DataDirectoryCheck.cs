using Microsoft.Extensions.Options;
using NocBoard.Data;

namespace NocBoard.Operations.Checks;

/// <summary>The data folder exists and can be written (the database, its WAL file and the key ring live there).</summary>
public sealed class DataDirectoryCheck(IOptions<DataOptions> data) : ISystemCheck
{
    public string Name => "data folder";

    public Task<CheckResult> RunAsync(CancellationToken ct)
    {
        var folder = data.Value.Directory;
        if (!Directory.Exists(folder))
            return Task.FromResult(CheckResult.Fail($"{folder} does not exist (the web server or 'migrate' creates it)."));
        var probe = Path.Combine(folder, $".check-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return Task.FromResult(CheckResult.Pass($"{folder} is writable"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CheckResult.Fail($"{folder} cannot be written: {e.Message}"));
        }
    }
}
