namespace NocBoard.Monitoring.Webhooks;

/// <summary>A webhook payload that cannot be read as alerts; the message names the field and what was wrong.</summary>
public sealed class AlertPayloadException(string message) : Exception(message);
