using System.Text.Json;
using Microsoft.Playwright;

namespace NocBoard.Bench.Support;

/// <summary>
/// A Chromium performance trace of every page (DevTools' timeline categories) through the browser's
/// DevTools protocol, written as a JSON file chrome://tracing and Perfetto open: where the pages'
/// time goes (script, style, layout, paint, compositing).
/// </summary>
public sealed class ChromiumTrace
{
    private readonly ICDPSession session;
    private readonly List<JsonElement> events = [];
    private readonly TaskCompletionSource complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromiumTrace(ICDPSession session)
    {
        this.session = session;
        session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data?.TryGetProperty("value", out var value) == true)
                lock (events) events.AddRange(value.EnumerateArray().Select(e => e.Clone()));
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
    }

    // BENCH_TRACE_CATEGORIES=toplevel,blink: fewer categories, for CPU times close to an untraced
    // run's (DevTools' timeline categories track every invalidation, and double a frame's cost).
    private static readonly string[] Categories =
        (Environment.GetEnvironmentVariable("BENCH_TRACE_CATEGORIES") ?? "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink,cc,viz,v8").Split(',');

    public static async Task<ChromiumTrace> StartAsync(IBrowser browser)
    {
        var trace = new ChromiumTrace(await browser.NewBrowserCDPSessionAsync());
        await trace.session.SendAsync("Tracing.start", new()
        {
            ["traceConfig"] = new { includedCategories = Categories },
        });
        return trace;
    }

    public async Task StopAsync(string path)
    {
        await session.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await using var file = File.Create(path);
        lock (events) JsonSerializer.Serialize(file, new { traceEvents = events });
    }
}
