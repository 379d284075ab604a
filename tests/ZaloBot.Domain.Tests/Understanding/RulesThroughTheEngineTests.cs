using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>The rules of Readings.cs played through the conversation engine as a new citizen's first message or a typed answer.</summary>
public class RulesThroughTheEngineTests
{
    internal static string Corpus(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException(file);
    }

    [Theory]
    [InlineData("khieunai | - | - | - | hồ sơ xin cấp phép sửa nhà của tôi bị từ chối, tôi không đồng ý và đề nghị xem xét lại")]
    [InlineData("status | - | - | - | tôi gửi phản ánh từ hôm thứ hai rồi mà sao vẫn chưa thấy ai trả lời")]
    [InlineData("spam | - | - | - | Cho vay tín chấp lãi suất thấp, giải ngân trong ngày, LH 0912 345 678")]
    [InlineData("complaint | - | - | - | dây điện thoại võng thấp ngang đầu người đi đường cả tháng nay")]
    [InlineData("complaint | - | - | - | lên phường làm giấy tờ mà cán bộ không hướng dẫn gì cả, đi lại ba lần")]
    public void A_first_message_takes_the_path_a_person_would(string line)
    {
        var (context, keys) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = IntentCorpus.Evaluate(IntentCorpus.Parse(line), context, keys).Single();
        outcome.RightPath.ShouldBeTrue(outcome.Path);
    }

    [Theory]
    [InlineData("fixed | fixed | - | sửa rồi nhưng chậm quá")]
    [InlineData("contact | cancel | - | thôi, bận quá không muốn để lại số, hủy phản ánh này đi")]
    public void A_typed_answer_is_handled_as_meant(string line)
    {
        var (context, _) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.KeptAsData.ShouldBeFalse(outcome.What);
    }
}
