namespace ZaloBot.Domain.Tickets;

/// <summary>The jobs in the real teams: intake, diagnosis and proposal, on-site handling, the agencies, and oversight.</summary>
public enum StaffRole
{
    IntakeOfficer,
    DiagnosisOfficer,
    FieldOfficer,
    AgencyHandler,
    Supervisor,
    Admin,
}

public static class StaffRoleNames
{
    public static string ToName(this StaffRole role) => role switch
    {
        StaffRole.IntakeOfficer => "intake_officer",
        StaffRole.DiagnosisOfficer => "diagnosis_officer",
        StaffRole.FieldOfficer => "field_officer",
        StaffRole.AgencyHandler => "agency_handler",
        StaffRole.Supervisor => "supervisor",
        _ => "admin",
    };

    public static bool TryParse(string? name, out StaffRole role) => StoredNames.TryParse(name, ToName, out role);

    /// <summary>Roles that work on every ticket; the others see only tickets assigned to their own agency.</summary>
    public static bool SeesAllTickets(this StaffRole role) =>
        role is StaffRole.IntakeOfficer or StaffRole.DiagnosisOfficer or StaffRole.Supervisor or StaffRole.Admin;
}
