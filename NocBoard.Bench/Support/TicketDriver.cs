using Microsoft.Playwright;

namespace NocBoard.Bench.Support;

/// <summary>
/// Changes tickets in the server the way an agent does, from a browser on the ticket page (the
/// change is committed in the server process, so its feed carries it). The timing of each change is
/// taken from the commit itself (the ticket's LastUpdated in the pushed message), not from here.
/// </summary>
public sealed class TicketDriver(IPage page)
{
    public static async Task<TicketDriver> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return new TicketDriver(page);
    }

    public async Task SetStatusAsync(int ticket, string status)
    {
        if (!page.Url.EndsWith($"/ticket/{ticket}", StringComparison.Ordinal))
        {
            await page.GotoAsync($"ticket/{ticket}");
            await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached });
        }
        await page.GetByTestId("status-menu").ClickAsync();
        await page.GetByTestId($"status-{status}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync(status, new() { Timeout = 120_000 });
    }
}
