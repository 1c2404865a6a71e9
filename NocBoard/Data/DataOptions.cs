namespace NocBoard.Data;

/// <summary>Settings under "Data" and "Database".</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Folder for the SQLite database and other files; relative paths are from the app's content root.</summary>
    public string Directory { get; set; } = "data";
}
