# Sourced by the project's scripts: points JAVA_HOME at a JDK 25 or newer, or says what to install.
# The machine's default java may be older; Camroll needs 25.

camroll_java_version() {
    # Prints the feature version of the JDK in $1 (e.g. 25), or nothing.
    # Read by bash itself: the launcher runs this on every command, and a process costs more.
    local release="$1/release" line version
    [ -f "$release" ] || return 0
    while IFS= read -r line; do
        if [[ $line == JAVA_VERSION=\"* ]]; then
            version="${line#JAVA_VERSION=\"}"
            version="${version%%[!0-9]*}"
            [ -n "$version" ] && echo "$version"
            return 0
        fi
    done <"$release"
}

camroll_find_java() {
    local candidate version
    if [ -n "${JAVA_HOME:-}" ]; then
        version=$(camroll_java_version "$JAVA_HOME")
        if [ -n "$version" ] && [ "$version" -ge 25 ]; then
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/*temurin-25* /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
        [ -d "$candidate" ] || continue
        version=$(camroll_java_version "$candidate")
        if [ -n "$version" ] && [ "$version" -ge 25 ] && [ -x "$candidate/bin/java" ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "camroll: needs a Java 25 JDK (none found in JAVA_HOME or /usr/lib/jvm); install Temurin 25, e.g. the temurin-25-jdk package, or set JAVA_HOME" >&2
    return 1
}
