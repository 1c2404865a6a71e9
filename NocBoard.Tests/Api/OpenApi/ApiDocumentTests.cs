using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.OpenApi;

public sealed class ApiDocumentTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();
    public async Task DisposeAsync() => await s.DisposeAsync();

    private async Task<string> DocumentAsync()
    {
        var response = await s.Client(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Every_Api_Endpoint_Is_In_The_Document_With_A_Summary()
    {
        using var json = JsonDocument.Parse(await DocumentAsync());
        var paths = json.RootElement.GetProperty("paths");
        var endpoints = s.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m.ToLowerInvariant(), Path: OpenApiPath(e.RoutePattern.RawText!))))
            .ToList();
        Assert.True(endpoints.Count >= 45, $"only {endpoints.Count} endpoints found");
        foreach (var (method, path) in endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing from the document");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} does not document 401");
        }
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Document_Loads_With_OpenApi_NET_And_Declares_Bearer_Security_And_Typed_Bodies()
    {
        var text = await DocumentAsync();
        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(text, "json", settings);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        var document = result.Document!;
        Assert.Equal("NocBoard API", document.Info.Title);
        var bearer = document.Components!.SecuritySchemes!["bearer"];
        Assert.Equal(SecuritySchemeType.Http, bearer.Type);
        Assert.Equal("bearer", bearer.Scheme);
        Assert.NotEmpty(document.Security!);

        var create = document.Paths["/api/v1/tickets"].Operations![HttpMethod.Post];
        Assert.True(create.Responses!.ContainsKey("201"));
        Assert.NotNull(create.RequestBody!.Content!["application/json"].Schema);
        var get = document.Paths["/api/v1/tickets/{id}"].Operations![HttpMethod.Get];
        Assert.Contains("application/json", get.Responses!["200"].Content!.Keys);
        var correspond = document.Paths["/api/v1/tickets/{id}/correspond"].Operations![HttpMethod.Post];
        var multipart = correspond.RequestBody!.Content!["multipart/form-data"].Schema!;
        Assert.Equal("binary", multipart.Properties!["attachment"].Items!.Format);
        var search = document.Paths["/api/v1/tickets"].Operations![HttpMethod.Get];
        Assert.Contains(search.Parameters!, p => p.Name == "query");
    }

    /// <summary>"/api/v1/tickets/{id:int}" → "/api/v1/tickets/{id}", and no trailing slash.</summary>
    private static string OpenApiPath(string route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
