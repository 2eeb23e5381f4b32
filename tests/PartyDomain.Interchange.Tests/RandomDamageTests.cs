using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PartyDomain.Data;
using PartyDomain.Interchange.Schema;

namespace PartyDomain.Interchange.Tests;

/// <summary>
/// Property: however a valid export is damaged — bytes, quotes, separators, line breaks, encodings, characters — an
/// import ends either in a dataset that writes and reads back exactly, or in problems that each name their file and,
/// unless the file as a whole is refused, the row. Never an exception. Fixed seeds, so a failure reproduces; bounded in
/// count and time.
/// </summary>
public sealed class RandomDamageTests : IDisposable
{
    private const int Cases = 250;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    /// <summary>Problems about a file or table as a whole, which have no row.</summary>
    private static readonly HashSet<string> WholeFile =
    [
        "not-found", "unknown-format", "no-tables", "empty-file", "bad-workbook", "bad-json", "bad-encoding", "not-a-table", "not-a-file",
        "dangling-link", "unknown-table", "duplicate-table", "missing-table", "workbook-too-large", "json-too-deep", "city-rows",
    ];

    private static readonly string[] Inserts = ["\"", ",", ";", "\t", "\n", "\r\n", "'", "=", "\u0007", "\uFFFD", "，", "1,25", "0001-01-01", "2147483647", " ", "\"\"", "{", "[", "<", "&#1;"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(DatasetFormat.Csv, 2001)]
    [InlineData(DatasetFormat.Xlsx, 2002)]
    [InlineData(DatasetFormat.Json, 2003)]
    public void Every_damaged_file_ends_in_an_exact_round_trip_or_named_problems(DatasetFormat format, int seed)
    {
        var original = Path.Combine(_folder.Path, "original");
        Directory.CreateDirectory(original);
        var valid = Target(original, format);
        DatasetFiles.Write(SampleCity.Build(), valid, format);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>();
        for (var n = 0; n < Cases && clock.Elapsed < Budget; n++)
        {
            var folder = Path.Combine(_folder.Path, $"case-{n}");
            Copy(original, folder);
            var path = Target(folder, format);
            var damage = format switch
            {
                DatasetFormat.Csv => DamageCsv(path, random),
                DatasetFormat.Xlsx => DamageXlsx(path, random),
                _ => DamageFile(path, random),
            };

            var because = $"case {n} of seed {seed}: {damage}";
            DatasetReadResult result = null!;
            var read = () => result = DatasetFiles.Read(path, RoundTripTests.Options());
            read.Should().NotThrow(because);
            if (result.Succeeded)
            {
                RoundTrip(result.Dataset!, format, Path.Combine(folder, "again"), because);
                outcomes["read"] = outcomes.GetValueOrDefault("read") + 1;
            }
            else
            {
                result.Problems.Should().NotBeEmpty(because);
                foreach (var problem in result.Problems)
                {
                    problem.Source.Should().NotBeNullOrWhiteSpace(because);
                    problem.Message.Chinese.Should().NotBeNullOrWhiteSpace(because);
                    problem.Code.Should().NotBe("unreadable", $"{because}: an exception inside the reader ({problem.Describe(TextLanguage.English)})");
                    if (!WholeFile.Contains(problem.Code))
                    {
                        problem.Row.Should().NotBeNull($"{because}: {problem.Describe(TextLanguage.English)}");
                    }

                    outcomes[problem.Code] = outcomes.GetValueOrDefault(problem.Code) + 1;
                }
            }

            Directory.Delete(folder, recursive: true);
        }

        // The damage must reach the reader: both outcomes occur, and several kinds of problem.
        outcomes.Should().ContainKey("read");
        outcomes.Keys.Count.Should().BeGreaterThan(format == DatasetFormat.Xlsx ? 2 : 4, string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
    }

    private static void RoundTrip(CityDataset dataset, DatasetFormat format, string folder, string because)
    {
        Directory.CreateDirectory(folder);
        var path = Target(folder, format);
        DatasetFiles.Write(dataset, path, format);
        var again = DatasetFiles.Read(path, RoundTripTests.Options());
        again.Problems.Should().BeEmpty(because);
        foreach (var table in DatasetSchema.Tables)
        {
            Rows(again.Dataset!, table).Should().Equal(Rows(dataset, table), $"{because}: table {table.Name} reads back exactly");
        }
    }

    private static List<string> Rows(CityDataset dataset, Table table) =>
        [.. table.Write(dataset, TextLanguage.English).Select(r => string.Join("|", r)).Order(StringComparer.Ordinal)];

    private static string Target(string folder, DatasetFormat format) => format switch
    {
        DatasetFormat.Csv => Path.Combine(folder, "csv"),
        DatasetFormat.Xlsx => Path.Combine(folder, "city.xlsx"),
        _ => Path.Combine(folder, "city.json"),
    };

    private static string DamageCsv(string folder, Random random)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        var name = Path.GetFileName(file);
        switch (random.Next(4))
        {
            case 0:
                return $"{name}: {DamageFile(file, random)}";
            case 1:
            {
                var text = File.ReadAllText(file);
                var encoding = random.Next(4) switch
                {
                    0 => (Encoding)new UTF8Encoding(false),
                    1 => CodePagesEncodingProvider.Instance.GetEncoding(54936)!,
                    2 => new UnicodeEncoding(false, true),
                    _ => new UnicodeEncoding(true, true),
                };
                File.WriteAllBytes(file, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
                return $"{name}: re-encoded as {encoding.WebName}";
            }

            case 2:
            {
                var lines = File.ReadAllLines(file).ToList();
                var at = random.Next(lines.Count);
                var what = random.Next(3) switch
                {
                    0 => "line deleted",
                    1 => "line doubled",
                    _ => "separators changed",
                };
                if (what == "line deleted")
                {
                    lines.RemoveAt(at);
                }
                else if (what == "line doubled")
                {
                    lines.Insert(at, lines[at]);
                }
                else
                {
                    lines[at] = lines[at].Replace(',', random.Next(2) == 0 ? ';' : '\t');
                }

                File.WriteAllLines(file, lines, new UTF8Encoding(true));
                return $"{name}: {what} at line {at + 1}";
            }

            default:
                File.Move(file, Path.Combine(folder, random.Next(2) == 0 ? name.ToUpperInvariant() : Path.ChangeExtension(name, ".txt")));
                return $"{name}: renamed";
        }
    }

    private static string DamageXlsx(string path, Random random)
    {
        if (random.Next(5) == 0)
        {
            return DamageBytes(path, random);
        }

        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entries = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var entry = entries[random.Next(entries.Count)];
        var name = entry.FullName;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        // Mostly inside a cell's value, where the reader's checks are; sometimes anywhere in the XML.
        var cellStarts = System.Text.RegularExpressions.Regex.Matches(xml, "<x:v>|<v>|<t>|<x:t>").Select(m => m.Index + m.Length).ToList();
        var (damaged, what) = cellStarts.Count > 0 && random.Next(4) > 0 ? DamageAt(xml, cellStarts[random.Next(cellStarts.Count)], random) : DamageText(xml, random);
        entry.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
        {
            writer.Write(damaged);
        }

        return $"{name}: {what}";
    }

    private static (string Text, string What) DamageAt(string xml, int at, Random random)
    {
        var insert = Inserts[random.Next(Inserts.Length)];
        var escaped = insert is "<" or "&#1;" ? insert : System.Security.SecurityElement.Escape(insert);
        return (xml.Insert(at, escaped), $"'{insert.Replace("\n", "\\n", StringComparison.Ordinal)}' inserted in a cell at {at}");
    }

    private static string DamageFile(string path, Random random)
    {
        if (random.Next(3) == 0)
        {
            return DamageBytes(path, random);
        }

        var (text, what) = DamageText(File.ReadAllText(path), random);
        File.WriteAllText(path, text, new UTF8Encoding(random.Next(2) == 0));
        return what;
    }

    private static (string Text, string What) DamageText(string text, Random random)
    {
        var changes = new List<string>();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var at = random.Next(text.Length + 1);
            if (random.Next(4) == 0 && text.Length > 0)
            {
                var length = Math.Min(random.Next(1, 20), text.Length - Math.Min(at, text.Length - 1));
                at = Math.Min(at, text.Length - 1);
                text = text.Remove(at, length);
                changes.Add($"{length} characters deleted at {at}");
            }
            else
            {
                var insert = Inserts[random.Next(Inserts.Length)];
                text = text.Insert(at, insert);
                changes.Add($"'{insert.Replace("\n", "\\n", StringComparison.Ordinal)}' inserted at {at}");
            }
        }

        return (text, string.Join("; ", changes));
    }

    private static string DamageBytes(string path, Random random)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            return "empty";
        }

        var at = random.Next(bytes.Length);
        if (random.Next(2) == 0)
        {
            var was = bytes[at];
            bytes[at] = (byte)random.Next(256);
            File.WriteAllBytes(path, bytes);
            return $"byte {at} {was:X2} → {bytes[at]:X2}";
        }

        File.WriteAllBytes(path, bytes[..at]);
        return $"cut at byte {at}";
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
