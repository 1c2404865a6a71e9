namespace NocBoard.Operations.Commands;

/// <summary>
/// Where a command gets a password: the NOCBOARD_PASSWORD environment variable, else one line of
/// standard input (<c>echo "$PW" | ... </c>), else typed at the terminal without echo, twice.
/// It is never printed or logged.
/// </summary>
public static class PasswordInput
{
    public const string Variable = "NOCBOARD_PASSWORD";

    public static string Read(CommandContext context, string prompt)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (Console.IsInputRedirected || !ReferenceEquals(context.In, Console.In))
            return context.In.ReadLine() is { Length: > 0 } line ? line : throw new CommandUsageException(
                $"No password given: set {Variable} or write it on standard input.");

        var first = ReadHidden(context.Out, $"{prompt}: ");
        var second = ReadHidden(context.Out, "Again: ");
        if (first != second) throw new CommandUsageException("The two passwords differ.");
        return first.Length > 0 ? first : throw new CommandUsageException("The password is empty.");
    }

    private static string ReadHidden(TextWriter output, string prompt)
    {
        output.Write(prompt);
        output.Flush();
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); continue; }
            if (!char.IsControl(key.KeyChar)) chars.Add(key.KeyChar);
        }
        output.WriteLine();
        return new string(chars.ToArray());
    }
}
