using NocBoard.Board.Wall;

namespace NocBoard.Tests.Board.Wall;

public class WallRotationTests
{
    [Fact]
    public void Boards_And_The_Dashboard_Take_Turns_In_The_Order_Given_And_Start_Again()
    {
        var rotation = new WallRotation("3,dashboard,all", 30, 1);

        Assert.Equal(["wall/3", "wall/dashboard", "wall"], rotation.Screens);
        Assert.Equal("wall/dashboard?rotate=3%2Cdashboard%2Call&every=30&sound=1", rotation.NextAfter("wall/3"));
        Assert.StartsWith("wall?rotate=", rotation.NextAfter("wall/dashboard"));
        Assert.StartsWith("wall/3?rotate=", rotation.NextAfter("wall"));
        Assert.Equal(TimeSpan.FromSeconds(30), rotation.Interval);
    }

    [Fact]
    public void A_Screen_Outside_The_Rotation_Goes_To_Its_First_And_Unknown_Words_Are_Left_Out()
    {
        var rotation = new WallRotation("5, nonsense ,DASHBOARD,-2", null, null);

        Assert.Equal(["wall/5", "wall/dashboard"], rotation.Screens);
        Assert.StartsWith("wall/5?", rotation.NextAfter("wall/9"));
        Assert.Equal(TimeSpan.FromSeconds(60), rotation.Interval);
    }

    [Fact]
    public void One_Screen_Or_None_Does_Not_Rotate_And_Nothing_Turns_Faster_Than_Every_Ten_Seconds()
    {
        Assert.Null(new WallRotation("dashboard", 10, null).NextAfter("wall/dashboard"));
        Assert.Null(new WallRotation(null, null, null).NextAfter("wall"));
        Assert.Equal(TimeSpan.FromSeconds(10), new WallRotation("1,2", 1, null).Interval);
        Assert.Equal("wall", WallRotation.PathOfBoard(null));
        Assert.Equal("wall/4", WallRotation.PathOfBoard(4));
    }
}
