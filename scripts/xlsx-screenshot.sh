#!/usr/bin/env bash
# The README's picture of the exported workbook: LibreOffice (headless)
# prints the Ledger sheet of Afrikanda's workbook with its formulas shown.
#
#   scripts/xlsx-screenshot.sh ASSAY_BINARY OUT.png [FIRST_ROW LAST_ROW]
#
# Needs libreoffice-calc-nogui, zip, unzip and poppler-utils. Steps: export
# the workbook; convert it to ODS; in the ODS, set the page style to print
# formulas, headers and grid in landscape on one page, widen the year
# columns, and print only the chosen rows of Ledger; convert to PDF; render
# the Ledger page with pdftoppm.
set -euo pipefail
bin=$1
out=$2
first=${3:-99}
last=${4:-134}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="$work/profile"
mkdir -p "$profile/user" "$work/ods"
lo() { soffice "-env:UserInstallation=file://$profile" --headless "$@" >/dev/null 2>&1; }
"$bin" export "$(dirname "$0")/../projects/afrikanda.ron" --xlsx "$work/afrikanda.xlsx" --no-risk >/dev/null
(cd "$work" && lo --convert-to ods afrikanda.xlsx)
(cd "$work/ods" && unzip -q ../afrikanda.ods)
sed -i 's/style:print="[^"]*"/style:print="formulas headers grid zero-values"/g;
        s/style:print-orientation="portrait"/style:print-orientation="landscape" fo:page-width="17in" fo:page-height="6.6in"/;
        s/style:scale-to="100%"/style:scale-to-pages="1"/' "$work/ods/styles.xml"
# The year columns (16 characters wide in the export) become wide enough
# for their formulas.
sed -i 's/style:column-width="1.6252in"/style:column-width="6.6in"/;
        s/<table:table table:name="Ledger" \([^>]*\)>/<table:table table:name="Ledger" \1 table:print-ranges="Ledger.A'"$first"':Ledger.D'"$last"'">/' "$work/ods/content.xml"
(cd "$work/ods" && zip -q -X -0 ../formulas.ods mimetype && zip -q -X -r ../formulas.ods . -x mimetype)
(cd "$work" && lo --convert-to pdf formulas.ods)
pages=$(pdfinfo "$work/formulas.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$work/formulas.pdf" - | grep -q "Timing_offset"; then
        pdftoppm -f "$p" -l "$p" -r 110 -png -singlefile "$work/formulas.pdf" "${out%.png}"
        # Trim the page's white margin where ImageMagick is there.
        if command -v convert >/dev/null; then
            convert "$out" -trim -bordercolor white -border 12 "$out"
        fi
        echo "wrote $out (page $p)"
        exit 0
    fi
done
echo "no page with the ledger's formulas" >&2
exit 1
