namespace PartyDomain.Training;

/// <summary>How the yearly member requirement applies to a member admitted during the year.</summary>
public enum NewMemberTraining
{
    /// <summary>
    /// Assessed, with the requirement pro-rated by the months of membership: from the month of admission to December
    /// (admitted in July: 6 of 12 months, 16 of 32 hours). The default.
    /// </summary>
    ProRated,

    /// <summary>Assessed against the full yearly requirement.</summary>
    Full,

    /// <summary>Not assessed in the year of admission.</summary>
    NotAssessed,
}

/// <summary>Options of the training evaluator, bound from configuration (for example <c>PartyDomain:Training</c>).</summary>
public sealed class TrainingOptions
{
    /// <summary>
    /// How members admitted during the year are assessed by the member requirements (<see cref="TrainingRole.Member"/>):
    /// <see cref="NewMemberTraining.ProRated"/> by default. 《中国共产党党员教育管理工作条例》第二十条 sets the yearly
    /// hours for every member and says nothing of a member admitted mid-year; pro-rating is the reading that neither
    /// exempts them nor asks a whole year's hours of a few months' membership.
    /// </summary>
    public NewMemberTraining NewMembers { get; set; } = NewMemberTraining.ProRated;
}
