using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Accounts.Rights;

/// <summary>The ways a right can be granted that the matrix covers.</summary>
public enum GrantKind
{
    ToUser,
    ToGroup,
    ToEveryone,
    ToPrivileged,
    ToUnprivileged,
    ToRequestor,
    ToCc,
    ToAdminCc,
    ToOwner,
    ToCcViaQueueWatcherUser,
    ToCcViaQueueWatcherGroup,
    ToCcViaQueueWatcherEmail,
    ToAdminCcViaQueueWatcherUser,
    ToAdminCcViaQueueWatcherGroup,
    ToAdminCcViaQueueWatcherEmail,
}

/// <summary>
/// Every queue-scoped right × one way of granting it × granted globally or on one queue (Backbone),
/// asked about users and tickets on that queue and on another one (Peering), where a grant on
/// Backbone must not count. One app host per grant kind: all rights and both scopes are evaluated
/// against it, and every wrong answer is reported by right, scope and case.
/// </summary>
internal static class RightsMatrix
{
    /// <summary>
    /// One question to the evaluator: does <paramref name="User"/> hold a right on the queue (no
    /// ticket) or on the ticket? <paramref name="Plays"/>: whether the grant's principal covers them
    /// there, i.e. whether they hold it when the grant's scope covers <paramref name="QueueId"/>.
    /// </summary>
    private sealed record Probe(string Case, Actor User, int QueueId, int? TicketId, bool Plays);

    private sealed record Principal(int? UserId = null, int? GroupId = null, RoleName? Role = null);

    private sealed record Arrangement(Principal Principal, IReadOnlyList<Probe> Probes);

    /// <summary>Asserts that every queue-scoped right granted this way is held by exactly those it names, where granted.</summary>
    public static async Task AssertAsync(GrantKind kind)
    {
        await using var s = await Scenario.StartAsync();
        var backbone = await s.QueueAsync("Backbone");
        var peering = await s.QueueAsync("Peering");
        var arrangement = kind switch
        {
            GrantKind.ToUser or GrantKind.ToGroup or GrantKind.ToEveryone or GrantKind.ToPrivileged or GrantKind.ToUnprivileged =>
                await ArrangePrincipalAsync(s, kind, backbone, peering),
            GrantKind.ToRequestor or GrantKind.ToCc or GrantKind.ToAdminCc or GrantKind.ToOwner =>
                await ArrangeTicketRoleAsync(s, kind, backbone, peering),
            _ => await ArrangeQueueWatcherAsync(s, kind, backbone, peering),
        };

        var failures = new List<string>();
        foreach (var (scopeName, scope) in new[] { ("globally", (int?)null), ("on Backbone", backbone) })
        {
            await s.RevokeAllButSuperUserAsync();
            var p = arrangement.Principal;
            await s.GrantEachAsync(RightsArrange.QueueRights, scope, p.UserId, p.GroupId, p.Role);
            failures.AddRange(await EvaluateAsync(s, arrangement.Probes, scope, $"{kind} {scopeName}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} wrong answers:\n{string.Join("\n", failures)}");
    }

    /// <summary>Asks every probe about every right, and checks that list visibility agrees with the evaluator.</summary>
    private static Task<List<string>> EvaluateAsync(Scenario s, IReadOnlyList<Probe> probes, int? scope, string granted) =>
        s.InScopeAsync(async sp =>
        {
            var failures = new List<string>();
            var rights = sp.GetRequiredService<RightsService>();
            var reader = sp.GetRequiredService<TicketReader>();
            var tickets = await sp.GetRequiredService<NocDbContext>().Tickets.AsNoTracking().ToDictionaryAsync(t => t.Id);

            foreach (var probe in probes)
            foreach (var right in RightsArrange.QueueRights)
            {
                var expected = probe.Plays && (scope is null || scope == probe.QueueId);
                var actual = probe.TicketId is { } id
                    ? await rights.HasOnTicketAsync(probe.User.Id, right, tickets[id])
                    : await rights.HasAsync(probe.User.Id, right, probe.QueueId);
                if (actual != expected)
                    failures.Add($"{right} granted {granted}: {probe.Case}: expected {(expected ? "held" : "not held")}, but was {(actual ? "held" : "not held")}");
            }

            // Lists and single reads must agree with the evaluator for ShowTicket on every ticket.
            foreach (var user in probes.Select(p => p.User).DistinctBy(u => u.Id))
            {
                var shouldSee = new List<int>();
                foreach (var ticket in tickets.Values.OrderBy(t => t.Id))
                {
                    if (await rights.HasOnTicketAsync(user.Id, Right.ShowTicket, ticket)) shouldSee.Add(ticket.Id);
                    var got = await reader.GetAsync(ticket.Id, user) is not null;
                    if (got != shouldSee.Contains(ticket.Id))
                        failures.Add($"ShowTicket granted {granted}: GetAsync of #{ticket.Id} by {user.Name} {(got ? "returned" : "hid")} it, the evaluator says otherwise");
                }
                var listed = await (await reader.QueryAsync(user)).Select(t => t.Id).OrderBy(id => id).ToListAsync();
                if (!listed.SequenceEqual(shouldSee))
                    failures.Add($"ShowTicket granted {granted}: QueryAsync for {user.Name} listed [{string.Join(",", listed)}], the evaluator allows [{string.Join(",", shouldSee)}]");
            }
            return failures;
        });

    /// <summary>
    /// Grants that depend on the user alone: to a user, a group, Everyone, Privileged, Unprivileged.
    /// Each user is asked on both queues without a ticket and on a ticket of each queue.
    /// </summary>
    private static async Task<Arrangement> ArrangePrincipalAsync(Scenario s, GrantKind kind, int backbone, int peering)
    {
        var alice = await s.AccountAsync("alice", privileged: true);          // staff, the one granted to / member of the group
        var bob = await s.AccountAsync("bob", privileged: true);              // staff, not named by the grant
        var carol = await s.AccountAsync("carol", privileged: false, email: "carol@example.net"); // a customer
        var group = await s.GroupAsync("NOC Level 2", alice);
        var onBackbone = await s.TicketAsync("Core router CPU high", backbone);
        var onPeering = await s.TicketAsync("IX port errors", peering);

        (Principal Principal, Actor[] Holders) granted = kind switch
        {
            GrantKind.ToUser => (new Principal(UserId: alice.Id), [alice]),
            GrantKind.ToGroup => (new Principal(GroupId: group), [alice]),
            GrantKind.ToEveryone => (new Principal(Role: RoleName.Everyone), [alice, bob, carol]),
            GrantKind.ToPrivileged => (new Principal(Role: RoleName.Privileged), [alice, bob]),
            GrantKind.ToUnprivileged => (new Principal(Role: RoleName.Unprivileged), [carol]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var probes = new List<Probe>();
        foreach (var user in new[] { alice, bob, carol })
        {
            var plays = granted.Holders.Contains(user);
            var who = $"{user.Name} ({(user.Privileged ? "privileged" : "unprivileged")}{(user == alice ? ", in the group" : "")})";
            probes.Add(new($"{who} on queue Backbone", user, backbone, null, plays));
            probes.Add(new($"{who} on queue Peering", user, peering, null, plays));
            probes.Add(new($"{who} on ticket #{onBackbone} in Backbone", user, backbone, onBackbone, plays));
            probes.Add(new($"{who} on ticket #{onPeering} in Peering", user, peering, onPeering, plays));
        }
        return new(granted.Principal, probes);
    }

    /// <summary>
    /// Grants to the ticket roles Requestor, Cc, AdminCc and Owner, played through the ticket itself
    /// (by user id, or by an email address that belongs to a user), against tickets where the user
    /// plays that role, plays every other role, or plays none.
    /// </summary>
    private static async Task<Arrangement> ArrangeTicketRoleAsync(Scenario s, GrantKind kind, int backbone, int peering)
    {
        var alice = await s.AccountAsync("alice", privileged: true);
        var bob = await s.AccountAsync("bob", privileged: true, email: "bob@example.net");
        const string carolsAddress = "Carol.Customer@Example.NET";

        var (role, watcherRole) = kind switch
        {
            GrantKind.ToRequestor => (RoleName.Requestor, (WatcherRole?)WatcherRole.Requestor),
            GrantKind.ToCc => (RoleName.Cc, WatcherRole.Cc),
            GrantKind.ToAdminCc => (RoleName.AdminCc, WatcherRole.AdminCc),
            GrantKind.ToOwner => (RoleName.Owner, null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        // Plays the role: alice by user id and carol by address (she gets an account only afterwards).
        WatcherRef[] players = [WatcherRef.User(alice.Id), WatcherRef.Address(carolsAddress)];
        async Task<int> PlayedAsync(string subject, int queueId)
        {
            var id = await NewTicketAsync(s, subject, queueId,
                requestors: watcherRole == WatcherRole.Requestor ? players : [],
                cc: watcherRole == WatcherRole.Cc ? players : [],
                adminCc: watcherRole == WatcherRole.AdminCc ? players : []);
            if (role == RoleName.Owner) await s.SetOwnerDirectlyAsync(id, alice.Id);
            return id;
        }
        var playedOnBackbone = await PlayedAsync("Core router CPU high", backbone);
        var playedOnPeering = await PlayedAsync("IX port errors", peering);

        // Decoy: alice (and carol's address) play every role but this one; bob owns it unless Owner is this role.
        WatcherRef[] decoys = [WatcherRef.User(alice.Id), WatcherRef.Address(carolsAddress)];
        var decoy = await NewTicketAsync(s, "Fibre cut on span 12", backbone,
            requestors: watcherRole == WatcherRole.Requestor ? [] : decoys,
            cc: watcherRole == WatcherRole.Cc ? [] : decoys,
            adminCc: watcherRole == WatcherRole.AdminCc ? [] : decoys);
        await s.SetOwnerDirectlyAsync(decoy, role == RoleName.Owner ? bob.Id : alice.Id);
        var unrelated = await s.TicketAsync("Transit provider maintenance", backbone);

        var carol = await s.AccountAsync("carol", privileged: false, email: carolsAddress);

        var probes = new List<Probe>
        {
            new($"alice on queue Backbone without a ticket", alice, backbone, null, false),
            new($"alice as {role} of #{playedOnBackbone} in Backbone", alice, backbone, playedOnBackbone, true),
            new($"alice as {role} of #{playedOnPeering} in Peering", alice, peering, playedOnPeering, true),
            new($"alice playing every role but {role} on #{decoy}", alice, backbone, decoy, false),
            new($"alice playing no role on #{unrelated}", alice, backbone, unrelated, false),
            new($"bob, no role on #{playedOnBackbone}", bob, backbone, playedOnBackbone, false),
        };
        if (role == RoleName.Owner)
        {
            probes.Add(new($"bob as Owner of #{decoy}", bob, backbone, decoy, true));
            probes.Add(new($"carol, no role on #{playedOnBackbone}", carol, backbone, playedOnBackbone, false));
            probes.Add(new($"carol playing every role but Owner by address on #{decoy}", carol, backbone, decoy, false));
        }
        else
        {
            probes.Add(new($"carol as {role} by address of #{playedOnBackbone} in Backbone", carol, backbone, playedOnBackbone, true));
            probes.Add(new($"carol as {role} by address of #{playedOnPeering} in Peering", carol, peering, playedOnPeering, true));
            probes.Add(new($"carol playing every role but {role} on #{decoy}", carol, backbone, decoy, false));
            probes.Add(new($"carol playing no role on #{unrelated}", carol, backbone, unrelated, false));
        }
        return new(new Principal(Role: role), probes);
    }

    /// <summary>
    /// Grants to Cc and AdminCc played through queue watchers: the user, a group they are in, or
    /// their email address watches Backbone and Peering in that role, and a third queue in the other role.
    /// </summary>
    private static async Task<Arrangement> ArrangeQueueWatcherAsync(Scenario s, GrantKind kind, int backbone, int peering)
    {
        var transit = await s.QueueAsync("Transit");
        var alice = await s.AccountAsync("alice", privileged: true, email: "Alice.Ops@Example.NET");
        var bob = await s.AccountAsync("bob", privileged: true, email: "bob@example.net");
        var group = await s.GroupAsync("NOC Level 2", alice);

        var (role, watcherRole, otherRole) = kind switch
        {
            GrantKind.ToCcViaQueueWatcherUser or GrantKind.ToCcViaQueueWatcherGroup or GrantKind.ToCcViaQueueWatcherEmail =>
                (RoleName.Cc, WatcherRole.Cc, WatcherRole.AdminCc),
            _ => (RoleName.AdminCc, WatcherRole.AdminCc, WatcherRole.Cc),
        };
        var how = kind.ToString()[(kind.ToString().LastIndexOf("Watcher", StringComparison.Ordinal) + "Watcher".Length)..];
        Task WatchAsync(int queueId, WatcherRole r) => how switch
        {
            "User" => s.QueueWatcherAsync(queueId, r, userId: alice.Id),
            "Group" => s.QueueWatcherAsync(queueId, r, groupId: group),
            "Email" => s.QueueWatcherAsync(queueId, r, email: "alice.ops@example.net"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        await WatchAsync(backbone, watcherRole);
        await WatchAsync(peering, watcherRole);
        await WatchAsync(transit, otherRole);

        var onBackbone = await s.TicketAsync("Core router CPU high", backbone);
        var onPeering = await s.TicketAsync("IX port errors", peering);
        var onTransit = await s.TicketAsync("Transit provider maintenance", transit);

        var via = $"{role} via queue watcher ({how.ToLowerInvariant()})";
        return new(new Principal(Role: role),
        [
            new($"alice on queue Backbone without a ticket", alice, backbone, null, false),
            new($"alice as {via} on #{onBackbone} in Backbone", alice, backbone, onBackbone, true),
            new($"alice as {via} on #{onPeering} in Peering", alice, peering, onPeering, true),
            new($"alice as {otherRole} (not {role}) via queue watcher on #{onTransit} in Transit", alice, transit, onTransit, false),
            new($"bob, not a watcher, on #{onBackbone}", bob, backbone, onBackbone, false),
        ]);
    }

    private static async Task<int> NewTicketAsync(Scenario s, string subject, int queueId,
        WatcherRef[] requestors, WatcherRef[] cc, WatcherRef[] adminCc)
    {
        var result = await s.CreateAsync(await s.RootAsync(), new NewTicket
        {
            QueueId = queueId,
            Subject = subject,
            Requestors = requestors,
            Cc = cc,
            AdminCc = adminCc,
        });
        return result.EnsureSucceeded().Id;
    }
}
