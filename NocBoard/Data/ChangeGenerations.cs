using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NocBoard.Data;

/// <summary>
/// Counts committed writes per entity type, so that data read on nearly every request and changed
/// rarely (rights, scrips, alert sources) can be kept in memory and reused until a commit changes
/// what it was read from. A reader notes <see cref="Of"/> before it reads and keeps its copy only
/// while the figure is unchanged. The figure moves after the commit, never before, so a reader that
/// read while a write was in flight sees it move and reads again.
/// Every INSERT, UPDATE and DELETE a <see cref="NocDbContext"/> sends counts, whether from
/// SaveChanges, a bulk ExecuteUpdate or raw SQL. NocBoard runs as one process on SQLite; a second
/// process writing the same database would need its own signal.
/// </summary>
public sealed partial class ChangeGenerations
{
    private readonly ConcurrentDictionary<Type, long> changed = new();
    private readonly ConcurrentDictionary<Type, long> added = new();

    /// <summary>
    /// A figure that moves whenever a row of one of <paramref name="types"/> is committed as
    /// updated or deleted, and also as inserted unless <paramref name="countAdded"/> is false (an
    /// added user, say, changes no one else's rights).
    /// </summary>
    public long Of(bool countAdded, params Type[] types)
    {
        long sum = 0;
        foreach (var type in types)
        {
            sum += changed.GetValueOrDefault(type);
            if (countAdded) sum += added.GetValueOrDefault(type);
        }
        return sum;
    }

    private void Bump(Type type, bool isAdded) =>
        (isAdded ? added : changed).AddOrUpdate(type, 1, (_, n) => n + 1);

    /// <summary>Registers with the DbContext: watches what is written and when it commits.</summary>
    internal IInterceptor[] Interceptors()
    {
        var pending = new ConditionalWeakTable<DbContext, Pending>();
        return [new WriteWatcher(this, pending), new CommitWatcher(pending)];
    }

    [GeneratedRegex("""(?:^|;)\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"([^"]+)"(?=\s)""", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex WritesTo();

    /// <summary>What one SQL text writes to: (table, whether it inserts). Texts repeat, so each is read once.</summary>
    private static readonly ConcurrentDictionary<string, (string Table, bool Inserts)[]> Writes = new();

    private static (string Table, bool Inserts)[] WritesOf(string sql)
    {
        // Most commands are queries; they are told by their first word without hashing their text.
        if (sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return [];
        if (Writes.TryGetValue(sql, out var known)) return known;
        var found = WritesTo().Matches(sql)
            .Select(m => (m.Groups[2].Value, m.Groups[1].Value.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)))
            .Distinct().ToArray();
        if (Writes.Count < 50_000) Writes[sql] = found;
        return found;
    }

    /// <summary>What one context wrote and has not committed yet (a context is used by one thread at a time).</summary>
    private sealed class Pending(ChangeGenerations generations)
    {
        private readonly HashSet<(Type Type, bool Added)> types = [];

        public void Note(Type type, bool isAdded) => types.Add((type, isAdded));

        public void Publish()
        {
            foreach (var (type, isAdded) in types) generations.Bump(type, isAdded);
            types.Clear();
        }
    }

    private sealed class WriteWatcher(ChangeGenerations generations, ConditionalWeakTable<DbContext, Pending> pending) : DbCommandInterceptor
    {
        private readonly ConcurrentDictionary<(Microsoft.EntityFrameworkCore.Metadata.IModel, string), Type[]> tables = new();

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Note(command, eventData);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Note(command, eventData);
            return ValueTask.FromResult(result);
        }

        // SaveChanges reads back generated keys, so most of its writes run as readers.
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Note(command, eventData);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Note(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Note(command, eventData);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
            CancellationToken cancellationToken = default)
        {
            Note(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Note(DbCommand command, CommandExecutedEventData eventData)
        {
            if (eventData.Context is not { } context) return;
            var writes = WritesOf(command.CommandText);
            if (writes.Length == 0) return;
            var mine = pending.GetValue(context, _ => new Pending(generations));
            foreach (var (table, inserts) in writes)
            foreach (var type in TypesOf(context.Model, table))
                mine.Note(type, inserts);
            // Outside a transaction the write is committed already; inside one, CommitWatcher publishes.
            if (command.Transaction is null) mine.Publish();
        }

        private Type[] TypesOf(Microsoft.EntityFrameworkCore.Metadata.IModel model, string table) =>
            tables.GetOrAdd((model, table), key => key.Item1.GetEntityTypes()
                .Where(e => e.GetTableName() == key.Item2).Select(e => e.ClrType).Distinct().ToArray());
    }

    private sealed class CommitWatcher(ConditionalWeakTable<DbContext, Pending> pending) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Publish(eventData);
            return Task.CompletedTask;
        }

        // A rollback undoes the rows; moving the figure anyway costs one reread and is never wrong.
        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Publish(eventData);
            return Task.CompletedTask;
        }

        private void Publish(TransactionEndEventData eventData)
        {
            if (eventData.Context is { } context && pending.TryGetValue(context, out var mine))
                mine.Publish();
        }
    }
}
