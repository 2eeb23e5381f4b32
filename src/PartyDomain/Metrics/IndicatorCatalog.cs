using PartyDomain.BasicSystems;

namespace PartyDomain.Metrics;

/// <summary>
/// The indicators a city counts. The built-in ones (<see cref="CreateDefault"/>) are added through the same methods a
/// city plugin calls, so a city renames, hides, replaces or removes any of them and adds its own.
/// </summary>
public sealed class IndicatorCatalog : Data.IDatasetCatalog
{
    private readonly Dictionary<IndicatorCode, IndicatorDefinition> _indicators = [];
    private readonly List<IndicatorCode> _order = [];

    /// <summary>A copy, so a dataset keeps the catalog it was checked against even if the original changes later.</summary>
    public IndicatorCatalog Clone()
    {
        var copy = new IndicatorCatalog();
        foreach (var code in _order)
        {
            copy.Add(_indicators[code]);
        }

        return copy;
    }

    /// <inheritdoc/>
    Data.IDatasetCatalog Data.IDatasetCatalog.Snapshot()
    {
        var copy = Clone();
        copy.IsReadOnly = true;
        return copy;
    }

    /// <summary>
    /// Whether the catalog is a dataset's (<c>dataset.Indicators</c>): read-only, so that what a built dataset's figures
    /// mean never changes after it was built. <see cref="Clone"/> gives a catalog to change.
    /// </summary>
    public bool IsReadOnly { get; private set; }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("数据集的指标目录是只读的：修改构建器的目录后重新构建 / A dataset's indicator catalog is read-only: change the builder's catalog (or a Clone) and build again.");
        }
    }

    /// <summary>Makes this catalog hold exactly what <paramref name="other"/> holds (a plugin's failed registration is undone this way).</summary>
    internal void RestoreFrom(IndicatorCatalog other)
    {
        ThrowIfReadOnly();
        _indicators.Clear();
        _order.Clear();
        foreach (var code in other._order)
        {
            Add(other._indicators[code]);
        }
    }

    /// <summary>Every indicator, in registration order.</summary>
    public IReadOnlyList<IndicatorDefinition> All => _order.Select(c => _indicators[c]).ToArray();

    /// <summary>Adds an indicator.</summary>
    /// <param name="indicator">The definition.</param>
    /// <exception cref="ArgumentException">An indicator with the same code exists; use <see cref="Replace"/>.</exception>
    /// <exception cref="InvalidOperationException">The catalog is a dataset's (<see cref="IsReadOnly"/>).</exception>
    public IndicatorCatalog Add(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ThrowIfReadOnly();
        if (!_indicators.TryAdd(indicator.Code, indicator))
        {
            throw new ArgumentException($"An indicator with code '{indicator.Code}' is already registered; call Replace to replace it.", nameof(indicator));
        }

        _order.Add(indicator.Code);
        return this;
    }

    /// <summary>Replaces the indicator with the same code, or adds it.</summary>
    /// <param name="indicator">The definition.</param>
    /// <exception cref="InvalidOperationException">The catalog is a dataset's (<see cref="IsReadOnly"/>).</exception>
    public IndicatorCatalog Replace(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ThrowIfReadOnly();
        if (!_indicators.ContainsKey(indicator.Code))
        {
            _order.Add(indicator.Code);
        }

        _indicators[indicator.Code] = indicator;
        return this;
    }

    /// <summary>Renames an indicator.</summary>
    /// <param name="code">The indicator.</param>
    /// <param name="name">The new name.</param>
    public IndicatorCatalog Rename(IndicatorCode code, LocalizedText name) => Replace(Get(code) with { Name = name });

    /// <summary>Hides an indicator from reports; its records are still accepted and counted.</summary>
    /// <param name="code">The indicator.</param>
    public IndicatorCatalog Hide(IndicatorCode code) => Replace(Get(code) with { Hidden = true });

    /// <summary>Removes an indicator; records of it are then refused as unknown.</summary>
    /// <param name="code">The indicator.</param>
    /// <returns>Whether it was registered.</returns>
    /// <exception cref="InvalidOperationException">The catalog is a dataset's (<see cref="IsReadOnly"/>).</exception>
    public bool Remove(IndicatorCode code)
    {
        ThrowIfReadOnly();
        return _indicators.Remove(code) && _order.Remove(code);
    }

    /// <summary>Finds an indicator.</summary>
    /// <param name="code">The code.</param>
    /// <param name="indicator">The definition, when found.</param>
    public bool TryGet(IndicatorCode code, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IndicatorDefinition indicator) =>
        _indicators.TryGetValue(code, out indicator);

    /// <summary>The indicator with <paramref name="code"/>.</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="KeyNotFoundException">No indicator has that code.</exception>
    public IndicatorDefinition Get(IndicatorCode code) =>
        _indicators.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"No indicator '{code}' is registered.");

    /// <summary>
    /// Every inconsistency in the catalog: a derived indicator naming an unknown one, a ratio without both parts, an
    /// activity indicator without a kind, a cycle of derived indicators. Empty when the catalog is usable.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var i in All)
        {
            switch (i.Aggregation)
            {
                case Aggregation.SumOfIndicators when i.Components.Count == 0:
                    problems.Add($"Indicator '{i.Code}' sums other indicators but names none.");
                    break;
                case Aggregation.Ratio when i.Numerator is null || i.Denominator is null:
                    problems.Add($"Indicator '{i.Code}' is a ratio but lacks a numerator or a denominator.");
                    break;
                case Aggregation.ActivityHeadCount or Aggregation.ActivityDistinctAttendees when i.ActivityKind is null:
                    problems.Add($"Indicator '{i.Code}' counts activity records but names no activity kind.");
                    break;
                case Aggregation.DistinctCount when i.DistinctBy is MetricDimensions.None || (i.DistinctBy & (i.DistinctBy - 1)) != 0:
                    problems.Add($"Indicator '{i.Code}' is a distinct count and must name exactly one dimension to count.");
                    break;
                case Aggregation.DistinctCount when (i.Dimensions & i.DistinctBy) == 0:
                    problems.Add($"Indicator '{i.Code}' counts distinct {i.DistinctBy} values but does not allow that dimension on its records.");
                    break;
            }

            foreach (var part in i.Components.Concat(new[] { i.Numerator, i.Denominator }.OfType<IndicatorCode>()))
            {
                if (!_indicators.ContainsKey(part))
                {
                    problems.Add($"Indicator '{i.Code}' refers to unknown indicator '{part}'.");
                }
            }

            if (Reaches(i.Code, i.Code, []))
            {
                problems.Add($"Indicator '{i.Code}' is derived from itself.");
            }
        }

        return problems;
    }

    /// <summary>The built-in catalog: the legal-service figures F16–F25, the hotline's rates and the event figures F8, F10, F11, F13.</summary>
    public static IndicatorCatalog CreateDefault()
    {
        var service = new LocalizedText("公共法律服务", "Public legal services");
        var adviser = new LocalizedText("法律顾问与案件办理", "Advisers and cases");
        var mediation = new LocalizedText("人民调解", "Mediation");
        var events = new LocalizedText("组织生活与活动", "Organizational life and events");
        IndicatorDefinition Sum(string code, string zh, string en, LocalizedText unit, LocalizedText category, string? figure) => new()
        {
            Code = new(code), Name = new(zh, en), Unit = unit, Aggregation = Aggregation.Sum, Category = category, Figure = figure,
        };

        var catalog = new IndicatorCatalog()
            .Add(Sum(IndicatorCodes.WalkInConsultations.Value, "公共法律服务中心（工作站）现场来访咨询", "Walk-in consultations at centers and workstations", Units.PersonTimes, service, "F16"))
            .Add(Sum(IndicatorCodes.HotlineCalls.Value, "12348热线来电", "12348 hotline calls", Units.PersonTimes, service, null))
            .Add(Sum(IndicatorCodes.HotlineAnswered.Value, "12348热线解答来电", "12348 hotline calls answered", Units.PersonTimes, service, "F17"))
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.HotlineAnswerRate, Name = new("12348热线接通率", "12348 hotline answer rate"), Unit = Units.Percent,
                Aggregation = Aggregation.Ratio, Numerator = IndicatorCodes.HotlineAnswered, Denominator = IndicatorCodes.HotlineCalls, Category = service,
            })
            .Add(Sum(IndicatorCodes.HotlineSurveyed.Value, "12348热线满意度回访", "12348 hotline callers surveyed", Units.PersonTimes, service, null))
            .Add(Sum(IndicatorCodes.HotlineSatisfied.Value, "12348热线回访满意", "12348 hotline callers satisfied", Units.PersonTimes, service, null))
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.HotlineSatisfactionRate, Name = new("12348热线满意率", "12348 hotline satisfaction rate"), Unit = Units.Percent,
                Aggregation = Aggregation.Ratio, Numerator = IndicatorCodes.HotlineSatisfied, Denominator = IndicatorCodes.HotlineSurveyed, Category = service,
            })
            .Add(Sum(IndicatorCodes.LegalAidCases.Value, "办理法律援助案件", "Legal-aid cases handled", Units.Cases, service, "F18"))
            .Add(Sum(IndicatorCodes.LegalAidClosed.Value, "法律援助案件结案", "Legal-aid cases closed", Units.Cases, service, "F18"))
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.AdviserPosts, Name = new("担任各类法律顾问", "Adviser posts held"), Unit = Units.Establishments,
                Aggregation = Aggregation.DistinctCount, DistinctBy = MetricDimensions.Subject, Category = adviser, Figure = "F19",
            })
            .Add(Sum(IndicatorCodes.CriminalCases.Value, "办理刑事案件", "Criminal cases", Units.Cases, adviser, "F20"))
            .Add(Sum(IndicatorCodes.CivilCases.Value, "办理民事案件", "Civil cases", Units.Cases, adviser, "F20"))
            .Add(Sum(IndicatorCodes.NonLitigationCases.Value, "办理非诉业务", "Non-litigation matters", Units.Cases, adviser, "F20"))
            .Add(Sum(IndicatorCodes.ArbitrationCases.Value, "办理仲裁案件", "Arbitration cases", Units.Cases, adviser, "F20"))
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.CasesHandled, Name = new("办理各类案件", "Cases handled"), Unit = Units.Cases, Aggregation = Aggregation.SumOfIndicators,
                Components = [IndicatorCodes.CriminalCases, IndicatorCodes.CivilCases, IndicatorCodes.NonLitigationCases, IndicatorCodes.ArbitrationCases],
                Category = adviser, Figure = "F20",
            })
            .Add(Sum(IndicatorCodes.ConsultationsAndDocuments.Value, "接受各类咨询和代写法律文书", "Consultations and documents drafted", Units.Cases, adviser, "F21"))
            .Add(Sum(IndicatorCodes.DisputesMediated.Value, "参与化解各类纠纷调解", "Disputes mediated", Units.Cases, mediation, "F22"))
            .Add(Sum(IndicatorCodes.LitigationParticipations.Value, "参与诉讼活动", "Litigation participations", Units.Times, mediation, "F23"))
            .Add(Sum(IndicatorCodes.OnSiteServices.Value, "提供现场法律服务", "On-site legal services", Units.Times, mediation, "F24"))
            .Add(Sum(IndicatorCodes.VillageLegalOpinions.Value, "为村（居）重大事项提供法律意见", "Legal opinions on village matters", Units.Items, mediation, "F25"))
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.LeadershipVisits, Name = new("深入律所开展党建调研督导", "Leadership research and supervision visits"), Unit = Units.Times,
                Aggregation = Aggregation.ActivityCount, ActivityKind = BasicSystems.ActivityKind.LeadershipVisit, Category = events, Figure = "F8",
            })
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.RedEducationAttendees, Name = new("参加红色教育主题党日的党员律师", "Members at red-education theme party days"), Unit = Units.People,
                Aggregation = Aggregation.ActivityDistinctAttendees, ActivityKind = BasicSystems.ActivityKind.RedEducation, Category = events, Figure = "F10",
            })
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.LawPopularizationParticipants, Name = new("普法及推广《民法典》主题党日活动", "Law-popularization and Civil Code events"), Unit = Units.PersonTimes,
                Aggregation = Aggregation.ActivityHeadCount, ActivityKind = BasicSystems.ActivityKind.LawPopularization, Category = events, Figure = "F11",
            })
            .Add(new IndicatorDefinition
            {
                Code = IndicatorCodes.PlatformRecordedActivities, Name = new("通过网上平台开展的组织生活", "Organizational life recorded through an online platform"), Unit = Units.Times,
                Aggregation = Aggregation.ActivityCount, SourcePlatform = "*", Category = events, Figure = "F13",
            });
        return catalog;
    }

    private bool Reaches(IndicatorCode from, IndicatorCode target, HashSet<IndicatorCode> seen)
    {
        if (!_indicators.TryGetValue(from, out var i) || !seen.Add(from))
        {
            return false;
        }

        foreach (var part in i.Components.Concat(new[] { i.Numerator, i.Denominator }.OfType<IndicatorCode>()))
        {
            if (part == target || Reaches(part, target, seen))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The codes of the built-in indicators.</summary>
public static class IndicatorCodes
{
    /// <summary>F16 walk-in consultations at public legal service centers and workstations.</summary>
    public static IndicatorCode WalkInConsultations { get; } = new("walk-in-consultations");

    /// <summary>12348 hotline calls received.</summary>
    public static IndicatorCode HotlineCalls { get; } = new("hotline-calls");

    /// <summary>F17 12348 hotline calls answered.</summary>
    public static IndicatorCode HotlineAnswered { get; } = new("hotline-answered");

    /// <summary>12348 answer rate = answered ÷ calls.</summary>
    public static IndicatorCode HotlineAnswerRate { get; } = new("hotline-answer-rate");

    /// <summary>12348 callers surveyed for satisfaction.</summary>
    public static IndicatorCode HotlineSurveyed { get; } = new("hotline-surveyed");

    /// <summary>12348 callers satisfied.</summary>
    public static IndicatorCode HotlineSatisfied { get; } = new("hotline-satisfied");

    /// <summary>12348 satisfaction rate = satisfied ÷ surveyed.</summary>
    public static IndicatorCode HotlineSatisfactionRate { get; } = new("hotline-satisfaction-rate");

    /// <summary>F18 legal-aid cases handled.</summary>
    public static IndicatorCode LegalAidCases { get; } = new("legal-aid-cases");

    /// <summary>F18 legal-aid cases closed.</summary>
    public static IndicatorCode LegalAidClosed { get; } = new("legal-aid-closed");

    /// <summary>F19 adviser posts held (distinct advised units).</summary>
    public static IndicatorCode AdviserPosts { get; } = new("adviser-posts");

    /// <summary>F20 criminal cases.</summary>
    public static IndicatorCode CriminalCases { get; } = new("criminal-cases");

    /// <summary>F20 civil cases.</summary>
    public static IndicatorCode CivilCases { get; } = new("civil-cases");

    /// <summary>F20 non-litigation matters.</summary>
    public static IndicatorCode NonLitigationCases { get; } = new("non-litigation-cases");

    /// <summary>F20 arbitration cases.</summary>
    public static IndicatorCode ArbitrationCases { get; } = new("arbitration-cases");

    /// <summary>F20 cases handled = criminal + civil + non-litigation + arbitration.</summary>
    public static IndicatorCode CasesHandled { get; } = new("cases-handled");

    /// <summary>F21 consultations and documents drafted.</summary>
    public static IndicatorCode ConsultationsAndDocuments { get; } = new("consultations-and-documents");

    /// <summary>F22 disputes mediated.</summary>
    public static IndicatorCode DisputesMediated { get; } = new("disputes-mediated");

    /// <summary>F23 litigation participations.</summary>
    public static IndicatorCode LitigationParticipations { get; } = new("litigation-participations");

    /// <summary>F24 on-site legal services.</summary>
    public static IndicatorCode OnSiteServices { get; } = new("on-site-services");

    /// <summary>F25 legal opinions on village matters.</summary>
    public static IndicatorCode VillageLegalOpinions { get; } = new("village-legal-opinions");

    /// <summary>F8 leadership research and supervision visits (activity records).</summary>
    public static IndicatorCode LeadershipVisits { get; } = new("leadership-visits");

    /// <summary>F10 distinct members at red-education theme party days (activity records).</summary>
    public static IndicatorCode RedEducationAttendees { get; } = new("red-education-attendees");

    /// <summary>F13 activity records that came from an online platform (any platform; a city names its own in a replacement).</summary>
    public static IndicatorCode PlatformRecordedActivities { get; } = new("platform-recorded-activities");

    /// <summary>F11 participants of law-popularization events (activity head counts).</summary>
    public static IndicatorCode LawPopularizationParticipants { get; } = new("law-popularization-participants");
}
