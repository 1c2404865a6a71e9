namespace NocBoard.Board;

public static class BoardFeature
{
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BoardService>();
        builder.Services.AddScoped<BoardDirectory>();
        return builder;
    }
}
