using PartyDomain.Data;

namespace PartyDomain.Training;

/// <summary>
/// The position in <c>dataset.People</c> of each attendee of each training session, derived once per dataset. A session's
/// attendance usually lists people in the dataset's order, skipping most of them (tens of thousands attend a national
/// session, a few dozen positions apart): the ids a short way past the last attendee are compared first, in the array of
/// ids (sequential reads, the hash compared before the text), and only an attendee not there is looked up by
/// <see cref="PersonFinder"/> (a dictionary probe, a cache miss or two, millions of times over).
/// </summary>
internal static class AttendeePositions
{
    /// <summary>How far past the last attendee the ids are compared before the dictionary is asked.</summary>
    private const int Ahead = 64;

    /// <summary>Per session (in the dataset's order), its attendees' positions (-1 for a person the dataset does not list).</summary>
    public static int[][] Of(DatasetIndexes indexes)
    {
        var ids = indexes.PersonIds;
        var finder = new PersonFinder(indexes);
        return Array.ConvertAll(indexes.Records<TrainingSession>(), session =>
        {
            var attendance = session.Attendance;
            var positions = new int[attendance.Count];
            var next = 0;
            for (var i = 0; i < positions.Length; i++)
            {
                var id = attendance[i].PersonId;
                var found = -1;
                for (int k = next, end = Math.Min(next + Ahead, ids.Length); k < end; k++)
                {
                    if (ids[k] == id)
                    {
                        found = k;
                        break;
                    }
                }

                positions[i] = found = found >= 0 ? found : finder.Find(id);
                next = found + 1;
            }

            return positions;
        });
    }
}
