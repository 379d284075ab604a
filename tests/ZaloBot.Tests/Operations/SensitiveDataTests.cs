using Serilog.Events;
using Serilog.Parsing;
using ZaloBot.Operations;

namespace ZaloBot.Tests.Operations;

public class SensitiveDataTests
{
    [Theory]
    [InlineData("0912345678", "*******678")]
    [InlineData("+84912345678", "********678")]
    [InlineData("12", "**")]
    public void Phone_keeps_only_last_three_digits(string phone, string expected) =>
        SensitiveData.MaskPhone(phone).ShouldBe(expected);

    [Fact]
    public void Phones_inside_free_text_are_masked()
    {
        var masked = SensitiveData.MaskPhonesIn("Liên hệ 0912 345 678 hoặc +84987654321, mã PA-2611");

        masked.ShouldNotContain("345 678");
        masked.ShouldNotContain("987654321");
        masked.ShouldContain("PA-2611");
    }

    [Fact]
    public void Digits_inside_identifiers_are_left_alone() =>
        SensitiveData.MaskPhonesIn("trace 7b611f52088f4a04420296377dc2eeca").ShouldBe("trace 7b611f52088f4a04420296377dc2eeca");

    [Fact]
    public void Enricher_hides_secrets_and_masks_phones_in_log_properties()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("x"),
        [
            new LogEventProperty("AccessToken", new ScalarValue("abc.def.ghi")),
            new LogEventProperty("OaSecretKey", new ScalarValue("k")),
            new LogEventProperty("CitizenPhone", new ScalarValue("0912345678")),
            new LogEventProperty("Text", new ScalarValue("gọi 0912345678 nhé")),
            new LogEventProperty("EventName", new ScalarValue("user_send_text")),
        ]);

        new SensitiveDataEnricher().Enrich(logEvent, null!);

        string Value(string name) => ((ScalarValue)logEvent.Properties[name]).Value!.ToString()!;
        Value("AccessToken").ShouldBe("***");
        Value("OaSecretKey").ShouldBe("***");
        Value("CitizenPhone").ShouldBe("*******678");
        Value("Text").ShouldBe("gọi *******678 nhé");
        Value("EventName").ShouldBe("user_send_text");
    }

    [Fact]
    public void Enricher_masks_names_addresses_and_citizen_ID_numbers()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("x"),
        [
            new LogEventProperty("ContactName", new ScalarValue("Nguyễn Văn An")),
            new LogEventProperty("Address", new ScalarValue("Số 12 đường Lý Thái Tổ")),
            new LogEventProperty("RemoteIpAddress", new ScalarValue("10.0.0.7")),
            new LogEventProperty("Description", new ScalarValue("CCCD 001203012345, CMND 123 456 789")),
            new LogEventProperty("CategoryName", new ScalarValue("Hạ tầng")),
        ]);

        new SensitiveDataEnricher().Enrich(logEvent, null!);

        string Value(string name) => ((ScalarValue)logEvent.Properties[name]).Value!.ToString()!;
        Value("ContactName").ShouldBe("N. V. A.");
        Value("Address").ShouldBe("[địa chỉ]");
        Value("RemoteIpAddress").ShouldBe("10.0.0.7");
        Value("Description").ShouldBe("CCCD *********345, CMND ******789");
        Value("CategoryName").ShouldBe("Hạ tầng");
    }
}
