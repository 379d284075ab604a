using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Prometheus;
using ZaloBot.Domain.Text;

namespace ZaloBot.Operations;

/// <summary>
/// Refuses, with a 400 that names the field, any text argument of an endpoint (route value, query value, or a string
/// inside a JSON body) that PostgreSQL could not store: a NUL or a lone surrogate (see <see cref="SafeText"/>).
/// Applied once to a route group in Program.cs, so every staff/admin endpoint gets it without a check of its own, and
/// before the handler runs, so a refused request has written nothing. Bodies with an escaped lone surrogate never get
/// here: System.Text.Json refuses them while binding (400).
/// </summary>
public static class SafeInput
{
    private static readonly Counter Refused = Metrics.CreateCounter(
        "zalobot_refused_input_total", "Requests refused because a text value could not be stored safely.", "surface", "reason");

    /// <summary>Counts a refusal; the value itself is never logged or labelled (it may hold a phone number).</summary>
    public static void Count(string surface, string reason) => Refused.WithLabels(surface, reason).Inc();

    public static TBuilder WithSafeInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(static (factory, next) =>
        {
            // Decided once per endpoint: which arguments can carry text, and under which name to report them.
            var checks = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (parameter, index))
                .Where(p => Walker.CarriesText(p.parameter.ParameterType))
                .Select(p => (Name: p.parameter.Name ?? $"arg{p.index}", p.index))
                .ToArray();
            if (checks.Length == 0) return next;
            return async context =>
            {
                Dictionary<string, string[]>? errors = null;
                foreach (var (name, index) in checks)
                {
                    if (index >= context.Arguments.Count) continue;
                    Walker.Check(context.Arguments[index], name, ref errors, depth: 0);
                }
                if (errors is null) return await next(context);

                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SafeInput));
                logger.LogWarning("Refused {Method} {Route}: unstorable text in {Fields}", context.HttpContext.Request.Method,
                    (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText, string.Join(", ", errors.Keys));
                Count("api", "unsafe_text");
                return TypedResults.ValidationProblem(errors, title: "Invalid characters",
                    detail: "A text value contains a NUL character or invalid Unicode; nothing was changed.");
            };
        });

    /// <summary>Finds strings in arguments: plain strings, string collections, and the public properties of our own request records.</summary>
    private static class Walker
    {
        private const int MaxDepth = 4;
        private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

        public static bool CarriesText(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type == typeof(string) || IsStringCollection(type) || IsOurs(type);
        }

        public static void Check(object? value, string name, ref Dictionary<string, string[]>? errors, int depth)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    if (SafeText.Check(text) is var reason and not UnsafeTextReason.None)
                    {
                        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
                        errors.TryAdd(name, [SafeText.Describe(name, reason)]);
                    }
                    return;
                case IEnumerable<string?> texts:
                    var i = 0;
                    foreach (var text in texts) Check(text, $"{name}[{i++}]", ref errors, depth);
                    return;
            }
            if (depth >= MaxDepth || !IsOurs(value.GetType())) return;
            foreach (var (property, propertyName) in Properties.GetOrAdd(value.GetType(), PropertiesOf))
                Check(property.GetValue(value), $"{name}.{propertyName}", ref errors, depth + 1);
        }

        private static (PropertyInfo, string)[] PropertiesOf(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && CarriesText(p.PropertyType))
                .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
                .ToArray();

        private static bool IsStringCollection(Type type) => type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type);

        // Request bodies here are records of this service; services injected into handlers (stores, calendars) are
        // plain classes and are never walked. A record class is recognised by its compiler-generated clone method.
        private static bool IsOurs(Type type) =>
            type.Assembly == typeof(SafeInput).Assembly && type.GetMethod("<Clone>$") is not null;
    }
}
