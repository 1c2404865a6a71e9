using NocBoard.Api.RtRest;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>RT's form text, read and written as RT's server and the rt client do.</summary>
public sealed class RtFormTests
{
    [Fact]
    public void Continuation_Lines_Are_Joined_With_The_Common_Indent_Removed()
    {
        var form = Assert.Single(RtFormText.Parse("# Required: id\n\nid: ticket/new\nText: first\n      second\n\n        indented\n\nQueue: General\n"));
        Assert.Equal(["Required: id"], form.Comments);
        Assert.Equal("first\nsecond\n\n  indented", form.Get("Text"));
        Assert.Equal("General", form.Get("queue"));
    }

    [Fact]
    public void Forms_Are_Separated_By_Dashes_And_Repeated_Keys_Add_Values()
    {
        var forms = RtFormText.Parse("id: ticket/1\nCc: a@x\nCc: b@x\n--\nid: ticket/2\n");
        Assert.Equal(2, forms.Count);
        Assert.Equal(["a@x", "b@x"], forms[0].Grouped().Single(g => g.Key == "Cc").Values);
        Assert.Equal("ticket/2", forms[1].Get("id"));
    }

    [Fact]
    public void A_Line_That_Is_No_Field_Is_A_Syntax_Error_Echoed_With_A_Marker()
    {
        var form = Assert.Single(RtFormText.Parse("id: ticket/1\nthis is not a field\nStatus: open\n"));
        Assert.Equal("id: ticket/1\n>> this is not a field\nStatus: open\n", form.Error);
    }

    [Fact]
    public void Lists_Split_On_Commas_Outside_Quotes()
    {
        Assert.Equal(["a@x", "Doe, Jane", "it's", "c@x"], RtFormText.SplitList(" a@x , 'Doe, Jane', \"it's\",c@x"));
        Assert.Empty(RtFormText.SplitList(""));
    }

    [Fact]
    public void Composing_Writes_Multi_Line_Values_Indented_And_Empty_Lists_Without_A_Space()
    {
        var form = new RtForm().Comment("Ticket 1 created.").Add("id", "ticket/1").AddList("Cc", []).Add("Subject", "")
            .Add("Content", "one\ntwo").Add("Creator", "root");
        Assert.Equal("# Ticket 1 created.\n\nid: ticket/1\nCc:\nSubject: \n\nContent: one\n         two\n\nCreator: root\n", RtFormText.Compose([form]));
        Assert.Equal(form.Fields, RtFormText.Parse(RtFormText.Compose([form]))[0].Fields);
    }
}
