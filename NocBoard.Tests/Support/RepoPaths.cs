namespace NocBoard.Tests.Support;

/// <summary>Folders of the repository the tests were built from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Assets => Path.Combine(Root, "wwwroot-assets");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NocBoard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"NocBoard.sln not found above {AppContext.BaseDirectory}");
    }
}
