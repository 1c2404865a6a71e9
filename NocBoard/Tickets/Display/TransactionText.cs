namespace NocBoard.Tickets.Display;

/// <summary>One line saying what a transaction did, in RT's words ("Status changed from new to open").</summary>
public static class TransactionText
{
    public static string Describe(TicketTransaction t, Func<int?, string> userName) => t.Type switch
    {
        TransactionType.Create => "Ticket created",
        TransactionType.Correspond => "Correspondence added",
        TransactionType.Comment => "Comment added",
        TransactionType.Status => $"Status changed from {t.OldValue} to {t.NewValue}",
        TransactionType.Set when t.Field == "Queue" => "Queue changed",
        TransactionType.Set => t.OldValue is null
            ? $"{t.Field} set to {t.NewValue}"
            : t.NewValue is null ? $"{t.Field} {t.OldValue} deleted" : $"{t.Field} changed from {t.OldValue} to {t.NewValue}",
        TransactionType.Take => "Taken",
        TransactionType.Untake => "Untaken",
        TransactionType.Steal => $"Stolen from {userName(Id(t.OldValue))}",
        TransactionType.Give => $"Given to {userName(Id(t.NewValue))}",
        TransactionType.AddWatcher => $"{Watcher(t.NewValue, userName)} added as {t.Field}",
        TransactionType.DelWatcher => $"{Watcher(t.OldValue, userName)} is no longer {t.Field}",
        TransactionType.SetWatcher => $"{t.Field} set to {Watcher(t.NewValue, userName)}",
        TransactionType.AddLink => $"Link added: {t.Field} #{t.NewValue}",
        TransactionType.DeleteLink => $"Link removed: {t.Field} #{t.OldValue}",
        TransactionType.CustomField => t.NewValue is null
            ? $"{t.Field} {t.OldValue} deleted"
            : t.OldValue is null ? $"{t.Field} {t.NewValue} added" : $"{t.Field} changed from {t.OldValue} to {t.NewValue}",
        TransactionType.TimeWorked => $"Worked {t.TimeTaken} minutes",
        TransactionType.Merge => $"Merged #{t.OldValue} into #{t.NewValue}",
        TransactionType.Split => $"Message split off into #{t.NewValue}",
        TransactionType.AddReminder => $"Reminder added: {t.NewValue}",
        TransactionType.ResolveReminder => t.NewValue == "done" ? "Reminder completed" : "Reminder reopened",
        TransactionType.Alert => $"Alert: {t.Field} {t.NewValue}".TrimEnd(),
        TransactionType.DuePassed => $"Due date {t.NewValue} passed",
        TransactionType.ScripError => $"Scrip failed: {t.NewValue}",
        _ => t.Type.ToString(),
    };

    private static int? Id(string? value) => int.TryParse(value, out var id) ? id : null;

    private static string Watcher(string? value, Func<int?, string> userName) =>
        Id(value) is { } id ? userName(id) : value ?? "";
}
