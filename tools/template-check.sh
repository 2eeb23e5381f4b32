#!/usr/bin/env bash
# The third-party scenario: packs PartyDomain, PartyDomain.Testing and the PartyDomain.Templates template package into
# a feed of their own, installs the template into a private template hive, creates a plugin with
# `dotnet new partydomain-plugin -n Zhengzhou` in a folder outside the repository, then builds and tests it against
# the packed packages (a fresh package cache, so no older copy of the same version is used) and publishes it.
# Then loads it in the built sample console host next to the sample plugins. Package sources other than the feed
# come from the machine. Needs the console host built (dotnet build samples/PartyDomain.ConsoleHost -c Release).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/partydomain-template-XXXXXX")
feed="$work/feed"
mkdir -p "$feed" "$work/city"
for project in src/PartyDomain src/PartyDomain.Testing templates/PartyDomain.Templates; do
  dotnet pack "$project" -c Release -o "$feed" -v q -nologo
done
dotnet new install "$feed"/PartyDomain.Templates.*.nupkg --debug:custom-hive "$work/hive" >/dev/null
cd "$work/city"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="partydomain-packed" value="$feed" />
  </packageSources>
</configuration>
XML
dotnet new partydomain-plugin -n Zhengzhou -o . --debug:custom-hive "$work/hive" >/dev/null
dotnet restore Zhengzhou.Tests --packages "$work/packages"
dotnet test Zhengzhou.Tests -c Release --no-restore
dotnet publish Zhengzhou -c Release --no-restore -o "$work/plugins/zhengzhou" >/dev/null
host="$repo/samples/PartyDomain.ConsoleHost/bin/Release/net10.0/PartyDomain.ConsoleHost.dll"
cd "$repo"
output=$(dotnet "$host" plugins --lang en --set "PartyDomain:PluginHost:Folders:1=$work/plugins")
echo "$output"
echo "$output" | grep -q "zhengzhou" && echo "$output" | grep -q "3 loaded, 0 not loaded" || { echo "template-check: the sample host did not load the template's plugin"; exit 1; }
echo "template-check: passed ($work)"
