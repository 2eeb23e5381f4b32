#!/usr/bin/env python3
"""Copies each #region of samples/PartyDomain.PluginExamples into the block of docs/plugin-authoring.md marked
<!-- example: NAME -->, as DocExampleTests (tests/PartyDomain.Hosting.Tests) expects: edit the example, run this."""
import glob, os, re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
regions = {}
for path in sorted(glob.glob(os.path.join(root, "samples/PartyDomain.PluginExamples/*.cs"))):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    for m in re.finditer(r"^[ \t]*#region (?P<name>[a-z0-9-]+)[ \t]*\n(?P<body>.*?)^[ \t]*#endregion", text, re.M | re.S):
        lines = m.group("body").rstrip("\n ").split("\n")
        indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
        regions[m.group("name")] = "\n".join(l[indent:] if len(l) >= indent else l.lstrip() for l in lines)

doc = os.path.join(root, "docs/plugin-authoring.md")
text = open(doc, encoding="utf-8").read()
text = re.sub(r"^<!-- example: (?P<name>[a-z0-9-]+) -->\n```csharp\n.*?^```",
              lambda m: f"<!-- example: {m.group('name')} -->\n```csharp\n{regions[m.group('name')]}\n```", text, flags=re.M | re.S)
open(doc, "w", encoding="utf-8").write(text)
