using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.Data;

/// <summary>
/// What identifies a record across imports: the one definition a store's keys and an incremental import
/// (<see cref="DatasetMerge"/>) both use, so a record read again from a file overwrites the record it was stored as.
/// A record type with an identifier is keyed by it; the others by the fields that identify them (a registration by
/// person, organization and start day; a dues payment by person, month and day paid; a service record without an id by
/// a hash of its content).
/// </summary>
public static class DatasetRecordKeys
{
    /// <summary>The record's key.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentException">The record is of a type a <see cref="CityDataset"/> does not hold.</exception>
    public static string Of(DatasetRecord record) => Of(record, out _);

    /// <summary>
    /// The record's key: its own identifier when its type has one (a second record with it is an error, never a
    /// second record), otherwise its natural key (records with equal natural keys are told apart by
    /// <see cref="Numbered"/>).
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="ownId">Whether the key is the record's own identifier.</param>
    /// <exception cref="ArgumentException">The record is of a type a <see cref="CityDataset"/> does not hold.</exception>
    public static string Of(DatasetRecord record, out bool ownId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ownId = true;
        switch (record)
        {
            case PartyOrganization r: return r.Id.Value;
            case LawFirm r: return r.Id.Value;
            case Person r: return r.Id.Value;
            case ActivityRecord r: return r.Id;
            case ServiceRecord { Id: { } id }: return id;
            case TrainingSession r: return r.Id;
            case AdmissionCase r: return r.Id;
            case MajorMatter r: return r.Id;
            case GovernanceDocument r: return r.Id;
            case Pairing r: return r.Id;
            case JointActivity r: return r.Id;
            case Commendation r: return r.Id;
            case Donation r: return r.Id;
        }

        ownId = false;
        return record switch
        {
            MembershipRegistration r => Join(r.PersonId.Value, r.OrganizationId.Value, Date(r.From)),
            FirmEmployment r => Join(r.PersonId.Value, r.FirmId.Value, Date(r.From)),
            FirmPostHolding r => Join(r.PersonId.Value, r.FirmId.Value, r.Post.ToString(), Date(r.From)),
            PartyPostHolding r => Join(r.PersonId.Value, r.OrganizationId.Value, r.Post.ToString(), Date(r.From)),
            FirmCoverage r => Join(r.OrganizationId.Value, r.FirmId.Value, Date(r.From)),
            InstructorAssignment r => Join(r.PersonId.Value, r.FirmId.Value, Date(r.From)),
            CommitteeElection r => Join(r.OrganizationId.Value, Date(r.ElectedOn)),
            ServiceRecord r => ServiceContentKey(r),
            StudyCredit r => Join(r.PersonId.Value, r.Platform, Date(r.Date)),
            MemberIncome r => Join(r.PersonId.Value, Month(r.Month), r.Kind.ToString()),
            DuesPayment r => Join(r.PersonId.Value, Month(r.Month), Date(r.PaidOn)),
            _ => throw new ArgumentException($"A city dataset holds no records of type {record.GetType().Name}.", nameof(record)),
        };
    }

    /// <summary>
    /// The key of the <paramref name="occurrence"/>-th record (from 1) with natural key <paramref name="key"/> in one
    /// import or dataset, in their order: the first keeps the key, the next ones get <c>#2</c>, <c>#3</c> ... (two
    /// identical dues payments the same day are both kept, and importing them again writes the same keys).
    /// </summary>
    /// <param name="key">The natural key.</param>
    /// <param name="occurrence">How many records with that key came so far, this one included.</param>
    public static string Numbered(string key, int occurrence) =>
        occurrence <= 1 ? key : key + "#" + occurrence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parts joined with <c>|</c>, escaped so that the key is injective whatever the identifiers contain.</summary>
    internal static string Join(params string?[] parts)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('|');
            }

            sb.Append((parts[i] ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal));
        }

        return sb.ToString();
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Month(YearMonth month) => month.ToString("uuuu-MM", CultureInfo.InvariantCulture);

    // A service record without an identifier is known by its content: re-importing it overwrites it, and identical
    // records are told apart by their position (#2, #3 ...). The key starts with the record's date, so rows written in
    // key order also fill a store's (city, date) index in order.
    private static string ServiceContentKey(ServiceRecord r)
    {
        var text = new CanonicalText(stackalloc char[256]);
        try
        {
            text.Part(r.Indicator.Value);
            text.Part(r.Date);
            text.Part(r.Span.ToString());
            text.Part(r.Quantity);
            text.Part(r.Member?.Value);
            text.Part(r.Firm?.Value);
            text.Part(r.Organization?.Value);
            text.Part(r.District);
            text.Part(r.Channel);
            text.Part(r.Subject);
            text.Part(r.Tags.Count == 0 ? string.Empty : Join([.. r.Tags]));

            // "2025-03-01/h:" and 32 hex digits.
            Span<char> key = stackalloc char[64];
            var length = CanonicalText.FormatDate(r.Date, key);
            "/h:".CopyTo(key[length..]);
            text.Hash(key.Slice(length + 3, 32));
            return new string(key[..(length + 35)]);
        }
        finally
        {
            text.Dispose();
        }
    }
}
