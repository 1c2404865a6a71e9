using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;
using NocBoard.Accounts;
using NocBoard.Operations;
using NocBoard.Queues;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Bench.Support;

/// <summary>
/// Fills a data folder before the server starts: NocBoard's own services, in this process, on that
/// folder, so the tickets are made through the single write path exactly as the server would.
/// </summary>
public static class BenchData
{
    /// <summary>A new data folder with root (<see cref="BenchApp.RootPassword"/>) and <paramref name="tickets"/> tickets in General.</summary>
    public static async Task<(string DataDirectory, IReadOnlyList<int> TicketIds)> WithTicketsAsync(int tickets)
    {
        var data = Directory.CreateTempSubdirectory("nocboard-bench-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Data:Directory"] = data;
        builder.Configuration["Bootstrap:RootPassword"] = BenchApp.RootPassword;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddNocBoardFeatures();
        var ids = new List<int>();
        await using (var app = builder.Build())
        {
            await app.PrepareAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var root = await scope.ServiceProvider.GetRequiredService<ActorLookup>().ByNameAsync(SystemUser.RootUserName)
                       ?? throw new InvalidOperationException("no root account after first run");
            var write = scope.ServiceProvider.GetRequiredService<TicketService>();
            var general = (await scope.ServiceProvider.GetRequiredService<QueueDirectory>().VisibleAsync(root)).Single(q => q.Name == Queue.DefaultName).Id;
            for (var i = 0; i < tickets; i++)
            {
                var created = await write.CreateAsync(new NewTicket
                {
                    QueueId = general,
                    Subject = $"Bench ticket {i + 1}: link flap on edge-{i % 40}",
                    Priority = i * 37 % 100,
                    Status = i % 3 == 0 ? "open" : "new",
                }, root);
                ids.Add(created.Ticket?.Id ?? throw new InvalidOperationException(created.Error?.Message));
            }
        }
        SqliteConnection.ClearAllPools();
        return (data, ids);
    }
}
