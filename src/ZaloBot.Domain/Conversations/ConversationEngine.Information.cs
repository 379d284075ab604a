using System.Text;
using ZaloBot.Domain.Information;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Conversations;

public static partial class ConversationEngine
{
    /// <summary>
    /// Information for citizens and businesses: "Thông tin" shows the topics as buttons and the newest
    /// articles; a topic lists its articles; a typed question is answered with the best matching articles. Without any
    /// article the bot says what it always said.
    /// </summary>
    private sealed partial class Turn
    {
        private const int MaxArticleText = 1500;

        private void ShowInformation()
        {
            if (context.Articles.Count == 0)
            {
                Say(ConversationTexts.Info);
                Say(DangerTexts.NotAnEmergencyService(context.Emergency));
                MainMenu();
                return;
            }
            var topics = ArticleTopics.All.Where(t => context.Articles.Any(a => a.Topic == t.Code)).Take(5).Select(t => Button.Say(t.Name)).ToList();
            var newest = context.Articles.OrderByDescending(a => a.PublishedAt).Take(3).ToList();
            SayButtons(InformationTexts.Topics + "\n\n" + InformationTexts.Newest + "\n" + List(newest), topics);
        }

        /// <summary>Cost, privacy, hours or how long an answer takes: answered in a sentence, then the menu.</summary>
        private void AnswerAboutTheChannel(ChannelQuestion asked)
        {
            switch (asked)
            {
                case ChannelQuestion.Cost:
                    Say(ConversationTexts.ChannelIsFree);
                    break;
                // With a published notice the citizen gets the notice itself: who holds the data, why, for how long, their rights.
                case ChannelQuestion.Privacy when context.Privacy.Notice is { } notice:
                    Say(ZaloBot.Domain.Privacy.PrivacyTexts.Notice(notice, updated: false));
                    break;
                case ChannelQuestion.Privacy:
                    Say(ConversationTexts.ChannelPrivacy);
                    break;
                case ChannelQuestion.Hours:
                    Say(ConversationTexts.ChannelHours);
                    Say(DangerTexts.NotAnEmergencyService(context.Emergency));
                    break;
                default:
                    Say(ConversationTexts.ChannelResponseTime);
                    break;
            }
            MainMenu();
        }

        /// <summary>A message that is just a topic's name (a pressed topic button): that topic's articles.</summary>
        private bool TryTopic(string normalized)
        {
            if (context.Articles.Count == 0 || ArticleTopics.Match(normalized) is not { } topic) return false;
            var articles = context.Articles.Where(a => a.Topic == topic).OrderByDescending(a => a.PublishedAt).Take(5).ToList();
            Say(articles.Count == 0 ? InformationTexts.NoArticlesIn(ArticleTopics.NameOf(topic)) : InformationTexts.TopicHeader(ArticleTopics.NameOf(topic)) + "\n" + List(articles));
            MainMenu();
            return true;
        }

        private IReadOnlyList<ArticleOption> MatchArticles(string raw, bool everyday = true) => ArticleMatcher.Best(raw, context.Articles, everyday: everyday);

        /// <summary>The answer to a question from the articles, or null when none matches.</summary>
        private string? AnswerFromArticles(string raw) =>
            MatchArticles(raw) is { Count: > 0 } found ? InformationTexts.Found + "\n" + List(found) : null;

        private static string List(IReadOnlyList<ArticleOption> articles)
        {
            var text = new StringBuilder();
            foreach (var a in articles)
            {
                var item = $"• {a.Title}\n{a.Summary}" + (a.Link is null ? "" : "\n" + a.Link);
                if (text.Length + item.Length > MaxArticleText) break;
                if (text.Length > 0) text.Append("\n\n");
                text.Append(item);
            }
            return text.ToString();
        }
    }
}

/// <summary>What the bot says about information articles.</summary>
public static class InformationTexts
{
    public const string Topics = "Thông tin cho người dân và doanh nghiệp. Bạn bấm chọn chủ đề bên dưới, hoặc gõ điều bạn muốn hỏi (ví dụ: \"thủ tục cấp phép xây dựng\").";
    public const string Newest = "Tin mới:";
    public const string Found = "Có thể những thông tin sau trả lời câu hỏi của bạn:";

    public static string TopicHeader(string topic) => $"{topic}:";

    public static string NoArticlesIn(string topic) => $"Hiện chưa có bài viết về chủ đề {topic}.";
}
