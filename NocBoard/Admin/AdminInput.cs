namespace NocBoard.Admin;

/// <summary>Checks of form input shared by the administration services; each refusal names the field.</summary>
public static class AdminInput
{
    /// <summary>A required, trimmed name of at most <paramref name="max"/> characters.</summary>
    public static string Name(string? value, string what, string field = "Name", int max = 200)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw Refuse.Invalid($"{what} needs a name.", field);
        if (trimmed.Length > max) throw Refuse.Invalid($"{what} name '{trimmed[..20]}…' is longer than {max} characters.", field);
        return trimmed;
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A single email address (lower-cased), or null when blank.</summary>
    public static string? Email(string? value, string label, string field)
    {
        var trimmed = Optional(value);
        if (trimmed is null) return null;
        return Site.EmailAddresses.Normalize(trimmed)
               ?? throw Refuse.Invalid($"{label}: '{trimmed}' is not an email address.", field);
    }
}
