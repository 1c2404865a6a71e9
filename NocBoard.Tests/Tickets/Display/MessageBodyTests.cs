using System.Text;
using NocBoard.Tickets;
using NocBoard.Tickets.Display;

namespace NocBoard.Tests.Tickets.Display;

public class MessageBodyTests
{
    private static string Render(string text, string type) =>
        MessageBody.ToSafeHtml(new Attachment { ContentType = type, Content = Encoding.UTF8.GetBytes(text) });

    [Fact]
    public void Html_From_Mail_Loses_Scripts_Handlers_And_Remote_Images()
    {
        var html = Render("""<p onclick="steal()">Hi</p><script>alert(1)</script><img src="http://tracker/x.gif"><a href="javascript:evil()">x</a>""", "text/html");
        Assert.Contains("Hi", html);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public void Markdown_Is_Rendered_But_Raw_Html_In_It_Is_Not()
    {
        var html = Render("**down** since 03:00\n\n<script>alert(1)</script>", "text/markdown");
        Assert.Contains("<strong>down</strong>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void Plain_Text_Is_Escaped()
    {
        Assert.Contains("&lt;b&gt;not bold&lt;/b&gt;", Render("<b>not bold</b>", "text/plain"));
    }

    [Fact]
    public void Links_Open_Apart_From_NocBoard()
    {
        var html = Render("""<a href="https://status.example.net">status</a>""", "text/html");
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }
}
