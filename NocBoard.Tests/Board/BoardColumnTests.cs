using Bunit;
using NocBoard.Board.Pages;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

public class BoardColumnTests : ComponentTest
{
    public BoardColumnTests()
    {
        Ready();
    }

    [Fact]
    public void A_Column_Over_Its_Wip_Limit_Is_Highlighted_And_Shows_The_Limit()
    {
        var column = Render<BoardColumn>(p => p.Add(x => x.Status, "open").Add(x => x.Count, 3).Add(x => x.Limit, 2));

        var root = column.Find("[data-testid=column-open]");
        Assert.Contains("noc-over-wip", root.ClassName);
        Assert.Equal("3 / 2", column.Find("[data-testid=count-open]").TextContent);
        Assert.Contains("over the WIP limit of 2", root.GetAttribute("title"));
    }

    [Fact]
    public void A_Column_At_Its_Limit_Or_Without_One_Is_Not_Highlighted()
    {
        var atLimit = Render<BoardColumn>(p => p.Add(x => x.Status, "open").Add(x => x.Count, 2).Add(x => x.Limit, 2));
        var noLimit = Render<BoardColumn>(p => p.Add(x => x.Status, "new").Add(x => x.Count, 40));

        Assert.DoesNotContain("noc-over-wip", atLimit.Find("[data-testid=column-open]").ClassName);
        Assert.DoesNotContain("noc-over-wip", noLimit.Find("[data-testid=column-new]").ClassName);
        Assert.Equal("40", noLimit.Find("[data-testid=count-new]").TextContent);
    }

    [Fact]
    public void In_A_Lane_The_Limit_Counts_The_Whole_Column()
    {
        // Two cards in this lane, five in the column across lanes, limit four.
        var lane = Render<BoardColumn>(p => p.Add(x => x.Status, "open").Add(x => x.Count, 2).Add(x => x.Total, 5).Add(x => x.Limit, 4));

        Assert.Contains("noc-over-wip", lane.Find("[data-testid=column-open]").ClassName);
        Assert.Equal("2 / 4", lane.Find("[data-testid=count-open]").TextContent);
    }

    [Fact]
    public void The_Wall_Style_Keeps_The_Same_Highlight()
    {
        var wall = Render<BoardColumn>(p => p.Add(x => x.Status, "open").Add(x => x.Count, 9).Add(x => x.Limit, 5).Add(x => x.Wall, true));

        var root = wall.Find("[data-testid=column-open]");
        Assert.Contains("noc-wall-column", root.ClassName);
        Assert.Contains("noc-over-wip", root.ClassName);
    }
}
