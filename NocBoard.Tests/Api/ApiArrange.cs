using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Api.Tokens;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api;

/// <summary>Clients for the API with a real token of a real user, and checks on its answers.</summary>
public static class ApiArrange
{
    public static async Task<string> TokenAsync(this Scenario s, Actor user, bool readOnly = false, DateTimeOffset? expires = null) =>
        (await s.InScopeAsync(sp => sp.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "test", expires, readOnly))).Secret;

    public static HttpClient Client(this Scenario s, string? token)
    {
        var client = s.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> ClientAsync(this Scenario s, Actor user, bool readOnly = false) =>
        s.Client(await s.TokenAsync(user, readOnly));

    public static async Task<HttpClient> RootClientAsync(this Scenario s) => await s.ClientAsync(await s.RootAsync());

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} (expected {(int)expected}): {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with this status (and field, when given) and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} (expected {(int)status}): {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem;
    }

    /// <summary>Creates a ticket in General through the API and returns its number.</summary>
    public static async Task<int> CreateTicketAsync(this HttpClient client, string subject = "BGP session down at FRA-2", string? extra = null)
    {
        var response = await client.PostAsync("/api/v1/tickets", JsonBody($$"""{"queue":"General","subject":"{{subject}}"{{extra}}}"""));
        return (await response.OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }
}
