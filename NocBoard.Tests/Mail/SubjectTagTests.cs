using NocBoard.Mail;

namespace NocBoard.Tests.Mail;

public class SubjectTagTests
{
    [Fact]
    public void The_Tag_Goes_In_Front_Once()
    {
        Assert.Equal("[NOC #42] Link down", SubjectTag.Apply("NOC", 42, "Link down"));
        Assert.Equal("Re: [NOC #42] Link down", SubjectTag.Apply("NOC", 42, "Re: [NOC #42] Link down"));
        Assert.Equal("[NOC #7]", SubjectTag.Apply("NOC", 7, null));
    }

    [Theory]
    [InlineData("Re: [NOC #42] Link down", 42)]
    [InlineData("AW: [noc #42] Link down", 42)]
    [InlineData("[NOC-FRA #3] other site", null)]
    [InlineData("[NOC #] nothing", null)]
    [InlineData("Fwd: [NOC #12] and [NOC #13]", 12)]
    [InlineData("no tag at all", null)]
    public void A_Reply_Finds_Its_Ticket_By_This_Sites_Tag(string subject, int? expected) =>
        Assert.Equal(expected, SubjectTag.Find("NOC", subject));
}
