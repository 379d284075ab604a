using System.Data;

namespace ZaloBot.Storage;

/// <summary>
/// Reads and writes <see cref="TicketStatus"/> through its stored name (<see cref="TicketStatusNames"/>), so that read
/// models carry the enum and no code outside the mapping spells a status. Registered once, before the first query.
/// </summary>
public sealed class TicketStatusTypeHandler : SqlMapper.TypeHandler<TicketStatus>
{
    private static int _registered;

    /// <summary>Dapper's handlers are process-wide; the service and the test fixtures both call this, the first call wins.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        // Without this Dapper maps enums itself (Enum.Parse of "in_progress" fails) and never asks the handler.
        SqlMapper.Settings.PreferTypeHandlersForEnums = true;
        SqlMapper.AddTypeHandler(new TicketStatusTypeHandler());
    }

    public override void SetValue(IDbDataParameter parameter, TicketStatus value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value.ToName();
    }

    public override TicketStatus Parse(object value) => TicketStatusNames.Parse((string)value);
}
