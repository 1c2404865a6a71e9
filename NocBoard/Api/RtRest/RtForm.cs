using System.Text;
using System.Text.RegularExpressions;

namespace NocBoard.Api.RtRest;

/// <summary>
/// One form of RT's REST 1.0 text format: leading <c># comment</c> lines, then <c>Key: value</c>
/// fields in order (a repeated key adds values). <see cref="Error"/> holds the echoed text with a
/// <c>&gt;&gt;</c> marker when the form did not parse.
/// </summary>
public sealed class RtForm
{
    public List<string> Comments { get; } = [];
    public List<(string Key, string Value)> Fields { get; } = [];
    public string? Error { get; set; }

    public RtForm Comment(string text)
    {
        Comments.Add(text);
        return this;
    }

    public RtForm Add(string key, string? value)
    {
        Fields.Add((key, value ?? ""));
        return this;
    }

    /// <summary>A list value: an empty list is written <c>Key:</c>, as RT does.</summary>
    public RtForm AddList(string key, IEnumerable<string> values)
    {
        Fields.Add((key, string.Join(", ", values.Select(RtFormText.QuoteListItem))));
        return this;
    }

    /// <summary>The keys in order of first appearance with all their values, case-insensitive.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<string> Values)> Grouped() =>
        Fields.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.First().Key, (IReadOnlyList<string>)g.Select(f => f.Value).ToList())).ToList();

    public string? Get(string key) =>
        Fields.Where(f => f.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Select(f => (string?)f.Value).FirstOrDefault();

    public bool Has(string key) => Fields.Any(f => f.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads and writes the form text exactly as RT's server and the <c>rt</c> client do: forms
/// separated by <c>--</c> lines, continuation lines indented, comma lists with quoting.
/// </summary>
public static partial class RtFormText
{
    // Field names as the rt client accepts them: a word, or a custom field in one of its spellings.
    [GeneratedRegex(@"^((?i:[a-z][a-z0-9_-]*|C(?:ustom)?F(?:ield)?-[^,]+?|CF\.\{[^,]+?\})):(?:\s+(.*))?$")]
    private static partial Regex FieldLine();

    public static IReadOnlyList<RtForm> Parse(string? text)
    {
        var forms = new List<RtForm>();
        if (string.IsNullOrEmpty(text)) return forms;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var form = new RtForm();
        var broken = false; // after a syntax error the rest of the form is only echoed
        var errorText = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (line == "--")
            {
                if (Finish(form, errorText)) forms.Add(form);
                form = new RtForm();
                errorText.Clear();
                broken = false;
                continue;
            }
            if (broken)
            {
                errorText.Append(line).Append('\n');
                continue;
            }
            if (line.StartsWith('#') && form.Fields.Count == 0)
            {
                form.Comments.Add(line.TrimStart('#').Trim());
                while (i + 1 < lines.Length && lines[i + 1].StartsWith('#'))
                    form.Comments.Add(lines[++i].TrimStart('#').Trim());
                continue;
            }
            var match = FieldLine().Match(line);
            if (match.Success)
            {
                var values = new List<string>();
                if (match.Groups[2].Success && match.Groups[2].Length > 0) values.Add(match.Groups[2].Value);
                while (i + 1 < lines.Length && (lines[i + 1].Length == 0 || char.IsWhiteSpace(lines[i + 1][0])) && lines[i + 1] != "--")
                    values.Add(lines[++i]);
                while (values.Count > 0 && values[^1].Length == 0) values.RemoveAt(values.Count - 1);
                var indent = values.Skip(1).Where(v => v.Length > 0)
                    .Select(v => v.Length - v.TrimStart().Length).DefaultIfEmpty(0).Min();
                var joined = string.Join("\n", values.Select((v, n) => n == 0 ? v : v.Length >= indent ? v[indent..] : v.TrimStart()));
                form.Fields.Add((match.Groups[1].Value, joined));
                continue;
            }
            {
                // RT echoes what parsed so far and marks the offending line.
                broken = true;
                errorText.Append(Compose([new RtForm().WithFields(form.Fields)]));
                errorText.Append(line.StartsWith(">>") ? line : ">> " + line).Append('\n');
            }
        }
        if (Finish(form, errorText)) forms.Add(form);
        return forms;
    }

    private static bool Finish(RtForm form, StringBuilder errorText)
    {
        if (errorText.Length > 0) form.Error = errorText.ToString();
        return form.Error is not null || form.Comments.Count > 0 || form.Fields.Count > 0;
    }

    private static RtForm WithFields(this RtForm form, IEnumerable<(string, string)> fields)
    {
        form.Fields.AddRange(fields);
        return form;
    }

    /// <summary>Writes forms as RT does; forms are joined by <c>\n--\n\n</c>.</summary>
    public static string Compose(IEnumerable<RtForm> forms) => string.Join("\n--\n\n", forms.Select(ComposeOne));

    private static string ComposeOne(RtForm form)
    {
        var text = new StringBuilder();
        if (form.Comments.Count > 0)
        {
            foreach (var comment in form.Comments) text.Append("# ").Append(comment).Append('\n');
            text.Append('\n');
        }
        if (form.Error is not null) return text.Append(form.Error).ToString();
        var blockEnded = true;
        foreach (var (key, value) in form.Fields)
        {
            if (value.Contains('\n'))
            {
                var pad = new string(' ', $"{key}: ".Length > 16 ? 4 : $"{key}: ".Length);
                if (!blockEnded) text.Append('\n');
                text.Append(key).Append(": ").Append(value.Replace("\n", "\n" + pad)).Append("\n\n");
                blockEnded = true;
            }
            else
            {
                text.Append(key).Append(':').Append(value.Length > 0 || !IsListKey(key) ? " " + value : "").Append('\n');
                blockEnded = false;
            }
        }
        return text.ToString();
    }

    // RT writes an empty list as "Key:" and an empty string as "Key: ".
    private static bool IsListKey(string key) => key is "Requestors" or "Cc" or "AdminCc" or "Requestor" or "Bcc";

    /// <summary>Splits a comma list as RT's vsplit does: elements may be quoted to hold commas; whitespace is trimmed.</summary>
    public static IReadOnlyList<string> SplitList(IEnumerable<string> values)
    {
        var words = new List<string>();
        foreach (var line in values.SelectMany(v => v.Split('\n')))
        {
            var i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
                if (i >= line.Length) break;
                string word;
                if (line[i] is '"' or '\'')
                {
                    var quote = line[i];
                    var end = i + 1;
                    var sb = new StringBuilder();
                    while (end < line.Length && line[end] != quote)
                    {
                        if (line[end] == '\\' && end + 1 < line.Length) end++;
                        sb.Append(line[end++]);
                    }
                    word = sb.ToString();
                    i = end + 1;
                    while (i < line.Length && line[i] != ',') i++;
                }
                else
                {
                    var end = line.IndexOf(',', i);
                    if (end < 0) end = line.Length;
                    word = line[i..end].Trim();
                    i = end;
                }
                if (i < line.Length && line[i] == ',') i++;
                if (word.Length > 0) words.Add(word);
            }
        }
        return words;
    }

    public static IReadOnlyList<string> SplitList(string? value) => SplitList(value is null ? [] : [value]);

    internal static string QuoteListItem(string item) => item.Contains(',') ? $"'{item.Replace("'", "\\'")}'" : item;
}
