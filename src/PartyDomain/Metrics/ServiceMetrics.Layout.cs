using PartyDomain.Organization;

namespace PartyDomain.Metrics;

public sealed partial class ServiceMetrics
{
    /// <summary>
    /// How a query's groups map to cells: time bucket × organization × firm × district, each 1 when not grouped; and back,
    /// for the table's rows.
    /// </summary>
    internal sealed class Layout
    {
        private readonly ServiceMetrics _owner;
        private readonly MetricGrouping _time;
        private readonly int _firstMonth;
        private readonly int _months;
        private readonly int _firstYear;
        private readonly int _timeBuckets;
        private readonly int _organizations;
        private readonly int _firms;
        private readonly int _districts;

        // Each time bucket's label, formatted once (when first read; a race only formats one twice).
        private readonly string?[] _periods;

        public Layout(ServiceMetrics owner, MetricsQuery query, MetricGrouping time)
        {
            _owner = owner;
            _time = time;
            _firstYear = query.Period.Start.Year;
            var years = query.Period.End.Year - _firstYear + 1;
            _firstMonth = query.Period.Start.Year * 12;
            _months = years * 12;
            _timeBuckets = time switch
            {
                MetricGrouping.Month => _months + years,
                MetricGrouping.Quarter => (_months / 3) + years,
                MetricGrouping.Year => years,
                _ => 1,
            };
            _organizations = (query.GroupBy & MetricGrouping.Organization) != 0 ? owner._dataset.Organizations.Count + 1 : 1;
            _firms = (query.GroupBy & MetricGrouping.Firm) != 0 ? owner._dataset.Firms.Count + 1 : 1;

            _districts = (query.GroupBy & MetricGrouping.District) != 0 ? owner._districts.Count + 1 : 1;
            Cells = checked(_timeBuckets * _organizations * _firms * _districts);
            _periods = new string?[_timeBuckets];
        }

        public int Cells { get; }

        /// <summary>The number of time buckets: months (quarters) of the period's years, then the years, for whole-year records.</summary>
        public int TimeBuckets => _timeBuckets;

        public int Cell(int month, int span, int organization, int firm, int district)
        {
            var o = _organizations == 1 ? 0 : organization + 1;
            var f = _firms == 1 ? 0 : firm + 1;
            var d = _districts == 1 ? 0 : district + 1;
            return (((((TimeBucket(month, span) * _organizations) + o) * _firms) + f) * _districts) + d;
        }

        /// <summary>The time bucket of a record of <paramref name="month"/> (year × 12 + month − 1) covering <paramref name="span"/>.</summary>
        public int TimeBucket(int month, int span)
        {
            var year = (month / 12) - _firstYear;
            return _time switch
            {
                MetricGrouping.Month => span == (int)RecordSpan.Year ? _months + year : month - _firstMonth,
                MetricGrouping.Quarter => span == (int)RecordSpan.Year ? (_months / 3) + year : (month - _firstMonth) / 3,
                MetricGrouping.Year => year,
                _ => 0,
            };
        }

        /// <summary>The time group of <paramref name="cell"/>, formatted once per time bucket.</summary>
        public string? Period(int cell)
        {
            var t = cell / (_organizations * _firms * _districts);
            return _periods[t] ??= PeriodLabel(t);
        }

        public OrganizationId? Organization(int cell)
        {
            var o = cell / (_firms * _districts) % _organizations;
            return _organizations == 1 || o == 0 ? null : _owner._dataset.Organizations[o - 1].Id;
        }

        public FirmId? Firm(int cell)
        {
            var f = cell / _districts % _firms;
            return _firms == 1 || f == 0 ? null : _owner._dataset.Firms[f - 1].Id;
        }

        public string? District(int cell)
        {
            var d = cell % _districts;
            return _districts == 1 ? null : d == 0 ? "未登记区县" : _owner._districts[d - 1];
        }

        private string? PeriodLabel(int t) => _time switch
        {
            MetricGrouping.Month when t < _months => $"{_firstYear + (t / 12):D4}-{(t % 12) + 1:D2}",
            MetricGrouping.Month => $"{_firstYear + t - _months:D4}",
            MetricGrouping.Quarter when t < _months / 3 => $"{_firstYear + (t / 4):D4}-Q{(t % 4) + 1}",
            MetricGrouping.Quarter => $"{_firstYear + t - (_months / 3):D4}",
            MetricGrouping.Year => $"{_firstYear + t:D4}",
            _ => null,
        };
    }
}
