namespace NocBoard.CustomFields;

/// <summary>One value of a custom field on a ticket; a select-many field has one row per value.</summary>
public class TicketCustomFieldValue
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public int CustomFieldId { get; set; }
    public required string Value { get; set; }
}
