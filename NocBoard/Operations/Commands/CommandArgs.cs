namespace NocBoard.Operations.Commands;

/// <summary>A command's arguments: positional words, and the options it declared.</summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Flag(string name) => options.ContainsKey(name);

    public string? Option(string name) => options.GetValueOrDefault(name);

    /// <summary>Reads the arguments; an undeclared option or a missing value is a <see cref="CommandUsageException"/>.</summary>
    public static CommandArgs Parse(IReadOnlyList<string> args, IOperatorCommand command)
    {
        var parsed = new CommandArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                parsed.Positional.Add(arg);
                continue;
            }
            var (name, inline) = arg.IndexOf('=') is var eq and > 0 ? (arg[2..eq], arg[(eq + 1)..]) : (arg[2..], null);
            if (command.Flags.Contains(name))
            {
                if (inline is not null) throw new CommandUsageException($"--{name} takes no value.");
                parsed.options[name] = "";
            }
            else if (command.Options.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new CommandUsageException($"--{name} needs a value."));
                parsed.options[name] = value;
            }
            else if (name.Contains(':'))
            {
                // A configuration override such as --Data:Directory=/srv/noc, read by the host builder.
                if (inline is null) i++;
            }
            else
            {
                var known = command.Flags.Concat(command.Options).Select(o => "--" + o).ToList();
                throw new CommandUsageException($"Unknown option --{name}; '{command.Name}' takes {(known.Count == 0 ? "no options" : string.Join(", ", known))}.");
            }
        }
        return parsed;
    }
}

/// <summary>The command line was not usable; the message says what to change.</summary>
public sealed class CommandUsageException(string message) : Exception(message);
