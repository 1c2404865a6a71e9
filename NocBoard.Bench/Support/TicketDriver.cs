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

    /// <summary>
    /// Opens the ticket's page, as the agent does before changing it. Separate from the change so a
    /// benchmark can open it before it starts measuring: loading a page is not part of a change.
    /// </summary>
    public async Task OpenAsync(int ticket)
    {
        if (page.Url.EndsWith($"/ticket/{ticket}", StringComparison.Ordinal)) return;
        await page.GotoAsync($"ticket/{ticket}");
        await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached });
    }

    public async Task SetStatusAsync(int ticket, string status)
    {
        await OpenAsync(ticket);
        await page.GetByTestId("status-menu").ClickAsync();
        await page.GetByTestId($"status-{status}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync(status, new() { Timeout = 120_000 });
    }
}
