namespace NocBoard.Search;

/// <summary>The ticket fields TicketSQL can search, named as in RT.</summary>
public enum TicketSqlField
{
    Id, Subject, Content, Queue, Status,
    Owner, Creator, LastUpdatedBy, Requestor, Cc, AdminCc,
    Priority, InitialPriority, FinalPriority, TimeWorked, TimeEstimated, TimeLeft,
    Created, LastUpdated, Resolved, Due, Starts, Started, Told,
    CustomField,
}

/// <summary>What kind of value a field holds, which decides the operators and values it takes.</summary>
public enum TicketSqlFieldKind { Id, Text, Content, Queue, Status, User, Watcher, Number, Date, CustomField }

/// <summary>The searchable fields: their names, kinds, and which may be empty (IS NULL).</summary>
public static class TicketSqlFields
{
    private static readonly (TicketSqlField Field, TicketSqlFieldKind Kind, bool Nullable)[] Table =
    [
        (TicketSqlField.Id, TicketSqlFieldKind.Id, false),
        (TicketSqlField.Subject, TicketSqlFieldKind.Text, false),
        (TicketSqlField.Content, TicketSqlFieldKind.Content, false),
        (TicketSqlField.Queue, TicketSqlFieldKind.Queue, false),
        (TicketSqlField.Status, TicketSqlFieldKind.Status, false),
        (TicketSqlField.Owner, TicketSqlFieldKind.User, true),
        (TicketSqlField.Creator, TicketSqlFieldKind.User, false),
        (TicketSqlField.LastUpdatedBy, TicketSqlFieldKind.User, false),
        (TicketSqlField.Requestor, TicketSqlFieldKind.Watcher, true),
        (TicketSqlField.Cc, TicketSqlFieldKind.Watcher, true),
        (TicketSqlField.AdminCc, TicketSqlFieldKind.Watcher, true),
        (TicketSqlField.Priority, TicketSqlFieldKind.Number, false),
        (TicketSqlField.InitialPriority, TicketSqlFieldKind.Number, false),
        (TicketSqlField.FinalPriority, TicketSqlFieldKind.Number, false),
        (TicketSqlField.TimeWorked, TicketSqlFieldKind.Number, false),
        (TicketSqlField.TimeEstimated, TicketSqlFieldKind.Number, false),
        (TicketSqlField.TimeLeft, TicketSqlFieldKind.Number, false),
        (TicketSqlField.Created, TicketSqlFieldKind.Date, false),
        (TicketSqlField.LastUpdated, TicketSqlFieldKind.Date, false),
        (TicketSqlField.Resolved, TicketSqlFieldKind.Date, true),
        (TicketSqlField.Due, TicketSqlFieldKind.Date, true),
        (TicketSqlField.Starts, TicketSqlFieldKind.Date, true),
        (TicketSqlField.Started, TicketSqlFieldKind.Date, true),
        (TicketSqlField.Told, TicketSqlFieldKind.Date, true),
        (TicketSqlField.CustomField, TicketSqlFieldKind.CustomField, true),
    ];

    /// <summary>Other spellings RT accepts for the same field.</summary>
    private static readonly Dictionary<string, TicketSqlField> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Requestors"] = TicketSqlField.Requestor,
        ["Requestor.EmailAddress"] = TicketSqlField.Requestor,
        ["Cc.EmailAddress"] = TicketSqlField.Cc,
        ["AdminCc.EmailAddress"] = TicketSqlField.AdminCc,
        ["Owner.Name"] = TicketSqlField.Owner,
    };

    /// <summary>The field names in the order a help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Table.Where(f => f.Field != TicketSqlField.CustomField).Select(f => Name(f.Field)).Append("CF.{Name}").ToList();

    public static string Name(TicketSqlField field) => field == TicketSqlField.Id ? "id" : field.ToString();

    public static TicketSqlFieldKind KindOf(TicketSqlField field) => Table.Single(f => f.Field == field).Kind;

    public static bool IsNullable(TicketSqlField field) => Table.Single(f => f.Field == field).Nullable;

    /// <summary>
    /// Reads a field name: a plain one (any case), or a custom field as <c>CF.{Name}</c>,
    /// <c>CF.Name</c> or <c>CustomField.{Name}</c>. Null when it names no field.
    /// </summary>
    public static (TicketSqlField Field, string? CustomField)? Find(string text)
    {
        foreach (var prefix in new[] { "CF.", "CustomField." })
        {
            if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var name = text[prefix.Length..];
            if (name.StartsWith('{') && name.EndsWith('}')) name = name[1..^1];
            name = name.Trim();
            return name.Length == 0 ? null : (TicketSqlField.CustomField, name);
        }
        if (Aliases.TryGetValue(text, out var alias)) return (alias, null);
        foreach (var (field, _, _) in Table)
        {
            if (field != TicketSqlField.CustomField && string.Equals(Name(field), text, StringComparison.OrdinalIgnoreCase))
                return (field, null);
        }
        return null;
    }
}
