namespace ZaloBot.Inbox;

public static class ZaloEventNames
{
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
    public const string UserSubmitInfo = "user_submit_info";
    public const string UserClickChatNow = "user_click_chatnow";
    public const string UserWithdraw = "user_withdraw";
    public const string UserReceivedMessage = "user_received_message";
    public const string UserSeenMessage = "user_seen_message";
    public const string UserReactedMessage = "user_reacted_message";
    public const string OaReactedMessage = "oa_reacted_message";
    public const string UserSendPrefix = "user_send_";
    public const string AnonymousSendPrefix = "anonymous_send_";
    public const string OaSendPrefix = "oa_send_";
}
