#!/usr/bin/env bash
# Fails when an exported API package changed without the package version that says so (bnd baseline's rules):
# removed or changed signatures need the next major version, added ones the next minor version. The API of
# each bundle under bundles/ is recorded in releng/api/<bundle>.api; the check reads the compiled classes
# (bundles/*/target/classes), so it runs after the build. Run by ./sideline test.
#
#   releng/check-api.sh            check
#   releng/check-api.sh --update   rewrite releng/api/ from the compiled classes (after a deliberate change and its bump)
#
# The rules and how to bump: docs/developing.md, "API versions". The check itself: releng/CheckApi.java.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA=$JAVA_HOME/bin/java
else
  . "$ROOT/features/io.sideline.rcp.feature/rootfiles/lib/find-java.sh"
  JAVA=$(sideline_find_java)
fi
exec "$JAVA" -Dsideline.root="$ROOT" "$ROOT/releng/CheckApi.java" "$@"
