using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Admin;

/// <summary>
/// Runs an administration call: in one database transaction that commits everything or nothing,
/// through the <see cref="WriteGate"/> (SQLite has one writer), with a refusal turned into an
/// <see cref="AdminError"/>. Rights are re-read before and after, so checks see what is stored now
/// and later checks in this scope see the change.
/// </summary>
public sealed class AdminWriter(NocDbContext db, RightsService rights, WriteGate gate, ILogger<AdminWriter> logger)
{
    public async Task<AdminResult<T>> WriteAsync<T>(Actor actor, Func<Task<T>> work, CancellationToken ct = default)
    {
        if (actor.WallDisplay)
            return AdminResult<T>.Refused(new(AdminErrorKind.Forbidden, "A wall display only shows tickets; it may not change settings."));
        await using var _ = await gate.EnterAsync(ct);
        rights.Invalidate();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var value = await work();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return AdminResult<T>.Ok(value);
        }
        catch (AdminRefusedException refused)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogInformation("Refused an administration change by {Actor}: {Reason}", actor.Name, refused.Message);
            return AdminResult<T>.Refused(refused.Error);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
            rights.Invalidate();
        }
    }

    public async Task<AdminResult> WriteAsync(Actor actor, Func<Task> work, CancellationToken ct = default) =>
        (await WriteAsync(actor, async () => { await work(); return true; }, ct)).WithoutValue();

    /// <summary>A read: rights as stored now (a circuit's scope lives long), and the refusal handling.</summary>
    public async Task<AdminResult<T>> ReadAsync<T>(Func<Task<T>> work)
    {
        rights.Invalidate();
        try
        {
            return AdminResult<T>.Ok(await work());
        }
        catch (AdminRefusedException refused)
        {
            return AdminResult<T>.Refused(refused.Error);
        }
    }
}
