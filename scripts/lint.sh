#!/usr/bin/env bash
# `make lint`: the code as .swift-format writes it (swift-format from the toolchain), and every Swift file under
# 250 lines, so that a file stays something a newcomer reads in one sitting. `make format` fixes the first.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive --parallel Sources Tests Package.swift
long=$(find Sources Tests -name '*.swift' -print0 | xargs -0 wc -l | awk '$2 != "total" && $1 >= 250 { print "  " $2 " (" $1 " lines)" }')
if [ -n "$long" ]; then
    echo "files of 250 lines or more (split them by type):"
    echo "$long"
    exit 1
fi
echo "lint: formatted, every Swift file under 250 lines"
