#!/usr/bin/env bash
# A federation's path, end to end, on what the build just made: the example sport plugin (examples/), built
# only against the published sport API, installs from the Sideline update site (releng/io.sideline.site)
# into a copy of the built installation with the p2 director, and the installation then offers the sport.
# Run by ./sideline test after the Maven build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SITE="$ROOT/releng/io.sideline.site/target/repository"
PRODUCT="$ROOT/releng/io.sideline.product/target/products/io.sideline.workbench/linux/gtk/x86_64/sideline"
EXAMPLE="$ROOT/examples/io.sideline.example.volleyball/META-INF/MANIFEST.MF"
fail() { echo "p2 install: FAILED: $*" >&2; exit 1; }

[ -d "$SITE" ] || fail "no update site at $SITE (run the build first)"
[ -x "$PRODUCT/sideline" ] || fail "no installation at $PRODUCT (run the build first)"

# 1. the example uses nothing of Sideline but the published sport API
deps=$(sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\{0,1\}\n //g' "$EXAMPLE" | grep -E '^(Import-Package|Require-Bundle):' || true)
others=$(echo "$deps" | grep -oE 'io\.sideline\.[a-z.]+' | grep -vx 'io.sideline.sport.api' || true)
[ -z "$others" ] || fail "the example depends on more than the published API: $others"

# 2. install it from the update site into a copy of the installation, as the p2 director does for users
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$PRODUCT" "$work/"
tycho=$(grep -oE 'tycho.version=[^ ]+' "$ROOT/.mvn/maven.config" | cut -d= -f2)
if ! (cd "$ROOT" && ./mvnw -B -q -N "org.eclipse.tycho:tycho-p2-director-plugin:$tycho:director" \
      -Ddestination="$work/sideline" -Drepositories="file://$SITE" \
      -DinstallIUs=io.sideline.example.feature.feature.group -Dprofile=DefaultProfile > "$work/director.log" 2>&1); then
  cat "$work/director.log" >&2
  fail "the p2 director could not install the example from $SITE"
fi
# (no "ls | grep -q" under pipefail: grep leaving early kills ls with SIGPIPE and the check fails at random)
compgen -G "$work/sideline/plugins/io.sideline.example.volleyball_*" > /dev/null || fail "the example's bundle is not in plugins/:
$(ls "$work/sideline/plugins")
director log:
$(cat "$work/director.log")"

# 3. the installation offers the sport, beside the ones it came with
listing=$("$work/sideline/sideline" sports) || fail "./sideline sports failed in the installation: $listing"
grep -qE '^volleyball +Volleyball' <<< "$listing" || fail "the installed sport is not offered:
$listing"
grep -qE '^football ' <<< "$listing" || fail "football is gone after the install:
$listing"
echo "p2 install: the example sport plugin installed from the update site, and the installation offers volleyball"
