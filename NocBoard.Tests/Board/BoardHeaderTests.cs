using Bunit;
using NocBoard.Board;
using NocBoard.Board.Pages;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board;

public class BoardHeaderTests : ComponentTest
{
    public BoardHeaderTests()
    {
        Ready();
    }

    [Fact]
    public void A_Saved_Board_Offers_The_Other_Boards_Its_Editor_And_Its_Wall_Screen()
    {
        var core = new BoardDefinition { Id = 3, Name = "Core network" };
        var header = Render<BoardHeader>(p => p.Add(x => x.Definition, core)
            .Add(x => x.Boards, [core, new BoardDefinition { Id = 4, Name = "Customers" }]).Add(x => x.CardCount, 12));

        Assert.Contains("Core network", header.Find("[data-testid=board-menu] summary").TextContent);
        Assert.Equal(["board", "board/3", "board/4", "boards/new"], header.FindAll("[data-testid=board-menu] nav a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(header.Find("a[href='boards/3/edit'][aria-label='Edit board']"));
        Assert.Equal("_blank", header.Find("a[href='wall/3']").GetAttribute("target"));
        Assert.Equal("12 cards", header.Find("[data-testid=card-count]").TextContent);
    }

    [Fact]
    public void The_Default_Board_Has_No_Editor_And_Its_Wall_Is_The_Default_Wall()
    {
        var header = Render<BoardHeader>(p => p.Add(x => x.Definition, BoardService.Default).Add(x => x.CardCount, 0));

        Assert.Empty(header.FindAll("a[aria-label='Edit board']"));
        Assert.NotNull(header.Find("a[href=wall]"));
    }
}
