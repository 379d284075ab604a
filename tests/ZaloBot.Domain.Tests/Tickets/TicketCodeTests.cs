using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tests.Tickets;

public class TicketCodeTests
{
    [Fact]
    public void Generated_codes_have_the_month_and_an_unambiguous_suffix()
    {
        var random = new Random(42);
        var codes = Enumerable.Range(0, 500).Select(_ => TicketCode.Generate(new DateOnly(2026, 11, 24), random.Next).Value).ToList();

        codes.ShouldAllBe(c => c.StartsWith("PA-2611-") && c.Length == 12);
        codes.SelectMany(c => c[8..]).ShouldAllBe(ch => TicketCode.Alphabet.Contains(ch));
        codes.SelectMany(c => c[8..]).ShouldNotContain('0');
        codes.SelectMany(c => c[8..]).ShouldNotContain('O');
        codes.Distinct().Count().ShouldBeGreaterThan(490);
    }

    [Theory]
    [InlineData("PA-2611-7K3Q")]
    [InlineData("pa-2611-7k3q")]
    [InlineData("PA 2611 7K3Q")]
    [InlineData("pa26117k3q")]
    [InlineData("mã của tôi là PA.2611.7K3Q ạ")]
    [InlineData("mã là P A 2 6 1 1 7 K 3 Q nhé")]
    public void Parsing_forgives_case_and_separators(string typed)
    {
        TicketCode.TryParse(typed, out var code).ShouldBeTrue();
        code.Value.ShouldBe("PA-2611-7K3Q");
    }

    [Theory]
    [InlineData("PA-2611-7K3")]
    [InlineData("PA-261-7K3Q")]
    [InlineData("PA-2611-7K3O")]
    [InlineData("XPA-2611-7K3Q")]
    [InlineData("P A 2 6 1 1 7 K 3")]
    [InlineData("hello")]
    [InlineData(null)]
    public void Not_a_code(string? typed) => TicketCode.TryParse(typed, out _).ShouldBeFalse();
}
