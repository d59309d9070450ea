#!/usr/bin/env bash
# Refresh resources/i18n/*.ts from the tr() strings in safety_desk/ui and the QT_TRANSLATE_NOOP() labels in
# safety_desk/domain (existing translations are kept).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find safety_desk/ui safety_desk/domain -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete "${sources[@]}" -ts resources/i18n/safety_desk_zh_CN.ts
