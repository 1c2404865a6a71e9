namespace NocBoard.Api.RtRest;

/// <summary>What one form sent to <c>edit</c> came to: result lines, and whether a field could not be used (RT's 409).</summary>
public sealed record RtOutcome(IReadOnlyList<string> Comments, bool SyntaxError = false)
{
    public static RtOutcome Done(params string[] comments) => new(comments);
    public static RtOutcome Refused(params string[] comments) => new(comments, true);
}
