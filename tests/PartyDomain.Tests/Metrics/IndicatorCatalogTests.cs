using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

public class IndicatorCatalogTests
{
    [Fact]
    public void Codes_are_trimmed_lower_case_and_compare_case_insensitively()
    {
        var code = new IndicatorCode("  Hotline-Calls ");

        code.Value.Should().Be("hotline-calls");
        code.Should().Be(IndicatorCodes.HotlineCalls);
        (code == IndicatorCodes.HotlineCalls).Should().BeTrue();
        code.GetHashCode().Should().Be(IndicatorCodes.HotlineCalls.GetHashCode());
        var blank = () => new IndicatorCode("  ");
        blank.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_built_datasets_catalog_is_read_only_and_keeps_what_it_was_built_with()
    {
        var builderCatalog = IndicatorCatalog.CreateDefault();
        var builder = new TestCity().Builder();
        builder.Use(builderCatalog);
        var dataset = builder.Build();
        var extra = new IndicatorDefinition { Code = new("city-extra"), Name = new("额外", "Extra"), Unit = Units.Times, Aggregation = Aggregation.Sum };

        dataset.Indicators.IsReadOnly.Should().BeTrue();
        dataset.Indicators.Invoking(c => c.Add(extra)).Should().Throw<InvalidOperationException>().WithMessage("*read-only*");
        dataset.Indicators.Invoking(c => c.Remove(IndicatorCodes.HotlineCalls)).Should().Throw<InvalidOperationException>();
        dataset.Indicators.Invoking(c => c.Hide(IndicatorCodes.HotlineCalls)).Should().Throw<InvalidOperationException>();

        builderCatalog.Add(extra);
        dataset.Indicators.TryGet(extra.Code, out _).Should().BeFalse("the dataset keeps the catalog it was checked against");
        var copy = dataset.Indicators.Clone();
        copy.IsReadOnly.Should().BeFalse();
        copy.Add(extra).TryGet(extra.Code, out _).Should().BeTrue("a clone is a catalog to change and build with again");
    }

    [Fact]
    public void The_default_catalog_is_valid_and_feeds_every_legal_service_figure_F16_to_F25()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        catalog.Validate().Should().BeEmpty();
        catalog.All.Select(i => i.Figure).OfType<string>().Distinct()
            .Should().Contain(Enumerable.Range(16, 10).Select(n => $"F{n}"));
        catalog.All.Should().OnlyContain(i => !i.Hidden);
        catalog.All.Select(i => i.Code).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("walk-in-consultations", "F16", "人次")]
    [InlineData("hotline-answered", "F17", "人次")]
    [InlineData("legal-aid-cases", "F18", "件")]
    [InlineData("legal-aid-closed", "F18", "件")]
    [InlineData("criminal-cases", "F20", "件")]
    [InlineData("civil-cases", "F20", "件")]
    [InlineData("non-litigation-cases", "F20", "件")]
    [InlineData("arbitration-cases", "F20", "件")]
    [InlineData("consultations-and-documents", "F21", "件")]
    [InlineData("disputes-mediated", "F22", "件")]
    [InlineData("litigation-participations", "F23", "次")]
    [InlineData("on-site-services", "F24", "次")]
    [InlineData("village-legal-opinions", "F25", "条")]
    public void Recorded_legal_service_indicators_are_sums_with_their_figure_and_unit(string code, string figure, string unit)
    {
        var indicator = IndicatorCatalog.CreateDefault().Get(Code(code));

        indicator.Aggregation.Should().Be(Aggregation.Sum);
        indicator.IsRecorded.Should().BeTrue();
        indicator.Figure.Should().Be(figure);
        indicator.Unit.Chinese.Should().Be(unit);
        indicator.Name.Chinese.Should().NotBeNullOrWhiteSpace();
        indicator.Name.English.Should().NotBeNullOrWhiteSpace();
        indicator.Dimensions.Should().Be(MetricDimensions.All);
    }

    [Fact]
    public void Adviser_posts_F19_are_a_distinct_count_of_subjects_in_establishments()
    {
        var indicator = IndicatorCatalog.CreateDefault().Get(IndicatorCodes.AdviserPosts);

        indicator.Aggregation.Should().Be(Aggregation.DistinctCount);
        indicator.DistinctBy.Should().Be(MetricDimensions.Subject);
        indicator.Unit.Should().Be(Units.Establishments);
        indicator.Figure.Should().Be("F19");
    }

    [Fact]
    public void Cases_handled_F20_is_the_sum_of_criminal_civil_non_litigation_and_arbitration()
    {
        var indicator = IndicatorCatalog.CreateDefault().Get(IndicatorCodes.CasesHandled);

        indicator.Aggregation.Should().Be(Aggregation.SumOfIndicators);
        indicator.IsRecorded.Should().BeFalse();
        indicator.Components.Should().Equal(IndicatorCodes.CriminalCases, IndicatorCodes.CivilCases, IndicatorCodes.NonLitigationCases, IndicatorCodes.ArbitrationCases);
        indicator.Unit.Should().Be(Units.Cases);
    }

    [Fact]
    public void The_12348_answer_and_satisfaction_rates_are_percent_ratios_of_recorded_indicators()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        var answer = catalog.Get(IndicatorCodes.HotlineAnswerRate);
        var satisfaction = catalog.Get(IndicatorCodes.HotlineSatisfactionRate);

        answer.Aggregation.Should().Be(Aggregation.Ratio);
        answer.Numerator.Should().Be(IndicatorCodes.HotlineAnswered);
        answer.Denominator.Should().Be(IndicatorCodes.HotlineCalls);
        answer.Unit.Should().Be(Units.Percent);
        satisfaction.Aggregation.Should().Be(Aggregation.Ratio);
        satisfaction.Numerator.Should().Be(IndicatorCodes.HotlineSatisfied);
        satisfaction.Denominator.Should().Be(IndicatorCodes.HotlineSurveyed);
        satisfaction.Unit.Should().Be(Units.Percent);
        catalog.Get(IndicatorCodes.HotlineCalls).IsRecorded.Should().BeTrue();
        catalog.Get(IndicatorCodes.HotlineSatisfied).IsRecorded.Should().BeTrue();
        catalog.Get(IndicatorCodes.HotlineSurveyed).IsRecorded.Should().BeTrue();
    }

    [Fact]
    public void The_event_figures_F8_F10_F11_F13_are_counted_from_activity_records()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        var f8 = catalog.Get(IndicatorCodes.LeadershipVisits);
        f8.Aggregation.Should().Be(Aggregation.ActivityCount);
        f8.ActivityKind.Should().Be(ActivityKind.LeadershipVisit);
        f8.Figure.Should().Be("F8");

        var f10 = catalog.Get(IndicatorCodes.RedEducationAttendees);
        f10.Aggregation.Should().Be(Aggregation.ActivityDistinctAttendees);
        f10.ActivityKind.Should().Be(ActivityKind.RedEducation);
        f10.Figure.Should().Be("F10");

        var f11 = catalog.Get(IndicatorCodes.LawPopularizationParticipants);
        f11.Aggregation.Should().Be(Aggregation.ActivityHeadCount);
        f11.ActivityKind.Should().Be(ActivityKind.LawPopularization);
        f11.Unit.Should().Be(Units.PersonTimes);
        f11.Figure.Should().Be("F11");

        var f13 = catalog.Get(IndicatorCodes.PlatformRecordedActivities);
        f13.Aggregation.Should().Be(Aggregation.ActivityCount);
        f13.ActivityKind.Should().BeNull();
        f13.SourcePlatform.Should().Be("*");
        f13.Figure.Should().Be("F13");

        new[] { f8, f10, f11, f13 }.Should().OnlyContain(i => !i.IsRecorded);
    }

    [Fact]
    public void Adding_a_code_twice_throws_whatever_its_case()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        var again = () => catalog.Add(OwnSum("HOTLINE-CALLS"));

        again.Should().Throw<ArgumentException>().WithMessage("*hotline-calls*Replace*");
        catalog.Get(IndicatorCodes.HotlineCalls).Unit.Should().Be(Units.PersonTimes, "the original is kept");
        catalog.All.Count(i => i.Code == IndicatorCodes.HotlineCalls).Should().Be(1);
    }

    [Fact]
    public void Add_appends_in_registration_order()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        var before = catalog.All.Count;

        catalog.Add(OwnSum("heart-to-heart-group-answers"));

        catalog.All.Should().HaveCount(before + 1);
        catalog.All[before].Code.Should().Be(Code("heart-to-heart-group-answers"));
        catalog.TryGet(Code("Heart-To-Heart-Group-Answers"), out var found).Should().BeTrue();
        found!.Unit.Should().Be(Units.Items);
    }

    [Fact]
    public void Replace_swaps_the_definition_in_place_or_adds_a_new_one()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        var position = catalog.All.ToList().FindIndex(i => i.Code == IndicatorCodes.WalkInConsultations);
        var count = catalog.All.Count;

        catalog.Replace(catalog.Get(IndicatorCodes.WalkInConsultations) with { Unit = Units.Times, Aggregation = Aggregation.Count });
        catalog.Replace(OwnSum("brand-new"));

        catalog.All.Should().HaveCount(count + 1);
        catalog.All[position].Code.Should().Be(IndicatorCodes.WalkInConsultations, "a replacement keeps its place");
        catalog.All[position].Unit.Should().Be(Units.Times);
        catalog.All[position].Aggregation.Should().Be(Aggregation.Count);
        catalog.All[count].Code.Should().Be(Code("brand-new"));
    }

    [Fact]
    public void Rename_changes_only_the_name()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        var before = catalog.Get(IndicatorCodes.DisputesMediated);

        catalog.Rename(IndicatorCodes.DisputesMediated, new("参与人民调解", "People's mediation"));

        var after = catalog.Get(IndicatorCodes.DisputesMediated);
        after.Name.Should().Be(new LocalizedText("参与人民调解", "People's mediation"));
        after.Should().Be(before with { Name = after.Name });
    }

    [Fact]
    public void Hide_marks_it_hidden_and_keeps_it_registered()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        catalog.Hide(IndicatorCodes.OnSiteServices);

        catalog.Get(IndicatorCodes.OnSiteServices).Hidden.Should().BeTrue();
        catalog.All.Should().Contain(i => i.Code == IndicatorCodes.OnSiteServices);
        catalog.Get(IndicatorCodes.CivilCases).Hidden.Should().BeFalse();
    }

    [Fact]
    public void Remove_unregisters_it_and_reports_whether_it_was_there()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        catalog.Remove(IndicatorCodes.VillageLegalOpinions).Should().BeTrue();
        catalog.Remove(IndicatorCodes.VillageLegalOpinions).Should().BeFalse();

        catalog.TryGet(IndicatorCodes.VillageLegalOpinions, out _).Should().BeFalse();
        catalog.All.Should().NotContain(i => i.Code == IndicatorCodes.VillageLegalOpinions);
        var get = () => catalog.Get(IndicatorCodes.VillageLegalOpinions);
        get.Should().Throw<KeyNotFoundException>().WithMessage("*village-legal-opinions*");
        catalog.Validate().Should().BeEmpty("nothing is derived from village opinions");
    }

    [Fact]
    public void Renaming_or_hiding_an_unknown_indicator_throws()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        var rename = () => catalog.Rename(Code("nope"), new("无", "none"));
        var hide = () => catalog.Hide(Code("nope"));

        rename.Should().Throw<KeyNotFoundException>();
        hide.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Removing_a_component_makes_the_derived_total_invalid()
    {
        var catalog = IndicatorCatalog.CreateDefault();

        catalog.Remove(IndicatorCodes.CivilCases);

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("cases-handled").And.Contain("civil-cases");
    }

    [Fact]
    public void Validate_reports_a_sum_naming_an_unknown_indicator()
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("a")).Add(new IndicatorDefinition
        {
            Code = Code("total"), Name = new("合计", "Total"), Unit = Units.Cases, Aggregation = Aggregation.SumOfIndicators, Components = [Code("a"), Code("ghost")],
        });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'total'").And.Contain("'ghost'");
    }

    [Fact]
    public void Validate_reports_a_sum_naming_nothing()
    {
        var catalog = new IndicatorCatalog().Add(new IndicatorDefinition
        {
            Code = Code("total"), Name = new("合计", "Total"), Unit = Units.Cases, Aggregation = Aggregation.SumOfIndicators,
        });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'total'");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Validate_reports_a_ratio_without_both_parts(bool withNumerator, bool withDenominator)
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("n")).Add(OwnSum("d")).Add(new IndicatorDefinition
        {
            Code = Code("rate"),
            Name = new("比率", "Rate"),
            Unit = Units.Percent,
            Aggregation = Aggregation.Ratio,
            Numerator = withNumerator ? Code("n") : null,
            Denominator = withDenominator ? Code("d") : null,
        });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'rate'").And.Contain("ratio");
    }

    [Fact]
    public void Validate_reports_a_ratio_over_an_unknown_indicator()
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("n")).Add(new IndicatorDefinition
        {
            Code = Code("rate"), Name = new("比率", "Rate"), Unit = Units.Percent, Aggregation = Aggregation.Ratio, Numerator = Code("n"), Denominator = Code("gone"),
        });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'gone'");
    }

    [Theory]
    [InlineData(MetricDimensions.None)]
    [InlineData(MetricDimensions.Subject | MetricDimensions.Member)]
    [InlineData(MetricDimensions.All)]
    public void Validate_reports_a_distinct_count_without_exactly_one_dimension(MetricDimensions distinctBy)
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("posts") with { Aggregation = Aggregation.DistinctCount, DistinctBy = distinctBy });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'posts'").And.Contain("distinct");
    }

    [Theory]
    [InlineData(MetricDimensions.Member)]
    [InlineData(MetricDimensions.Channel)]
    [InlineData(MetricDimensions.Subject)]
    public void A_distinct_count_of_one_dimension_is_valid(MetricDimensions distinctBy)
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("posts") with { Aggregation = Aggregation.DistinctCount, DistinctBy = distinctBy });

        catalog.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_reports_a_cycle_of_derived_indicators()
    {
        IndicatorDefinition Total(string code, params string[] parts) => new()
        {
            Code = Code(code), Name = new(code, code), Unit = Units.Cases, Aggregation = Aggregation.SumOfIndicators, Components = parts.Select(Code).ToArray(),
        };
        var catalog = new IndicatorCatalog()
            .Add(OwnSum("leaf"))
            .Add(Total("a", "leaf", "b"))
            .Add(Total("b", "c"))
            .Add(Total("c", "a"))
            .Add(Total("outside", "leaf"));

        var problems = catalog.Validate();

        problems.Should().HaveCount(3);
        problems.Should().OnlyContain(p => p.Contains("itself", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("'a'", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("'b'", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_reports_a_ratio_of_itself_as_a_cycle()
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("d")).Add(new IndicatorDefinition
        {
            Code = Code("rate"), Name = new("比率", "Rate"), Unit = Units.Percent, Aggregation = Aggregation.Ratio, Numerator = Code("rate"), Denominator = Code("d"),
        });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'rate'").And.Contain("itself");
    }

    [Theory]
    [InlineData(Aggregation.ActivityHeadCount)]
    [InlineData(Aggregation.ActivityDistinctAttendees)]
    public void Validate_reports_an_activity_indicator_without_a_kind(Aggregation aggregation)
    {
        var catalog = new IndicatorCatalog().Add(OwnSum("events") with { Aggregation = aggregation });

        catalog.Validate().Should().ContainSingle().Which.Should().Contain("'events'").And.Contain("activity");
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var catalog = new IndicatorCatalog()
            .Add(new IndicatorDefinition { Code = Code("total"), Name = new("合计", "Total"), Unit = Units.Cases, Aggregation = Aggregation.SumOfIndicators, Components = [Code("ghost")] })
            .Add(new IndicatorDefinition { Code = Code("rate"), Name = new("比率", "Rate"), Unit = Units.Percent, Aggregation = Aggregation.Ratio })
            .Add(OwnSum("posts") with { Aggregation = Aggregation.DistinctCount, DistinctBy = MetricDimensions.None });

        catalog.Validate().Should().HaveCount(3);
    }

    [Fact]
    public void A_dataset_built_with_an_invalid_catalog_reports_it()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        catalog.Remove(IndicatorCodes.HotlineCalls);
        var city = new TestCity().Branch("B")
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 1, 5), 9);

        var problems = city.Builder(catalog).Validate();
        var built = city.Builder(catalog).TryBuild(out var buildProblems);
        var build = () => city.Build(catalog);

        var problem = problems.Should().ContainSingle().Which;
        problem.Code.Should().Be("invalid-catalog");
        problem.Entity.Should().Be("IndicatorCatalog");
        problem.Message.English.Should().Contain("hotline-answer-rate").And.Contain("hotline-calls");
        built.Should().BeNull();
        buildProblems.Should().ContainSingle().Which.Code.Should().Be("invalid-catalog");
        build.Should().Throw<DatasetValidationException>();
    }

    [Fact]
    public void A_citys_own_indicator_works_end_to_end()
    {
        var catalog = IndicatorCatalog.CreateDefault()
            .Add(new IndicatorDefinition
            {
                Code = Code("heart-to-heart-answers"),
                Name = new("心贴心微信群解答", "Heart-to-heart WeChat group answers"),
                Unit = Units.Items,
                Aggregation = Aggregation.Sum,
                Category = new("本市特色", "City's own"),
                Dimensions = MetricDimensions.Member | MetricDimensions.Channel,
            });
        var city = new TestCity().FullMember("M")
            .Service(Code("heart-to-heart-answers"), D(2025, 3, 2), 7, member: "M", channel: "心贴心微信群")
            .Service(Code("Heart-To-Heart-Answers"), D(2025, 4, 2), 5, member: "M");

        var metrics = city.Metrics(catalog);
        var table = metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Quarter, Code("heart-to-heart-answers"));

        table.Rows.Select(r => (r.Period, r.Value, r.Records)).Should().Equal(("2025-Q1", 7m, 1L), ("2025-Q2", 5m, 1L));
        table.Rows.Should().OnlyContain(r => r.Name.Chinese == "心贴心微信群解答" && r.Unit == Units.Items);
        metrics.Query(ReportingPeriod.Year(2025)).Total(Code("heart-to-heart-answers")).Should().Be(12, "a visible indicator of the city's own appears in the full report");
    }

    [Fact]
    public void A_replaced_built_in_changes_how_it_is_counted()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        catalog.Replace(catalog.Get(IndicatorCodes.WalkInConsultations) with { Aggregation = Aggregation.Count, Unit = Units.Times });
        var city = new TestCity()
            .Service(IndicatorCodes.WalkInConsultations, D(2025, 3, 2), 7)
            .Service(IndicatorCodes.WalkInConsultations, D(2025, 3, 3), 5);

        var row = city.Metrics(catalog).Query(ReportingPeriod.Year(2025), MetricGrouping.None, IndicatorCodes.WalkInConsultations).Rows.Should().ContainSingle().Which;

        row.Value.Should().Be(2);
        row.Unit.Should().Be(Units.Times);
    }
}
