namespace PartyDomain.Organization;

/// <summary>A committee seat and a firm management post held by one person in the same firm on the same day (双向交叉任职).</summary>
/// <param name="PersonId">The person.</param>
/// <param name="OrganizationId">The organization whose committee seat is held.</param>
/// <param name="PartyPost">The committee seat.</param>
/// <param name="FirmId">The firm, covered by the organization.</param>
/// <param name="FirmPost">The firm post.</param>
public sealed record CrossAppointment(PersonId PersonId, OrganizationId OrganizationId, PartyPost PartyPost, FirmId FirmId, FirmPost FirmPost);
