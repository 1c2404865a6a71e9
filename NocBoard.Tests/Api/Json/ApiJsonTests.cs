using System.Net;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Api.ApiArrange;

namespace NocBoard.Tests.Api.Json;

/// <summary>Bad input is answered with a problem that says what is wrong and which field, and writes nothing.</summary>
public sealed class ApiJsonTests : IAsyncLifetime
{
    private Scenario s = null!;
    private HttpClient root = null!;

    public async Task InitializeAsync()
    {
        s = await Scenario.StartAsync(new Dictionary<string, string?> { ["Tickets:MaxAttachmentBytes"] = "1024" });
        root = await s.RootClientAsync();
    }

    public async Task DisposeAsync() => await s.DisposeAsync();

    private async Task<System.Text.Json.JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? field, string title)
    {
        var before = await s.FootprintAsync();
        var problem = await response.ProblemAsync(status, field);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(before, await s.FootprintAsync());
        return problem;
    }

    [Fact]
    public async Task Malformed_Json_Is_400_Saying_Where()
    {
        var problem = await RefusedAsync(await root.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x",}""")),
            HttpStatusCode.BadRequest, null, "Malformed JSON");
        Assert.Contains("line 1", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_Unknown_Field_Is_400_Naming_It()
    {
        await RefusedAsync(await root.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x","severity":"high"}""")),
            HttpStatusCode.BadRequest, "severity", "Unknown field");
        var id = await root.CreateTicketAsync();
        await RefusedAsync(await root.PatchAsync($"/api/v1/tickets/{id}", JsonBody("""{"subjekt":"typo"}""")),
            HttpStatusCode.BadRequest, "subjekt", "Unknown field");
    }

    [Fact]
    public async Task A_Wrong_Type_Is_400_Naming_The_Field()
    {
        await RefusedAsync(await root.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x","priority":"high"}""")),
            HttpStatusCode.BadRequest, "priority", "Wrong type");
        var id = await root.CreateTicketAsync();
        await RefusedAsync(await root.PostAsync($"/api/v1/tickets/{id}/links", JsonBody("""{"kind":"Sibling","ticket":1}""")),
            HttpStatusCode.BadRequest, "kind", "Wrong type");
    }

    [Fact]
    public async Task A_Missing_Required_Field_And_A_Wrong_Content_Type_Are_Named()
    {
        await RefusedAsync(await root.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General"}""")), HttpStatusCode.BadRequest, null, "Missing field");
        await RefusedAsync(await root.PostAsync("/api/v1/tickets", new StringContent("queue=General")), HttpStatusCode.UnsupportedMediaType, "Content-Type", "Unsupported media type");
    }

    [Fact]
    public async Task An_Oversized_Upload_Is_413_And_Writes_Nothing()
    {
        var id = await root.CreateTicketAsync();
        using var form = new MultipartFormDataContent { { new StringContent("dump attached"), "content" }, { new ByteArrayContent(new byte[2048]), "attachment", "core.dump" } };
        var problem = await RefusedAsync(await root.PostAsync($"/api/v1/tickets/{id}/correspond", form), HttpStatusCode.RequestEntityTooLarge, "attachment", "Attachment too large");
        Assert.Contains("core.dump", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Multipart_Fields_Are_Checked_Like_Json()
    {
        var id = await root.CreateTicketAsync();
        using var unknown = new MultipartFormDataContent { { new StringContent("x"), "content" }, { new StringContent("y"), "severity" } };
        await RefusedAsync(await root.PostAsync($"/api/v1/tickets/{id}/comment", unknown), HttpStatusCode.BadRequest, "severity", "Unknown field");
        using var wrong = new MultipartFormDataContent { { new StringContent("x"), "content" }, { new StringContent("ten"), "timeTaken" } };
        await RefusedAsync(await root.PostAsync($"/api/v1/tickets/{id}/comment", wrong), HttpStatusCode.BadRequest, "timeTaken", "Wrong type");
    }
}
