using ZaloBot.Conversations;
using ZaloBot.Domain.Conversations;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Zalo messages the bot sends for one complete complaint (the README's sample conversation), each engine effect sent
/// on its own (before) and composed into one message per answer (after). Each message draws on the free-reply quota of
/// the citizen's inbound message, so fewer is cheaper as well as calmer.
/// </summary>
public static class MessagesPerComplaint
{
    private static readonly DateOnly Deadline = new(2026, 12, 8);

    public static int Run()
    {
        var context = new ConversationContext(
            [
                new("ADMIN", "Thủ tục hành chính", ["thu tuc", "ho so"], Deadline),
                new("CONDUCT", "Thái độ, hành vi của cán bộ, công chức", ["can bo", "thai do"], Deadline),
                new("BIZ_TRANSPORT", "Hỗ trợ doanh nghiệp: vận chuyển công nhân", ["van chuyen"], Deadline),
                new("BIZ_EXPERT", "Hỗ trợ doanh nghiệp: nhập cảnh chuyên gia", ["chuyen gia"], Deadline),
                new("BIZ_VACCINE", "Hỗ trợ doanh nghiệp: tiêm vắc-xin", ["vac xin"], Deadline),
                new("BIZ_POLICY", "Hỗ trợ doanh nghiệp: chính sách hỗ trợ dịch bệnh", ["chinh sach"], Deadline),
                new("INFRA", "Hạ tầng, môi trường", ["duong", "ngap", "moi truong"], Deadline),
                new("OTHER", "Khác", ["khac"], Deadline),
            ],
            [new("KINHBAC", "Phường Kinh Bắc")], [], [], "PA-2611-7K3Q", new ConversationLimits());
        string[] script =
        [
            "xin chao", "gui phan anh", "ha tang moi truong",
            "Cong thoat nuoc truoc nha so 12 bi tac, nuoc ban tran ra duong",
            "so 12 ly thai to, kinh bac", "bo qua", "Nguyen Van An 0912.345.678", "gui",
        ];
        var state = ConversationState.New();
        var at = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(7));
        int before = 0, after = 0, turns = 0;
        var filed = false;
        foreach (var text in script)
        {
            var result = ConversationEngine.Handle(state, new TextInput(text, at = at.AddSeconds(30)), context);
            state = result.State;
            turns++;
            before += ReplyComposer.SeparateMessageCount(result.Effects);
            var composer = new ReplyComposer();
            foreach (var effect in result.Effects) composer.Add(effect);
            after += composer.Build().Count;
            filed |= result.Effects.OfType<CreateTicket>().Any();
        }
        EngineCost(context, at);
        Console.WriteLine($"messages per completed complaint ({turns} citizen messages{(filed ? "" : ", NOT filed: check the script")}): " +
            $"before {before} (each effect its own message), after {after} (one message per answer where the shapes allow)");
        return filed ? 0 : 1;
    }

    /// <summary>
    /// The engine's cost of a first message, after a warm-up (the JIT's tiers settle), as the median of seven timed
    /// rounds; in CPU time of this process, which another process's load on a shared machine moves far less than the
    /// wall clock (both are printed).
    /// </summary>
    private static void EngineCost(ConversationContext context, DateTimeOffset at)
    {
        string[] messages = ["xin chào", "nắp cống trước cổng trường bị vỡ, nguy hiểm"];
        const int perRound = 2000;
        (double Cpu, double Wall) Round(string text)
        {
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++) ConversationEngine.Handle(ConversationState.New(), new TextInput(text, at), context);
            var wall = clock.Elapsed.TotalMicroseconds / perRound;
            return ((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / perRound, wall);
        }
        for (var i = 0; i < 5; i++) foreach (var text in messages) Round(text);
        var rounds = messages.Select(text => Enumerable.Range(0, 7).Select(_ => Round(text)).ToList()).ToArray();
        double Median(IEnumerable<double> values) => values.Order().ElementAt(3);
        var cpu = rounds.Select(r => Median(r.Select(x => x.Cpu))).ToArray();
        var wall = rounds.Select(r => Median(r.Select(x => x.Wall))).ToArray();
        Console.WriteLine($"engine: {cpu.Average():F0} µs CPU per first message (median of 7 rounds of {perRound}: greeting {cpu[0]:F0} µs, described problem {cpu[1]:F0} µs; " +
            $"wall clock {wall.Average():F0} µs)");
    }
}
