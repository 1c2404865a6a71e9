using NocBoard.CustomFields;

namespace NocBoard.Tests.CustomFields;

public class CustomFieldTests
{
    private static CustomField Field(CustomFieldType type, params string[] values) =>
        new() { Name = "Device", Type = type, Values = values.ToList() };

    [Theory]
    [InlineData(CustomFieldType.Number, "12.50", "12.50")]
    [InlineData(CustomFieldType.Number, " 7 ", "7")]
    [InlineData(CustomFieldType.Date, "2026-11-23", "2026-11-23T00:00:00Z")]
    [InlineData(CustomFieldType.Date, "2026-11-23T14:00:00+01:00", "2026-11-23T13:00:00Z")]
    [InlineData(CustomFieldType.Text, "core-rtr-1", "core-rtr-1")]
    [InlineData(CustomFieldType.LongText, "line one\nline two", "line one\nline two")]
    public void Valid_Values_Are_Accepted_In_Canonical_Form(CustomFieldType type, string input, string expected)
    {
        var check = Field(type).Check([input]);
        Assert.Null(check.Error);
        Assert.Equal([expected], check.Values);
    }

    [Theory]
    [InlineData(CustomFieldType.Number, "ten", "takes a number; 'ten' is not one")]
    [InlineData(CustomFieldType.Date, "next tuesday-ish", "takes a date")]
    [InlineData(CustomFieldType.Text, "two\nlines", "single line")]
    public void Values_Of_The_Wrong_Type_Are_Refused_With_A_Reason(CustomFieldType type, string input, string reason)
    {
        var check = Field(type).Check([input]);
        Assert.Contains(reason, check.Error);
        Assert.Contains("'Device'", check.Error);
    }

    [Fact]
    public void Select_Fields_Take_Only_Listed_Values_Matched_Without_Case()
    {
        var field = Field(CustomFieldType.SelectOne, "Frankfurt", "Amsterdam");
        Assert.Equal(["Amsterdam"], field.Check(["amsterdam"]).Values);
        Assert.Contains("choose one of: Frankfurt, Amsterdam", field.Check(["Paris"]).Error);
    }

    [Fact]
    public void Only_Select_Many_Takes_Several_Values()
    {
        Assert.Contains("takes one value, not 2", Field(CustomFieldType.SelectOne, "A", "B").Check(["A", "B"]).Error);
        Assert.Equal(["A", "B"], Field(CustomFieldType.SelectMany, "A", "B").Check(["A", "B", "a"]).Values);
    }
}
