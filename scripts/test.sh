#!/usr/bin/env bash
# `npm test`: type-check, unit + integration tests on the embedded database, the same integration
# tests on PostgreSQL when TEST_DATABASE_URL is set, the lab tests when the labs are up
# (scripts/labs/*.sh), and the end-to-end tests in Chromium against a production build.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=$(mktemp -d)
status=0

run() { # name, then the command
  local name=$1; shift
  echo "== $name"
  "$@" || status=1
}

vitest() { # report-name, vitest args...
  local report=$1; shift
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$reports/$report.json"
}

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Debian's chromium for the browser tests"
    apt-get install -y -q -o DPkg::Lock::Timeout=600 chromium >/dev/null || { apt-get update -qq && apt-get install -y -q chromium >/dev/null; }
  else
    echo "Chromium is missing: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
  fi
fi

run "import cycles" node scripts/check-cycles.mjs
run "client boundary" node scripts/check-client-boundary.mjs
run "type check" npx tsc --noEmit -p .
run "lint" npm run lint --silent
run "unused exports and files (knip)" npm run unused --silent
run "unit + integration (embedded PGlite)" vitest pglite --project unit --project integration
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  run "integration (PostgreSQL)" vitest postgres --project integration
else
  echo "== integration (PostgreSQL): not run, TEST_DATABASE_URL is not set"
fi
if [ -n "${LAB_FRR_VTY_SOCKET:-}" ] || [ -n "${MAIL_LAB_IMAP_PORT:-}" ]; then
  run "labs (real FRR, BIRD, Dovecot)" vitest labs --project labs
else
  echo "== labs: not run; start them with scripts/labs/bgp-lab.sh up and scripts/labs/mail-lab.sh up, then eval their 'env'"
fi
# Built here, not inside the e2e set-up, so that a slow build cannot run into the server start-up limit.
run "build for the end-to-end tests" npx next build
run "end to end (Chromium, next start)" vitest e2e --project e2e

node scripts/test-summary.mjs "$reports"/*.json || status=1
rm -rf "$reports"
exit $status
