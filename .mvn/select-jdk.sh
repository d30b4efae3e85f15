# Sourced by ./mvnw. Tollgate builds and runs on JDK 25, and some build plugins (Vaadin's) need Maven itself
# on a recent JDK. When JAVA_HOME is unset and the default `java` is older than 25, pick an installed JDK 25+.
tollgate_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME-}" ]; then
  default_java=$(command -v java || true)
  if [ -z "$default_java" ] || [ "$(tollgate_java_major "$default_java")" -lt 25 ] 2>/dev/null; then
    set +f # mvnw runs with globbing off
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      if [ -x "$candidate/bin/javac" ] && [ "$(tollgate_java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
        JAVA_HOME=$candidate
        export JAVA_HOME
        break
      fi
    done
    set -f
    if [ -z "${JAVA_HOME-}" ]; then
      echo "Tollgate needs a JDK 25 or newer: install one (for example Temurin 25) or point JAVA_HOME at it." >&2
      exit 1
    fi
  fi
fi
