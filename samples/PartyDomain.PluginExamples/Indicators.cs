using PartyDomain.BasicSystems;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;

namespace Contoso.PartyPlugin;

/// <summary>The indicator kinds a plugin declares.</summary>
public static class IndicatorExamples
{
    public static void Register(PartyDomainBuilder builder)
    {
        #region indicator-kinds
        IndicatorCode dayClinics = new("contoso-day-clinics"), nightClinics = new("contoso-night-clinics");
        builder
            // A flow: the sum of the service records' quantities.
            .AddIndicator(new IndicatorDefinition { Code = dayClinics, Name = new("日间法律诊所", "Day clinics"), Unit = Units.Times, Aggregation = Aggregation.Sum })
            .AddIndicator(new IndicatorDefinition { Code = nightClinics, Name = new("夜间法律诊所", "Night clinics"), Unit = Units.Times, Aggregation = Aggregation.Sum })
            // Sum of indicators: no records of its own, the total of its components.
            .AddIndicator(new IndicatorDefinition
            {
                Code = new("contoso-clinics"),
                Name = new("法律诊所合计", "Legal clinics in all"),
                Unit = Units.Times,
                Aggregation = Aggregation.SumOfIndicators,
                Components = [dayClinics, nightClinics],
            })
            // Activity counts: counted from the organizations' activity records, not from service records.
            .AddActivityKind(new ActivityKind("contoso-red-tour"), new("红色研学", "Red study tour"))
            .AddIndicator(new IndicatorDefinition
            {
                Code = new("contoso-red-tours"),
                Name = new("红色研学次数", "Red study tours"),
                Unit = Units.Times,
                Aggregation = Aggregation.ActivityCount,
                ActivityKind = new ActivityKind("contoso-red-tour"),
            });
        #endregion
    }
}
