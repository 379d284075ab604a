using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ZaloBot.Tests.Deploy;

/// <summary>
/// No container engine or Kubernetes runs here, so every file in deploy/ is parsed and held against the code: ports,
/// probe paths, image and version, and every setting against the options classes (read from the service itself, so a
/// feature's new options are checked without editing this test).
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Version = typeof(Program).Assembly.GetName().Version!.ToString(3);
    private static readonly string Image = $"ghcr.io/example-province/zalobot:{Version}";
    private const int Port = 8080;

    /// <summary>Keys the service reads that are not production settings, and why.</summary>
    private static readonly string[] NotProductionSettings =
    [
        "Simulator:",               // the built-in fake Zalo (Zalo:Mode=Simulator, development and tests only)
        "Storage:ConnectionString", // bound from ConnectionStrings:Postgres
    ];

    private static readonly Lazy<IReadOnlyList<YamlMappingNode>> Kubernetes = new(() =>
        Directory.GetFiles(Path.Combine(Root, "deploy", "kubernetes"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(LoadYaml).ToList());

    [Fact]
    public void Kubernetes_configmap_and_secret_hold_every_setting_of_the_service_and_nothing_it_does_not_read()
    {
        var settings = KubernetesSettings();
        var service = DeployConfiguration.Inspect(settings);

        service.Failures.ShouldBeEmpty("required settings missing or invalid in configmap.yaml/secret.yaml");
        Unknown(settings, service).ShouldBeEmpty("keys in configmap.yaml/secret.yaml that no options class reads (a typo, or a removed setting)");

        var listed = settings.Keys.Select(DeployConfiguration.ToKey)
            .Concat(CommentedKeys(File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", "configmap.yaml"))))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A section is read too (its own value) before its members: only the innermost keys are settings, and a
        // listed member (Zalo__Templates__accepted__TemplateId) covers a dictionary section with no entries by default.
        bool Below(string key, string section) => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);
        var missing = service.OptionKeys
            .Where(k => !NotProductionSettings.Any(n => k.Equals(n.TrimEnd(':'), StringComparison.OrdinalIgnoreCase) || k.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            .Where(k => !service.OptionKeys.Any(other => Below(other, k)))
            .Where(k => !listed.Contains(k) && !listed.Any(l => Below(l, k)))
            .Select(k => k.Replace(":", "__", StringComparison.Ordinal))
            .Order().ToList();
        missing.ShouldBeEmpty("settings of the service missing from deploy/kubernetes/configmap.yaml (add them with their default, or commented out when unset by default; secrets go to secret.yaml)");
    }

    [Fact]
    public void Compose_and_systemd_settings_exist_and_set_every_required_one()
    {
        foreach (var (file, settings) in new[] { ("docker-compose.yml", ComposeSettings()), ("systemd/zalobot.env.example", SystemdSettings()) })
        {
            var service = DeployConfiguration.Inspect(settings);
            service.Failures.ShouldBeEmpty($"required settings missing or invalid in deploy/{file}");
            Unknown(settings, service).ShouldBeEmpty($"keys in deploy/{file} that the service does not read");
        }
    }

    [Fact]
    public void Probe_and_metrics_paths_in_deploy_files_are_routes_of_the_service()
    {
        var routes = DeployConfiguration.Inspect(KubernetesSettings()).Routes;
        var container = Container("zalobot");
        Scalar(container, "readinessProbe", "httpGet", "path").ShouldBe("/readyz");
        Scalar(container, "livenessProbe", "httpGet", "path").ShouldBe("/healthz");
        HaproxyCheckPath(File.ReadAllText(Path.Combine(Root, "deploy", "haproxy", "haproxy.cfg"))).ShouldBe("/readyz");
        HaproxyCheckPath(File.ReadAllText(Path.Combine(Root, "scripts", "cluster.sh"))).ShouldBe("/readyz");
        var paths = new[]
        {
            Scalar(container, "readinessProbe", "httpGet", "path")!,
            Scalar(container, "livenessProbe", "httpGet", "path")!,
            Scalar(container, "startupProbe", "httpGet", "path")!,
            Scalar(Kind("Deployment"), "spec", "template", "metadata", "annotations", "prometheus.io/path")!,
            DockerHealthcheckUrl().AbsolutePath,
        };
        foreach (var path in paths) routes.ShouldContain(path, $"deploy files probe {path}, which the service does not map");
    }

    [Fact]
    public void Ports_agree_everywhere()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
        dockerfile.ShouldContain($"EXPOSE {Port}");
        dockerfile.ShouldContain($"ASPNETCORE_URLS=http://0.0.0.0:{Port}");
        DockerHealthcheckUrl().Port.ShouldBe(Port);

        var container = Container("zalobot");
        var port = ((YamlSequenceNode)At(container, "ports")!).Children.Cast<YamlMappingNode>().ShouldHaveSingleItem();
        Scalar(port, "containerPort").ShouldBe(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var portName = Scalar(port, "name");
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            Scalar(container, probe, "httpGet", "port").ShouldBeOneOf(portName, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Env(container)["ASPNETCORE_URLS"].ShouldEndWith($":{Port}");
        Scalar(Kind("Deployment"), "spec", "template", "metadata", "annotations", "prometheus.io/port").ShouldBe(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var servicePort = ((YamlSequenceNode)At(Kind("Service"), "spec", "ports")!).Children.Cast<YamlMappingNode>().ShouldHaveSingleItem();
        Scalar(servicePort, "targetPort").ShouldBeOneOf(portName, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var policyPorts = Kind("NetworkPolicy").AllNodes.OfType<YamlMappingNode>()
            .Where(m => m.Children.ContainsKey(new YamlScalarNode("port")) && m.Children.ContainsKey(new YamlScalarNode("protocol"))).Select(m => Scalar(m, "port")).ToList();
        policyPorts.ShouldContain(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var compose = LoadYaml(Path.Combine(Root, "deploy", "docker-compose.yml")).Single();
        ((YamlSequenceNode)At(compose, "services", "zalobot", "expose")!).Children.Select(c => ((YamlScalarNode)c).Value).ShouldContain(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.ReadAllText(Path.Combine(Root, "deploy", "haproxy", "haproxy.cfg")).ShouldContain($"zalobot:{Port} check");
        File.ReadAllText(Path.Combine(Root, "deploy", "systemd", "zalobot.service")).ShouldContain($"--urls http://127.0.0.1:{Port}");
    }

    [Fact]
    public void One_image_and_version_everywhere()
    {
        var images = Kubernetes.Value.SelectMany(d => d.AllNodes.OfType<YamlMappingNode>())
            .Select(m => Scalar(m, "image")).OfType<string>().ToList();
        images.Count.ShouldBe(2); // the Deployment and the migration Job
        images.ShouldAllBe(i => i == Image);
        foreach (var doc in Kubernetes.Value.Where(d => Scalar(d, "metadata", "labels", "app.kubernetes.io/version") is not null))
            Scalar(doc, "metadata", "labels", "app.kubernetes.io/version").ShouldBe(Version);
        Scalar(Kind("Job"), "metadata", "name").ShouldBe($"zalobot-migrate-{Version.Replace('.', '-')}");

        var compose = LoadYaml(Path.Combine(Root, "deploy", "docker-compose.yml")).Single();
        foreach (var service in new[] { "migrate", "zalobot" }) Scalar(compose, "services", service, "image").ShouldBe(Image);
        File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile")).ShouldContain($"-t {Image} ");
    }

    [Fact]
    public void Kubernetes_objects_fit_together()
    {
        var deployment = Kind("Deployment");
        var name = Scalar(deployment, "metadata", "name")!;
        var labels = Labels(At(deployment, "spec", "template", "metadata", "labels")!);
        int.Parse(Scalar(deployment, "spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        Labels(At(deployment, "spec", "selector", "matchLabels")!).ShouldBeSubsetOf(labels);
        Scalar(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot").ShouldBe("true");

        var configMaps = Kubernetes.Value.Where(d => Scalar(d, "kind") == "ConfigMap").Select(d => Scalar(d, "metadata", "name")).OfType<string>().ToList();
        var secrets = Kubernetes.Value.Where(d => Scalar(d, "kind") == "Secret").Select(d => Scalar(d, "metadata", "name")).OfType<string>().ToList();
        foreach (var container in new[] { Container("zalobot"), Container("migrate") })
        {
            var from = ((YamlSequenceNode)At(container, "envFrom")!).Children.Cast<YamlMappingNode>().ToList();
            from.Select(f => Scalar(f, "configMapRef", "name")).OfType<string>().ShouldBe(configMaps);
            from.Select(f => Scalar(f, "secretRef", "name")).OfType<string>().ShouldBe(secrets);
        }

        Labels(At(Kind("Service"), "spec", "selector")!).ShouldBeSubsetOf(labels);
        Labels(At(Kind("PodDisruptionBudget"), "spec", "selector", "matchLabels")!).ShouldBeSubsetOf(labels);
        int.Parse(Scalar(Kind("PodDisruptionBudget"), "spec", "minAvailable")!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeLessThan(int.Parse(Scalar(deployment, "spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture));
        var hpa = Kind("HorizontalPodAutoscaler");
        Scalar(hpa, "spec", "scaleTargetRef", "kind").ShouldBe("Deployment");
        Scalar(hpa, "spec", "scaleTargetRef", "name").ShouldBe(name);
        int.Parse(Scalar(hpa, "spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        Kind("Ingress").AllNodes.OfType<YamlMappingNode>().Select(m => Scalar(m, "service", "name")).OfType<string>().ShouldAllBe(s => s == Scalar(Kind("Service"), "metadata", "name"));

        // The migration Job runs migrations; the replicas only wait for them.
        ((YamlSequenceNode)At(Container("migrate"), "args")!).Children.Select(c => ((YamlScalarNode)c).Value).ShouldBe(["migrate"]);
        KubernetesSettings()["Storage__MigrateOnStartup"].ShouldBe("false");

        var policy = Kind("NetworkPolicy");
        var selected = ((YamlSequenceNode)At(policy, "spec", "podSelector", "matchExpressions")!).Children.Cast<YamlMappingNode>().ShouldHaveSingleItem();
        ((YamlSequenceNode)At(selected, "values")!).Children.Select(c => ((YamlScalarNode)c).Value).ShouldContain(labels["app.kubernetes.io/name"]);
        ((YamlSequenceNode)At(policy, "spec", "policyTypes")!).Children.Select(c => ((YamlScalarNode)c).Value).ShouldBe(["Ingress", "Egress"]);

        var kustomization = LoadYaml(Path.Combine(Root, "deploy", "kubernetes", "kustomization.yaml")).Single();
        foreach (var resource in ((YamlSequenceNode)At(kustomization, "resources")!).Children.Select(c => ((YamlScalarNode)c).Value!))
            File.Exists(Path.Combine(Root, "deploy", "kubernetes", resource)).ShouldBeTrue(resource);
    }

    [Fact]
    public void Dockerfile_is_multi_stage_non_root_with_a_health_check()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "deploy", "Dockerfile")).Select(l => l.Trim()).ToList();
        lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
        lines.Count(l => l.StartsWith("COPY --from=build", StringComparison.Ordinal)).ShouldBe(1);
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        user.ShouldNotBeOneOf("root", "0", "0:0");
        lines.ShouldContain(l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        // The probe command the HEALTHCHECK runs exists (the runtime image has no curl).
        File.ReadAllText(Path.Combine(Root, "src", "ZaloBot", "Program.cs")).ShouldContain("[\"probe\", var probeUrl]");
    }

    [Fact]
    public void Dockerfile_copies_every_project_the_service_builds_from_and_the_corpus_the_models_are_trained_on()
    {
        var copied = File.ReadAllLines(Path.Combine(Root, "deploy", "Dockerfile")).Select(l => l.Trim())
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.StartsWith("COPY --from", StringComparison.Ordinal))
            .SelectMany(l => l["COPY ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToHashSet();
        // Restored before the sources are copied (a cached layer): every csproj the service reaches must be there by name.
        var pending = new Stack<string>([Path.Combine(Root, "src", "ZaloBot", "ZaloBot.csproj")]);
        var seen = new HashSet<string>();
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(Path.GetFullPath(project))) continue;
            copied.ShouldContain(Path.GetRelativePath(Root, project).Replace('\\', '/'), $"the Dockerfile restores {Path.GetFileName(project)} before copying src/");
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(project), "ProjectReference Include=\"([^\"]+)\""))
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, m.Groups[1].Value.Replace('\\', '/'))));
        }
        seen.Count.ShouldBeGreaterThanOrEqualTo(4);
        // Every corpus file the model project's training targets read.
        var modelProject = File.ReadAllText(Path.Combine(Root, "src", "ZaloBot.IntentModel", "ZaloBot.IntentModel.csproj"));
        var trainedFrom = System.Text.RegularExpressions.Regex.Matches(modelProject, @"'corpus', 'intents', '([^']+)'").Select(m => "corpus/intents/" + m.Groups[1].Value).ToList();
        trainedFrom.ShouldBe(["corpus/intents/tuning.tsv", "corpus/intents/flow-tuning.tsv"], ignoreOrder: true);
        foreach (var file in trainedFrom) copied.ShouldContain(file, "a model is trained from it while publishing");
    }

    [Fact]
    public void Systemd_unit_runs_the_published_build_as_an_unprivileged_user()
    {
        var unit = File.ReadAllLines(Path.Combine(Root, "deploy", "systemd", "zalobot.service"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l.Split('=', 2))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1]).ToList());
        unit["ExecStart"].ShouldHaveSingleItem().ShouldContain("ZaloBot.dll");
        unit["User"].ShouldHaveSingleItem().ShouldNotBe("root");
        unit["EnvironmentFile"].ShouldHaveSingleItem();
        unit["Environment"].ShouldContain("ASPNETCORE_ENVIRONMENT=Production");
        unit["NoNewPrivileges"].ShouldBe(["true"]);
    }

    [Fact]
    public void HAProxy_accepts_both_configurations()
    {
        // deploy/haproxy/haproxy.cfg; the loopback one of scripts/cluster.sh is exercised by scripts/faults.sh.
        var (exit, output) = Run("haproxy", "-c", "-f", Path.Combine(Root, "deploy", "haproxy", "haproxy.cfg"));
        exit.ShouldBe(0, output);
    }

    [Fact]
    public void Prometheus_rules_pass_promtool_and_their_unit_tests()
    {
        var folder = Path.Combine(Root, "deploy", "prometheus");
        var (checkExit, checkOutput) = Run("promtool", "check", "rules", Path.Combine(folder, "alerts.yml"));
        checkExit.ShouldBe(0, checkOutput);
        var (testExit, testOutput) = Run("promtool", "test", "rules", Path.Combine(folder, "alerts.test.yml"));
        testExit.ShouldBe(0, testOutput);

        var alerts = LoadYaml(Path.Combine(folder, "alerts.yml")).Single().AllNodes.OfType<YamlMappingNode>()
            .Select(m => Scalar(m, "alert")).OfType<string>().ToList();
        alerts.ShouldContain("ZaloBotWebhook5xx");
        alerts.ShouldContain("ZaloBotInboxLag");
        alerts.ShouldContain("ZaloBotOutboxBacklog");
        alerts.ShouldContain("ZaloBotDeadLetters");
        alerts.ShouldContain("ZaloBotZaloLinkDown");
        alerts.ShouldContain("ZaloBotOverdueTickets");
        var runbook = File.ReadAllText(Path.Combine(Root, "docs", "operations.md"));
        foreach (var alert in alerts) runbook.ShouldContain($"### {alert}", Case.Sensitive, $"docs/operations.md explains {alert}");
    }

    [Fact]
    public void Alerts_and_dashboard_use_only_metrics_the_service_exports()
    {
        var code = string.Join('\n', Directory.GetFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "grafana", "zalobot-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        expressions.ShouldNotBeEmpty();
        var used = MetricName().Matches(File.ReadAllText(Path.Combine(Root, "deploy", "prometheus", "alerts.yml")) + string.Join('\n', expressions))
            .Select(m => m.Value).Distinct().ToList();
        used.Count.ShouldBeGreaterThan(5);
        foreach (var metric in used) code.ShouldContain($"\"{metric}\"", Case.Sensitive, $"{metric} is not a metric of the service");
    }

    // --- reading the files ---------------------------------------------------------------------------------------

    private static Dictionary<string, string?> KubernetesSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var doc in Kubernetes.Value.Where(d => Scalar(d, "kind") is "ConfigMap" or "Secret"))
        {
            var data = (YamlMappingNode?)(At(doc, "data") ?? At(doc, "stringData"));
            foreach (var (key, value) in data!.Children) settings.Add(((YamlScalarNode)key).Value!, ((YamlScalarNode)value).Value);
        }
        foreach (var (key, value) in Env(Container("zalobot"))) settings[key] = value;
        return settings;
    }

    private static Dictionary<string, string?> ComposeSettings()
    {
        // ${VAR:?message} comes from the operator's .env file: the sample values an operator would put there.
        var sample = new Dictionary<string, string> { ["PUBLIC_BASE_URL"] = "https://pakn.example.gov.vn", ["OA_NAME"] = "Cổng PAKN" };
        var compose = LoadYaml(Path.Combine(Root, "deploy", "docker-compose.yml")).Single();
        return ((YamlMappingNode)At(compose, "services", "zalobot", "environment")!).Children.ToDictionary(
            p => ((YamlScalarNode)p.Key).Value!,
            p => (string?)ComposeVariable().Replace(((YamlScalarNode)p.Value).Value!, m => sample.GetValueOrDefault(m.Groups[1].Value, "x")),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, string?> SystemdSettings() =>
        File.ReadAllLines(Path.Combine(Root, "deploy", "systemd", "zalobot.env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1], StringComparer.Ordinal);

    private static List<string> Unknown(IReadOnlyDictionary<string, string?> settings, DeployConfiguration service) =>
        settings.Keys.Where(k => !DeployConfiguration.IsHostVariable(k) && !service.AllReads.Contains(DeployConfiguration.ToKey(k))).Order().ToList();

    private static IEnumerable<string> CommentedKeys(string yaml) =>
        CommentedSetting().Matches(yaml).Select(m => DeployConfiguration.ToKey(m.Groups[1].Value));

    private static YamlMappingNode Kind(string kind) => Kubernetes.Value.Single(d => Scalar(d, "kind") == kind);

    private static YamlMappingNode Container(string name) =>
        Kubernetes.Value.Where(d => Scalar(d, "kind") is "Deployment" or "Job")
            .SelectMany(d => ((YamlSequenceNode)At(d, "spec", "template", "spec", "containers")!).Children.Cast<YamlMappingNode>())
            .Single(c => Scalar(c, "name") == name);

    private static Dictionary<string, string?> Env(YamlMappingNode container) =>
        At(container, "env") is YamlSequenceNode env
            ? env.Children.Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!, e => Scalar(e, "value"))
            : [];

    private static Dictionary<string, string?> Labels(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value);

    private static string? HaproxyCheckPath(string config) => HaproxyCheck().Match(config) is { Success: true } m ? m.Groups[1].Value : null;

    private static Uri DockerHealthcheckUrl()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
        var match = DockerProbe().Match(dockerfile);
        match.Success.ShouldBeTrue("the HEALTHCHECK runs `ZaloBot.dll probe <url>`");
        return new Uri(match.Groups[1].Value);
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var step in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(step), out var next)) return null;
            node = next;
        }
        return node;
    }

    private static string? Scalar(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    private static List<YamlMappingNode> LoadYaml(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static (int Exit, string Output) Run(string tool, params string[] args)
    {
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        path.ShouldNotBeNull($"{tool} is not installed: scripts/test.sh installs it (Debian's {(tool == "promtool" ? "prometheus" : tool)} package)");
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ZaloBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ZaloBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)(?::?\?[^}]*)?\}")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex(@"^\s*#\s*([A-Za-z]+(?:__[A-Za-z]+)+)\s*:", RegexOptions.Multiline)]
    private static partial Regex CommentedSetting();

    [GeneratedRegex(@"option httpchk GET (\S+)")]
    private static partial Regex HaproxyCheck();

    [GeneratedRegex(@"""probe"",\s*""([^""]+)""")]
    private static partial Regex DockerProbe();

    [GeneratedRegex(@"\bzalobot_[a-z_]+")]
    private static partial Regex MetricName();
}
