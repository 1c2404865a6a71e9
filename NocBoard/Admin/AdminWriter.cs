using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Admin;

/// <summary>
/// Runs an administration call: in one database transaction that commits everything or nothing,
/// through the <see cref="WriteGate"/> (SQLite has one writer), with a refusal turned into an
/// <see cref="AdminError"/>. Rights need no re-reading here: a kept copy is dropped as soon as a
/// commit changes rights (<see cref="RightsCache"/>), so later checks in this scope see the change.
/// </summary>
public sealed class AdminWriter(NocDbContext db, WriteGate gate, ILogger<AdminWriter> logger)
{
    public async Task<AdminResult<T>> WriteAsync<T>(Actor actor, Func<Task<T>> work, CancellationToken ct = default)
    {
        if (actor.WallDisplay)
            return AdminResult<T>.Refused(new(AdminErrorKind.Forbidden, "A wall display only shows tickets; it may not change settings."));
        await using var _ = await gate.EnterAsync(ct);
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
        }
    }

    public async Task<AdminResult> WriteAsync(Actor actor, Func<Task> work, CancellationToken ct = default) =>
        (await WriteAsync(actor, async () => { await work(); return true; }, ct)).WithoutValue();

    /// <summary>A read, with the refusal handling.</summary>
    public async Task<AdminResult<T>> ReadAsync<T>(Func<Task<T>> work)
    {
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
