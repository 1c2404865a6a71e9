using System.Globalization;
using System.Text;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// The User Defined condition: a small boolean language over the transaction and the ticket, with
/// nothing to call and nothing to assign, so an administrator's condition cannot run code.
/// <code>type = 'Status' AND new = 'stalled' AND ticket.priority >= 50</code>
/// Names: type, field, old, new, actor, ticket.subject, ticket.status, ticket.queue, ticket.owner,
/// ticket.priority, ticket.initialpriority, ticket.finalpriority. Operators: = != &lt; &gt; &lt;= &gt;=
/// LIKE (contains, any case), AND, OR, NOT, parentheses. Values compare as numbers when both are.
/// </summary>
public sealed class ScripExpression
{
    public static readonly IReadOnlyList<string> Names =
        ["type", "field", "old", "new", "actor", "ticket.subject", "ticket.status", "ticket.queue", "ticket.owner",
         "ticket.priority", "ticket.initialpriority", "ticket.finalpriority"];

    private readonly Node root;

    private ScripExpression(Node root) => this.root = root;

    /// <summary>Parses; a mistake is a <see cref="FormatException"/> naming the position (0-based).</summary>
    public static ScripExpression Parse(string? text)
    {
        var parser = new Parser(Tokenize(text ?? ""));
        var node = parser.Or();
        if (!parser.AtEnd) throw parser.Error("expected AND, OR or the end");
        return new ScripExpression(node);
    }

    public bool Evaluate(IReadOnlyDictionary<string, string?> values) => root.Evaluate(values);

    private abstract record Node
    {
        public abstract bool Evaluate(IReadOnlyDictionary<string, string?> values);
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, string?> v) => Left.Evaluate(v) && Right.Evaluate(v);
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, string?> v) => Left.Evaluate(v) || Right.Evaluate(v);
    }

    private sealed record Not(Node Inner) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, string?> v) => !Inner.Evaluate(v);
    }

    private sealed record Compare(string Name, string Op, string Value) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, string?> v)
        {
            var actual = v.TryGetValue(Name, out var found) ? found ?? "" : "";
            if (Op == "LIKE") return actual.Contains(Value, StringComparison.OrdinalIgnoreCase);
            int order;
            if (decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                && decimal.TryParse(Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
                order = a.CompareTo(b);
            else
                order = string.Compare(actual, Value, StringComparison.OrdinalIgnoreCase);
            return Op switch
            {
                "=" => order == 0,
                "!=" => order != 0,
                "<" => order < 0,
                ">" => order > 0,
                "<=" => order <= 0,
                _ => order >= 0,
            };
        }
    }

    private sealed record Token(string Kind, string Text, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c is '(' or ')') { tokens.Add(new("punct", c.ToString(), i++)); continue; }
            if (c is '\'' or '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c) value.Append(text[i++]);
                if (i >= text.Length) throw new FormatException($"At {start}: the text starting here has no closing {c}.");
                i++;
                tokens.Add(new("value", value.ToString(), start));
                continue;
            }
            if (c is '=' or '!' or '<' or '>')
            {
                var op = i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : c.ToString();
                if (op == "!") throw new FormatException($"At {start}: '!' must be '!='.");
                i += op.Length;
                tokens.Add(new("op", op, start));
                continue;
            }
            if (char.IsLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-')) i++;
                var word = text[start..i];
                var upper = word.ToUpperInvariant();
                tokens.Add(upper is "AND" or "OR" or "NOT" ? new("keyword", upper, start)
                    : upper == "LIKE" ? new("op", "LIKE", start)
                    : new("word", word, start));
                continue;
            }
            throw new FormatException($"At {start}: '{c}' is not allowed here.");
        }
        return tokens;
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int position;

        public bool AtEnd => position >= tokens.Count;

        public FormatException Error(string what) =>
            new(AtEnd ? $"At the end: {what}." : $"At {tokens[position].Position}: {what}, not '{tokens[position].Text}'.");

        private bool Accept(string kind, string? text = null)
        {
            if (AtEnd || tokens[position].Kind != kind || (text is not null && tokens[position].Text != text)) return false;
            position++;
            return true;
        }

        public Node Or()
        {
            var left = AndNode();
            while (Accept("keyword", "OR")) left = new Or(left, AndNode());
            return left;
        }

        private Node AndNode()
        {
            var left = Unary();
            while (Accept("keyword", "AND")) left = new And(left, Unary());
            return left;
        }

        private Node Unary()
        {
            if (Accept("keyword", "NOT")) return new Not(Unary());
            if (Accept("punct", "("))
            {
                var inner = Or();
                if (!Accept("punct", ")")) throw Error("expected ')'");
                return inner;
            }
            if (AtEnd || tokens[position].Kind != "word") throw Error("expected a name such as type, new or ticket.status");
            var name = tokens[position].Text.ToLowerInvariant();
            if (!Names.Contains(name))
                throw new FormatException($"At {tokens[position].Position}: '{tokens[position].Text}' is not a known name; use one of: {string.Join(", ", Names)}.");
            position++;
            if (AtEnd || tokens[position].Kind != "op") throw Error("expected an operator (=, !=, <, >, <=, >=, LIKE)");
            var op = tokens[position++].Text;
            if (AtEnd || tokens[position].Kind is not ("value" or "word")) throw Error("expected a value");
            return new Compare(name, op, tokens[position++].Text);
        }
    }
}
