#!/usr/bin/env bash
# Reruns lupdate over the sources into a temporary copy of the translation files and fails
# when any entry is unfinished, so a new or changed string without a translation is caught.
# Exit code 77 (skipped) when lupdate is not installed.
set -euo pipefail
root=${1:?usage: check-translations.sh SOURCE_DIR}
lupdate=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
if [ ! -x "$lupdate" ]; then
    echo "check-translations: lupdate not found; install qt6-l10n-tools to run this test"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root"/resources/translations/*.ts "$work"/
LUPDATE=$lupdate "$root/scripts/update-translations.sh" "$work"

status=0
for ts in "$work"/*.ts; do
    count=$(grep -c 'type="unfinished"' "$ts" || true)
    if [ "$count" -gt 0 ]; then
        echo "$(basename "$ts"): $count untranslated strings:"
        grep -B3 'type="unfinished"' "$ts" | grep '<source>' | sed 's/^ */  /'
        status=1
    fi
done
if [ "$status" -ne 0 ]; then
    echo "Run scripts/update-translations.sh and translate the entries marked unfinished."
fi
exit "$status"
