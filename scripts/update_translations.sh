#!/usr/bin/env bash
# Refresh resources/i18n/*.ts from the tr() strings in safety_desk/ui (existing translations are kept).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find safety_desk/ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete "${sources[@]}" -ts resources/i18n/safety_desk_zh_CN.ts
