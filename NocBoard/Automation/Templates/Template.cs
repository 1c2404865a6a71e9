namespace NocBoard.Automation.Templates;

/// <summary>
/// A message scrips and digests send, in Liquid (Fluid): a subject line and a body. Global (no
/// queue) or a queue's own, which takes precedence over the global one of the same name.
/// </summary>
public class Template
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? QueueId { get; set; }
    public string? Description { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
}
