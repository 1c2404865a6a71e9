namespace NocBoard.Mail.Rules;

/// <summary>
/// One of the ordered rules every inbound message passes (like the procmail recipes NOCs kept in
/// front of RT): when <see cref="Pattern"/> matches the chosen part of the message, the action is
/// taken. Rules run in <see cref="Position"/> order; Drop and Quarantine end the list.
/// </summary>
public class MailRule
{
    public int Id { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public MailRuleField Field { get; set; }

    /// <summary>For <see cref="MailRuleField.Header"/>: which header.</summary>
    public string? HeaderName { get; set; }

    /// <summary>A .NET regular expression, matched case-insensitively with a timeout.</summary>
    public required string Pattern { get; set; }

    public MailRuleAction Action { get; set; }

    /// <summary>Queue name, priority, owner user name, or custom field value.</summary>
    public string? Value { get; set; }

    /// <summary>For <see cref="MailRuleAction.SetCustomField"/>: the field's name.</summary>
    public string? CustomFieldName { get; set; }
}

public enum MailRuleField { From, ToOrCc, Subject, Header, Body }

public enum MailRuleAction { SetQueue, SetPriority, SetOwner, SetCustomField, Drop, Quarantine }
