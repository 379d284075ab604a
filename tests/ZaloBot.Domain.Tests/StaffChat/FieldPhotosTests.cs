using ZaloBot.Domain.StaffChat;

namespace ZaloBot.Domain.Tests.StaffChat;

public class FieldPhotosTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ảnh PA-2611-7K3Q", "PA-2611-7K3Q", "")]
    [InlineData("Anh pa 2611 7k3q", "PA-2611-7K3Q", "")]
    [InlineData("ẢNH KN-2611-7K3Q gửi dân", "KN-2611-7K3Q", "gửi dân")]
    [InlineData("gui anh tc26117k3q", "TC-2611-7K3Q", "")]
    [InlineData("ảnh sau PA-2611-7K3Q", "PA-2611-7K3Q", "")]
    public void The_photo_verb_is_read_with_or_without_diacritics_and_a_loosely_typed_code(string text, string code, string rest)
    {
        var photo = StaffCommandParser.Parse(text).ShouldBeOfType<StaffCommand.Photo>();
        photo.Code.ShouldBe(code);
        photo.Typed.ShouldBe(rest);
    }

    [Theory]
    [InlineData("ảnh PA-26-XY")]
    [InlineData("anh 2611-7K3Q")]
    public void The_photo_verb_with_something_that_is_not_a_code_is_a_wrong_code(string text)
    {
        var photo = StaffCommandParser.Parse(text).ShouldBeOfType<StaffCommand.Photo>();
        photo.Code.ShouldBeNull();
        photo.Typed.ShouldBe(text);
    }

    [Fact]
    public void Anh_alone_as_part_of_a_word_is_not_the_verb()
    {
        StaffCommandParser.Parse("anhxyz").ShouldBeOfType<StaffCommand.Unknown>();
    }

    [Fact]
    public void The_caption_wins_then_the_chosen_ticket_then_the_recent_one_within_the_window()
    {
        var chosen = (TicketId: 1L, At: Now.AddMinutes(-5));
        var recent = (TicketId: 2L, At: Now.AddMinutes(-1));
        FieldPhotos.Choose(3, chosen, recent, Now).ShouldBe(new FieldPhotoTarget(3, FieldPhotoSource.Caption));
        FieldPhotos.Choose(null, chosen, recent, Now).ShouldBe(new FieldPhotoTarget(1, FieldPhotoSource.Chosen));
        FieldPhotos.Choose(null, null, recent, Now).ShouldBe(new FieldPhotoTarget(2, FieldPhotoSource.Recent));
        FieldPhotos.Choose(null, (1, Now - FieldPhotos.Window - TimeSpan.FromSeconds(1)), recent, Now).ShouldBe(new FieldPhotoTarget(2, FieldPhotoSource.Recent));
    }

    [Fact]
    public void Nothing_fresh_means_no_ticket_is_guessed()
    {
        var stale = Now - FieldPhotos.Window - TimeSpan.FromMinutes(1);
        FieldPhotos.Choose(null, (1, stale), (2, stale), Now).ShouldBeNull();
        FieldPhotos.Choose(null, null, null, Now).ShouldBeNull();
        // A clock far in the future is not "fresh" for ever.
        FieldPhotos.Choose(null, (1, Now.AddDays(1)), null, Now).ShouldBeNull();
    }

    [Theory]
    [InlineData("gửi dân", true)]
    [InlineData("Đã xong, GUI NGUOI DAN", true)]
    [InlineData("gui dan nhe", true)]
    [InlineData("đã gửi đi", false)]
    [InlineData(null, false)]
    public void Gui_dan_asks_for_the_citizen_to_see_the_photo(string? caption, bool expected) =>
        FieldPhotos.AsksToSendToCitizen(caption).ShouldBe(expected);

    [Theory]
    [InlineData("", true)]
    [InlineData("anh gui dan", true)]
    [InlineData("gui dan", true)]
    [InlineData("da thong cong xong", false)]
    public void A_caption_of_instructions_only_is_no_caption(string normalized, bool expected) =>
        FieldPhotos.IsInstructionOnly(normalized).ShouldBe(expected);
}
