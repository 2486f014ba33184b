#!/bin/sh
# run-samples.sh — render every sample record with every template into out/.
# A document whose record lacks a part the template needs is skipped with
# the reason (hoso render --all); any other failure fails the run.
set -u
cd "$(dirname "$0")/.." || exit 1
mkdir -p out
records=$(ls samples/*.xml | grep -v '^samples/profile.xml$')
# shellcheck disable=SC2086
made=$(build/hoso render --all -p samples/profile.xml -o out/ $records)
status=$?
printf '%s\n' "$made" | sed 's/^/made: /'
exit $status
