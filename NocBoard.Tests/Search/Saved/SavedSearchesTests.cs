using Microsoft.Extensions.DependencyInjection;
using NocBoard.Search;
using NocBoard.Search.Saved;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Search.Saved;

public class SavedSearchesTests
{
    [Fact]
    public async Task Personal_Group_And_Global_Searches_Are_Seen_By_The_Right_People()
    {
        await using var s = await Scenario.StartAsync();
        var root = await s.RootAsync();
        var ivy = await s.UserAsync("ivy");
        var jack = await s.UserAsync("jack");
        var nocL2 = await s.GroupAsync("NOC L2", ivy);

        await s.InScopeAsync(async sp =>
        {
            var saved = sp.GetRequiredService<SavedSearches>();
            await saved.SaveAsync("Mine", "Owner = '__CurrentUser__'", "Priority DESC", ["id", "Subject"], SavedSearchScope.Personal, null, ivy);
            await saved.SaveAsync("L2 queue", "Status = '__Active__'", null, [], SavedSearchScope.Group, nocL2, ivy);
            await saved.SaveAsync("Everything new", "Status = 'new'", null, [], SavedSearchScope.Global, null, root);

            Assert.Equal(["Everything new", "L2 queue", "Mine"], (await saved.VisibleAsync(ivy)).Select(x => x.Name));
            Assert.Equal(["Everything new"], (await saved.VisibleAsync(jack)).Select(x => x.Name));
            Assert.Equal([(nocL2, "NOC L2")], await saved.GroupsOfAsync(ivy));
            Assert.Empty(await saved.GroupsOfAsync(jack));
        });
    }

    [Fact]
    public async Task What_Cannot_Be_Saved_Is_Refused_With_The_Reason()
    {
        await using var s = await Scenario.StartAsync();
        var ivy = await s.UserAsync("ivy");
        var other = await s.GroupAsync("Other team");
        await s.InScopeAsync(async sp =>
        {
            var saved = sp.GetRequiredService<SavedSearches>();
            var global = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                saved.SaveAsync("x", "Status = 'new'", null, [], SavedSearchScope.Global, null, ivy));
            Assert.Contains("SuperUser", global.Message);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                saved.SaveAsync("x", "Status = 'new'", null, [], SavedSearchScope.Group, other, ivy));
            var bad = await Assert.ThrowsAsync<TicketSqlException>(() =>
                saved.SaveAsync("x", "Status = ", null, [], SavedSearchScope.Personal, null, ivy));
            Assert.Contains("position", bad.Message);
            await Assert.ThrowsAsync<ArgumentException>(() => saved.SaveAsync(" ", "id = 1", null, [], SavedSearchScope.Personal, null, ivy));
            Assert.Empty(await saved.VisibleAsync(ivy));
        });
    }
}
