#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format 14 makes of it.
set -euo pipefail
cd "$1"
formatter=$(command -v clang-format-14 || command -v clang-format)
if git rev-parse --git-dir >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')
else
    mapfile -t files < <(find app ui tests bench -name '*.cpp' -o -name '*.h' 2>/dev/null)
fi
if [ ${#files[@]} -eq 0 ]; then
    echo "no C++ files found under $1" >&2
    exit 1
fi
"$formatter" --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files follow .clang-format"
