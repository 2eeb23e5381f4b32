using System.Globalization;
using System.Text;
using PartyDomain.Organization;

namespace PartyDomain.Data;

/// <summary>
/// What identifies a record across imports: the one definition a store's keys and an incremental import
/// (<see cref="DatasetMerge"/>) both use, so a record read again from a file overwrites the record it was stored as.
/// A record type with an identifier is keyed by it; the others by the fields that identify them (a registration by
/// person, organization and start day; a dues payment by person, month and day paid; a service record without an id by
/// a hash of its content). The backbone's keys are here; every other kind declares its own (<see cref="RecordKind{T}"/>).
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
        var key = record switch
        {
            PartyOrganization r => RecordKey.Id(r.Id.Value),
            LawFirm r => RecordKey.Id(r.Id.Value),
            Person r => RecordKey.Id(r.Id.Value),
            MembershipRegistration r => RecordKey.Natural(r.PersonId.Value, r.OrganizationId.Value, RecordKey.Day(r.From)),
            FirmEmployment r => RecordKey.Natural(r.PersonId.Value, r.FirmId.Value, RecordKey.Day(r.From)),
            FirmPostHolding r => RecordKey.Natural(r.PersonId.Value, r.FirmId.Value, r.Post.ToString(), RecordKey.Day(r.From)),
            PartyPostHolding r => RecordKey.Natural(r.PersonId.Value, r.OrganizationId.Value, r.Post.ToString(), RecordKey.Day(r.From)),
            FirmCoverage r => RecordKey.Natural(r.OrganizationId.Value, r.FirmId.Value, RecordKey.Day(r.From)),
            InstructorAssignment r => RecordKey.Natural(r.PersonId.Value, r.FirmId.Value, RecordKey.Day(r.From)),
            CommitteeElection r => RecordKey.Natural(r.OrganizationId.Value, RecordKey.Day(r.ElectedOn)),
            _ when record.Declared is IRecordKindRuntime kind => kind.Key(record),
            _ => throw new ArgumentException($"A city dataset holds no records of type {record.GetType().Name}.", nameof(record)),
        };
        ownId = key.OwnId;
        return key.Value;
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
}
