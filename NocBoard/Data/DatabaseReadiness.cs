namespace NocBoard.Data;

/// <summary>Set once migrations and first-run seeding are done; /healthz answers 503 before that.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool ready;
    public bool IsReady => ready;
    public void MarkReady() => ready = true;
}
