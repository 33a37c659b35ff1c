# Finds a Java 21+ runtime for Sideline. Sourced by ./sideline in the source tree and in an installation.
# sideline_find_java prints the path of a java executable, or explains what is missing and fails.

sideline_java_major() {
  local java=$1 home release v
  home=$(dirname "$(dirname "$(readlink -f "$java")")")
  release=$home/release
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
  else
    v=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

sideline_find_java() {
  local candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $(command -v java 2>/dev/null) \
      /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(sideline_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Sideline needs Java 21 or newer and found none." >&2
  echo "Install one (for example Temurin 25) and point JAVA_HOME at it." >&2
  return 1
}

# prints the JDK home of a java executable
sideline_java_home() {
  dirname "$(dirname "$(readlink -f "$1")")"
}
