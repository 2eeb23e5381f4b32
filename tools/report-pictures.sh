#!/usr/bin/env bash
# Draws one page of each document the report command writes, for docs/reporting.md: the Word summary (page 1 and the
# charts page), the problem list (Word, first page; XLSX) as LibreOffice lays them out, and the HTML page as headless
# Chromium shows it. Writes docs/images/report-*.png. Needs soffice, pdftoppm (.ci/libreoffice.sh) and chromium
# (.ci/chromium.sh; or PARTYDOMAIN_CHROMIUM).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice=$(bash .ci/libreoffice.sh | tail -n 1)
chromium=${PARTYDOMAIN_CHROMIUM:-$(bash .ci/chromium.sh | tail -n 1)}
dotnet build samples/PartyDomain.ConsoleHost -c Release -nologo -v q >/dev/null
dotnet samples/PartyDomain.ConsoleHost/bin/Release/net10.0/PartyDomain.ConsoleHost.dll report --year 2025 --out "$work" >/dev/null
base="$work/annual-report-411500-2025"
for file in "$base.docx" "$base-problems.docx"; do
  "$soffice" --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work" "$file" >/dev/null 2>&1
done
mkdir -p "$work/xlsx"
"$soffice" --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work/xlsx" "$base-problems.xlsx" >/dev/null 2>&1
page() { pdftoppm -r 60 -png -f "$2" -l "$2" -singlefile "$1" "$3"; }
page "$base.pdf" 1 "$out/report-summary-page1"
page "$base.pdf" 4 "$out/report-summary-charts"
page "$base-problems.pdf" 1 "$out/report-problem-list-page1"
page "$base-problems.pdf" 2 "$out/report-problem-list-page2"
page "$work/xlsx/annual-report-411500-2025-problems.pdf" 1 "$out/report-problem-list-xlsx"
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1200 "--user-data-dir=$work/chromium" \
  "--screenshot=$out/report-summary-html.png" "file://$base.html" >/dev/null 2>&1
ls -l "$out"/report-*.png
