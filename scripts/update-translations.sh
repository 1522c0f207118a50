#!/usr/bin/env bash
# Collects the user-visible strings of ui/ and app/ into the translation files in
# resources/translations/. New strings appear as type="unfinished" until translated, and strings
# removed from the sources are dropped. Usage: scripts/update-translations.sh [TS_FOLDER]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
folder=${1:-$root/resources/translations}
lupdate=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
if [ ! -x "$lupdate" ]; then
    echo "update-translations: lupdate not found; install qt6-l10n-tools or set LUPDATE" >&2
    exit 1
fi

cd "$root"
"$lupdate" -silent -no-obsolete -locations none ui app resources/translations/qtstrings.cpp \
    -ts "$folder/chaoslab_id.ts"
# English needs entries only for strings with plural forms (%n).
"$lupdate" -silent -no-obsolete -locations none -pluralonly ui app -ts "$folder/chaoslab_en.ts"
