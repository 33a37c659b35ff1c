#!/usr/bin/env bash
# Fails when a bundle that is not a UI bundle depends on SWT, JFace, the workbench or JFreeChart's SWT part.
# Core bundles (protocol, lookup, host, voting, statistics models...) must run headless, on a server.
# UI bundles are named *.ui or *.ui.*; tests follow the bundle they test.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
UI_PATTERN='org\.eclipse\.swt|org\.eclipse\.jface|org\.eclipse\.ui|org\.eclipse\.e4\.ui|org\.jfree\.chart\.swt|org\.jfree\.swt'
bad=0
checked=0
for manifest in "$ROOT"/bundles/*/META-INF/MANIFEST.MF "$ROOT"/examples/*/META-INF/MANIFEST.MF "$ROOT"/examples/*/*/META-INF/MANIFEST.MF; do
  [ -f "$manifest" ] || continue
  bundle=$(basename "$(dirname "$(dirname "$manifest")")")
  case "$bundle" in
    *.ui|*.ui.*) continue ;;
  esac
  checked=$((checked + 1))
  # join continuation lines, then look only at the dependency headers
  hits=$(sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\{0,1\}\n //g' "$manifest" \
         | grep -E '^(Import-Package|Require-Bundle|DynamicImport-Package|Require-Capability):' \
         | grep -oE "$UI_PATTERN" | sort -u | tr '\n' ' ' || true)
  if [ -n "$hits" ]; then
    echo "check-headless-core: $bundle is not a UI bundle but depends on: $hits" >&2
    bad=1
  fi
done
if [ "$bad" -ne 0 ]; then
  echo "check-headless-core: move UI code into a *.ui bundle; core bundles must run without a display." >&2
  exit 1
fi
echo "check-headless-core: $checked core bundle(s) free of SWT, JFace, workbench and JFreeChart SWT"
