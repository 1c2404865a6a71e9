namespace NocBoard.Admin;

/// <summary>Why an administration call was refused.</summary>
public enum AdminErrorKind
{
    /// <summary>A queue, user, group, custom field or lifecycle named by id does not exist.</summary>
    NotFound,
    /// <summary>The actor lacks the right; the message names it.</summary>
    Forbidden,
    /// <summary>The input is not acceptable (duplicate name, bad address, weak password, ...).</summary>
    Invalid,
}

/// <summary>A refusal: what was wrong, and the form field it belongs to (so a page can show it there).</summary>
public sealed record AdminError(AdminErrorKind Kind, string Message, string? Field = null);

/// <summary>The outcome of an administration call that returns nothing.</summary>
public sealed record AdminResult(AdminError? Error)
{
    public static readonly AdminResult Ok = new((AdminError?)null);

    public bool Succeeded => Error is null;

    public static AdminResult Refused(AdminError error) => new(error);

    /// <summary>The message for a field, or null when the error is elsewhere or there is none.</summary>
    public string? ErrorFor(string field) => Error?.Field == field ? Error.Message : null;
}

/// <summary>The outcome of an administration call: its value, or why nothing was done.</summary>
public sealed record AdminResult<T>(T? Value, AdminError? Error)
{
    public bool Succeeded => Error is null;

    public static AdminResult<T> Ok(T value) => new(value, null);
    public static AdminResult<T> Refused(AdminError error) => new(default, error);

    public string? ErrorFor(string field) => Error?.Field == field ? Error.Message : null;

    /// <summary>The value, or an exception carrying the refusal (for callers that treat refusal as a bug).</summary>
    public T EnsureSucceeded() =>
        Succeeded ? Value! : throw new InvalidOperationException($"{Error!.Kind}: {Error.Message}");

    public AdminResult WithoutValue() => Succeeded ? AdminResult.Ok : AdminResult.Refused(Error!);
}

/// <summary>
/// Thrown inside an administration call to refuse it; <see cref="AdminWriter"/> rolls back what the
/// call did and returns the error. Never escapes the admin services.
/// </summary>
public sealed class AdminRefusedException(AdminError error) : Exception(error.Message)
{
    public AdminError Error { get; } = error;
}

public static class Refuse
{
    public static AdminRefusedException Forbidden(string message) => new(new(AdminErrorKind.Forbidden, message));
    public static AdminRefusedException NotFound(string message) => new(new(AdminErrorKind.NotFound, message));
    public static AdminRefusedException Invalid(string message, string? field = null) => new(new(AdminErrorKind.Invalid, message, field));
}
