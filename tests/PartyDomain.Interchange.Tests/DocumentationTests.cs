using PartyDomain.Interchange.Schema;

namespace PartyDomain.Interchange.Tests;

public sealed class DocumentationTests
{
    [Fact]
    public void The_format_document_lists_every_table_and_column_with_both_headers()
    {
        var doc = File.ReadAllLines(FindUp("docs/data-format.md"));

        foreach (var table in DatasetSchema.Tables)
        {
            var start = Array.FindIndex(doc, l => l == $"### `{table.Name}` · {table.ChineseName}");
            start.Should().BeGreaterThan(0, $"the document has a section for {table.Name}");
            var rows = doc.Skip(start + 1).TakeWhile(l => !l.StartsWith("### ", StringComparison.Ordinal)).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
            rows.Select(r => r.Split('|')[1].Trim().Trim('`') + " " + r.Split('|')[2].Trim() + " " + r.Split('|')[4].Contains("yes", StringComparison.Ordinal))
                .Should().Equal(table.Columns.Select(c => $"{c.Name} {c.ChineseName} {c.Required}"), table.Name);
        }
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }
}
