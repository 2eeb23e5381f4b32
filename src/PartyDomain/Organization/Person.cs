using NodaTime;

namespace PartyDomain.Organization;

/// <summary>
/// A person in a city's data: a party member at any standing, an applicant, a lawyer who is not a member but holds
/// a firm post, or a party-building instructor. Standing is a history of <see cref="StandingChange"/>s, oldest first.
/// </summary>
public sealed record Person : DatasetRecord
{
    /// <summary>The person's identifier.</summary>
    public required PersonId Id { get; init; }

    /// <summary>The person's name.</summary>
    public required string Name { get; init; }

    /// <summary>The date of birth, if known (needed for the admission age rule).</summary>
    public LocalDate? BirthDate { get; init; }

    /// <summary>The ID-card number (身份证号), optional; never logged, always masked in output.</summary>
    public SensitiveText? IdNumber { get; init; }

    /// <summary>The phone number, optional; never logged, always masked in output.</summary>
    public SensitiveText? Phone { get; init; }

    /// <summary>The person's standing over time, oldest first; empty for a person outside the party.</summary>
    public IReadOnlyList<StandingChange> Standings { get; init; } = [];

    /// <summary>The lawyer profile when the person practises law, otherwise <c>null</c>.</summary>
    public LawyerProfile? Lawyer { get; init; }

    /// <summary>The standing held on <paramref name="date"/>, or <c>null</c> when the person had none then.</summary>
    /// <param name="date">The date.</param>
    public MemberStanding? StandingOn(LocalDate date)
    {
        // Indexed loop: this runs once per person in every engine, and foreach over the interface would allocate.
        MemberStanding? current = null;
        var standings = Standings;
        for (var i = 0; i < standings.Count && standings[i].Since <= date; i++)
        {
            current = standings[i].Standing;
        }

        return current;
    }

    /// <summary>
    /// The day the person became a full member for the spell of full membership that holds on <paramref name="date"/>
    /// (党龄 counts from it), or <c>null</c> when the person is not a full member then.
    /// </summary>
    /// <param name="date">The date.</param>
    public LocalDate? FullMemberSince(LocalDate date)
    {
        LocalDate? since = null;
        var standings = Standings;
        for (var i = 0; i < standings.Count && standings[i].Since <= date; i++)
        {
            since = standings[i].Standing == MemberStanding.FullMember ? since ?? standings[i].Since : null;
        }

        return since;
    }
}

/// <summary>A practising lawyer's profile (执业信息).</summary>
/// <param name="CertificateNumber">The practice certificate number (执业证号).</param>
/// <param name="LicensedOn">The day the lawyer was first licensed, if known.</param>
public sealed record LawyerProfile(string CertificateNumber, LocalDate? LicensedOn = null);
