using NocBoard.Search;

namespace NocBoard.Tests.Search;

public class TicketSqlParserTests
{
    [Theory]
    [InlineData("Status = 'open'", "Status = 'open'")]
    [InlineData("status='open'", "Status = 'open'")]
    [InlineData("STATUS = \"open\"", "Status = 'open'")]
    [InlineData("Priority > 5", "Priority > 5")]
    [InlineData("Priority>=-5", "Priority >= -5")]
    [InlineData("Priority <> 5", "Priority != 5")]
    [InlineData("id = '__Bookmarked__'", "id = '__Bookmarked__'")]
    [InlineData("Subject like 'bgp'", "Subject LIKE 'bgp'")]
    [InlineData("Subject Not Like 'bgp'", "Subject NOT LIKE 'bgp'")]
    [InlineData("Owner is null", "Owner IS NULL")]
    [InlineData("Owner IS  NOT\tNULL", "Owner IS NOT NULL")]
    [InlineData("Subject = 'it\\'s down'", "Subject = 'it\\'s down'")]
    [InlineData("Subject = \"it's down\"", "Subject = 'it\\'s down'")]
    [InlineData("CF.{Circuit ID} = 'C-1'", "CF.{Circuit ID} = 'C-1'")]
    [InlineData("CF.Device = 'r1'", "CF.{Device} = 'r1'")]
    [InlineData("'CF.{Circuit ID}' = 'C-1'", "CF.{Circuit ID} = 'C-1'")]
    [InlineData("CustomField.{Site} LIKE 'FRA'", "CF.{Site} LIKE 'FRA'")]
    [InlineData("Requestor.EmailAddress = 'a@b.example'", "Requestor = 'a@b.example'")]
    [InlineData("a.b.c = 1 OR Queue = 1", null)]
    [InlineData("  ((Queue = 'General'))  ", "Queue = 'General'")]
    public void Parses_Fields_Operators_And_Values(string query, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<TicketSqlException>(() => TicketSqlParser.Parse(query));
            return;
        }
        Assert.Equal(expected, TicketSqlParser.Parse(query)!.ToString());
    }

    [Fact]
    public void And_Binds_Tighter_Than_Or()
    {
        var or = Assert.IsType<TicketSqlOr>(TicketSqlParser.Parse("Status = 'new' OR Priority > 5 AND Owner IS NULL"));
        Assert.IsType<TicketSqlCondition>(or.Parts[0]);
        var and = Assert.IsType<TicketSqlAnd>(or.Parts[1]);
        Assert.Equal(["Priority > 5", "Owner IS NULL"], and.Parts.Select(p => p.ToString()));
    }

    [Fact]
    public void Parentheses_Override_Precedence_And_Survive_Writing_Back()
    {
        var and = Assert.IsType<TicketSqlAnd>(TicketSqlParser.Parse("(Status = 'new' or Priority > 5) and Owner is null"));
        Assert.IsType<TicketSqlOr>(and.Parts[0]);
        Assert.Equal("(Status = 'new' OR Priority > 5) AND Owner IS NULL", and.ToString());
        Assert.Equal(and.ToString(), TicketSqlParser.Parse(and.ToString())!.ToString());
    }

    [Fact]
    public void Chains_Are_Flat()
    {
        var and = Assert.IsType<TicketSqlAnd>(TicketSqlParser.Parse("Priority = 1 AND Priority = 2 AND Priority = 3"));
        Assert.Equal(3, and.Parts.Count);
    }

    [Fact]
    public void Conditions_Remember_Where_They_Were_Written()
    {
        var c = Assert.IsType<TicketSqlCondition>(TicketSqlParser.Parse("  Priority >= 'abc'"));
        Assert.Equal((2, 8), (c.Field.Position, c.Field.Length));
        Assert.Equal(11, c.OperatorPosition);
        Assert.Equal((14, 5), (c.Value!.Position, c.Value.Length));
        Assert.False(c.Value.IsNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_Empty_Query_Matches_Everything(string? query) => Assert.Null(TicketSqlParser.Parse(query));

    [Theory]
    [InlineData("Priority > 3 AND Owner =", "Expected a value after '=' at position 24, found the end of the query.", 24)]
    [InlineData("Status = 'new' AND Queue =", "Expected a value after '=' at position 26", 26)]
    [InlineData("Status = open", "Expected a value after '=' at position 9, found 'open': put text in quotes, e.g. 'open'.", 9)]
    [InlineData("Status = AND", "Expected a value after '=' at position 9, found 'AND'.", 9)]
    [InlineData("Subject LIKE )", "Expected a value after 'LIKE' at position 13, found ')'.", 13)]
    [InlineData("Stauts = 'open'", "Unknown field 'Stauts' at position 0. Valid fields: id, Subject, Content, Queue, Status,", 0)]
    [InlineData("Status = 'open' AND Ownr = 'x'", "Unknown field 'Ownr' at position 20.", 20)]
    [InlineData("Status 'open'", "Expected an operator (=, !=, <, >, <=, >=, LIKE, NOT LIKE, IS NULL or IS NOT NULL) after 'Status' at position 7, found 'open'.", 7)]
    [InlineData("Status", "Expected an operator", 6)]
    [InlineData("Owner IS 'x'", "Expected NULL after 'IS' at position 9, found 'x'.", 9)]
    [InlineData("Owner IS NOT", "Expected NULL after 'IS NOT' at position 12, found the end of the query.", 12)]
    [InlineData("Status NOT 'x'", "Expected an operator", 7)]
    [InlineData("Status = 'open' Priority = 1", "Expected AND, OR or the end of the query at position 16, found 'Priority'.", 16)]
    [InlineData("Status = 'open' AND", "Expected a field name at position 19, found the end of the query.", 19)]
    [InlineData("AND Status = 'open'", "Expected a field name at position 0, found 'AND'.", 0)]
    [InlineData("= 'open'", "Expected a field name at position 0, found '='.", 0)]
    [InlineData("'open' = Status", "Expected a field name at position 0, found 'open'.", 0)]
    [InlineData("(Status = 'open'", "Expected ')' at position 16 to close the '(' at position 0, found the end of the query.", 16)]
    [InlineData("Status = 'open')", "Unexpected ')' at position 15: there is no '(' for it to close.", 15)]
    [InlineData("()", "Expected a field name at position 1, found ')'.", 1)]
    [InlineData("Subject = 'unterminated", "Unterminated string starting at position 10: add the closing '.", 10)]
    [InlineData("Subject = \"unterminated", "Unterminated string starting at position 10: add the closing \".", 10)]
    [InlineData("Priority = 5 ; DROP TABLE Tickets", "Unexpected character ';' at position 13.", 13)]
    [InlineData("Subject # 'x'", "Unexpected character '#' at position 8.", 8)]
    [InlineData("CF.{Circuit = 'x'", "Missing '}' to close the '{' at position 3.", 3)]
    [InlineData("CF.{} = 'x'", "Unknown field 'CF.{}' at position 0.", 0)]
    [InlineData("Priority = 5 OR", "Expected a field name at position 15, found the end of the query.", 15)]
    public void Errors_Say_What_Was_Expected_And_Where(string query, string message, int position)
    {
        var error = Assert.Throws<TicketSqlException>(() => TicketSqlParser.Parse(query));
        Assert.StartsWith(message, error.Message);
        Assert.Equal(position, error.Position);
        Assert.Equal(TicketSqlPart.Query, error.Part);
    }

    [Fact]
    public void Unknown_Fields_List_The_Valid_Ones()
    {
        var error = Assert.Throws<TicketSqlException>(() => TicketSqlParser.Parse("Colour = 'red'"));
        foreach (var field in new[] { "id", "Subject", "Content", "Queue", "Status", "Owner", "Requestor", "Cc", "AdminCc", "Priority",
                                      "Created", "LastUpdated", "Resolved", "Due", "Starts", "TimeWorked", "CF.{Name}" })
            Assert.Contains(field, error.Message);
        Assert.Equal(6, error.Length);
    }

    [Fact]
    public void Deep_Nesting_And_Huge_Queries_Are_Refused()
    {
        var deep = new string('(', 40) + "Priority = 1" + new string(')', 40);
        Assert.Contains("Too many nested parentheses", Assert.Throws<TicketSqlException>(() => TicketSqlParser.Parse(deep)).Message);
        var wide = string.Join(" OR ", Enumerable.Range(0, 201).Select(i => $"Priority = {i}"));
        Assert.Contains("Too many conditions", Assert.Throws<TicketSqlException>(() => TicketSqlParser.Parse(wide)).Message);
    }
}
