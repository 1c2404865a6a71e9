using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Admin.Users;
using NocBoard.Api.Tokens;
using NocBoard.Tests.Support;
using static NocBoard.Tests.Api.ApiArrange;

namespace NocBoard.Tests.Api.Tokens;

public sealed class AccessTokenAuthenticationTests : IAsyncLifetime
{
    private Scenario s = null!;

    public async Task InitializeAsync() => s = await Scenario.StartAsync();
    public async Task DisposeAsync() => await s.DisposeAsync();

    [Fact]
    public async Task A_Bearer_Token_Acts_As_Its_User()
    {
        var alice = await s.UserAsync("alice");
        var me = await (await (await s.ClientAsync(alice)).GetAsync("/api/v1/users/me")).OkJsonAsync();
        Assert.Equal("alice", me.GetProperty("userName").GetString());
        Assert.Equal(alice.Id, me.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task No_Credentials_Is_401_Problem_With_A_Bearer_Challenge_Not_A_Login_Redirect()
    {
        var response = await s.Client(null).GetAsync("/api/v1/tickets/1");
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_Unknown_Token_Is_401()
    {
        var problem = await (await s.Client("nbt_not-a-real-token").GetAsync("/api/v1/users/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not known", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_Expired_Token_Is_401()
    {
        var alice = await s.UserAsync("alice");
        var token = await s.TokenAsync(alice, expires: DateTimeOffset.UtcNow.AddHours(1));
        var client = s.Client(token);
        await (await client.GetAsync("/api/v1/users/me")).OkJsonAsync();
        await s.DbAsync(db => db.AccessTokens.ExecuteUpdateAsync(t => t.SetProperty(x => x.Expires, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var problem = await (await client.GetAsync("/api/v1/users/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_Revoked_Token_Stops_Working_At_Once()
    {
        var alice = await s.UserAsync("alice");
        var client = await s.ClientAsync(alice);
        var tokens = await (await client.GetAsync("/api/v1/tokens")).OkJsonAsync();
        var id = tokens[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        var problem = await (await client.GetAsync("/api/v1/users/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_Disabled_Users_Token_Is_401()
    {
        var alice = await s.UserAsync("alice");
        var client = await s.ClientAsync(alice);
        var disabled = await s.InScopeAsync(async sp => await sp.GetRequiredService<UserAdmin>().SetDisabledAsync(await s.RootAsync(), alice.Id, true));
        Assert.True(disabled.Succeeded);
        await (await client.GetAsync("/api/v1/users/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_Read_Only_Token_Reads_But_Every_Write_Is_403()
    {
        var root = await s.RootAsync();
        var id = await s.TicketAsync();
        var before = await s.FootprintAsync();
        var client = await s.ClientAsync(root, readOnly: true);
        await (await client.GetAsync($"/api/v1/tickets/{id}")).OkJsonAsync();
        await (await client.PostAsync("/api/v1/tickets", JsonBody("""{"queue":"General","subject":"x"}"""))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tickets/{id}/status", new { status = "open" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync("/api/v1/tokens/1")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await s.FootprintAsync());
    }

    [Fact]
    public async Task Only_The_Hash_Of_The_Secret_Is_Stored()
    {
        var alice = await s.UserAsync("alice");
        var secret = await s.TokenAsync(alice);
        var stored = await s.DbAsync(db => db.AccessTokens.SingleAsync());
        Assert.StartsWith("nbt_", secret);
        Assert.True(secret.Length > 40);
        Assert.Equal(AccessTokens.HashOf(secret), stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash + stored.Prefix + stored.Name);
    }

    [Fact]
    public async Task The_Browser_Cookie_Reads_And_Writes_With_Antiforgery_Only()
    {
        using var web = WebSession.For(s.App);
        await web.LoginOrFailAsync("root", NocAppFactory.RootPassword);
        var id = await s.TicketAsync();
        await (await web.GetAsync($"api/v1/tickets/{id}")).OkJsonAsync();

        var refused = await web.Client.PutAsync(web.Url($"api/v1/tickets/{id}/priority"), JsonBody("""{"priority":7}"""));
        await refused.ProblemAsync(HttpStatusCode.BadRequest, "RequestVerificationToken");
        Assert.Equal(0, (await s.LoadTicketAsync(id)).Priority);

        var antiforgery = await (await web.GetAsync("api/v1/antiforgery")).OkJsonAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, web.Url($"api/v1/tickets/{id}/priority")) { Content = JsonBody("""{"priority":7}""") };
        request.Headers.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        await (await web.Client.SendAsync(request)).OkJsonAsync();
        Assert.Equal(7, (await s.LoadTicketAsync(id)).Priority);
    }

    [Fact]
    public async Task Token_Endpoints_Make_List_And_Refuse_Other_Users_Tokens_Without_AdminUsers()
    {
        var alice = await s.UserAsync("alice");
        var bob = await s.UserAsync("bob");
        var client = await s.ClientAsync(alice);
        var made = await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "pager", readOnly = true })).OkJsonAsync(HttpStatusCode.Created);
        var secret = made.GetProperty("secret").GetString()!;
        Assert.True(made.GetProperty("token").GetProperty("readOnly").GetBoolean());
        await (await s.Client(secret).GetAsync("/api/v1/users/me")).OkJsonAsync();

        var list = await (await client.GetAsync("/api/v1/tokens")).OkJsonAsync();
        Assert.Equal(2, list.GetArrayLength());
        Assert.DoesNotContain(secret, list.ToString());

        await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "sneaky", userId = bob.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "name");

        var root = await s.RootClientAsync();
        await (await root.PostAsJsonAsync("/api/v1/tokens", new { name = "for bob", userId = bob.Id })).OkJsonAsync(HttpStatusCode.Created);
        var bobs = await (await root.GetAsync($"/api/v1/tokens?userId={bob.Id}")).OkJsonAsync();
        Assert.Equal("for bob", bobs[0].GetProperty("name").GetString());
    }
}
