# Build step of the scripts that run a harness of src/jmh/java/org/orbifold/bench directly
# (scripts/iam-classification.sh, letter-classification.sh, prediction-time.sh,
# protein-selection.sh); sourced, not run. It defines functions only and runs nothing when
# sourced. (The benchmark scripts bench-*.sh share scripts/bench-common.sh instead.)
#
# Contract. The sourcing script sets root, the repository root, before calling a function.
#   bench_build  makes BUILD_DIR absolute (default $root/target), changes the working folder
#       to $root, compiles the main and benchmark classes with Maven's 'bench' profile into
#       BUILD_DIR (-q -B and MVN_FLAGS, e.g. -o; tests and checkstyle skipped), writes the
#       dependency class path to BUILD_DIR/bench-classpath.txt and sets bench_classpath to
#       BUILD_DIR/classes followed by that path. Maven's own output goes to standard error, so that the harness's
#       tables on standard output stay clean.
#   bench_machine  prints three lines: "date: <UTC minute>, commit <short HEAD>",
#       "cpu: <model name>, <n> cores" and "java: <first line of java -version>".

bench_build() {
    BUILD_DIR=$(realpath -m "${BUILD_DIR:-$root/target}")
    cd "$root"
    mvn -q -B ${MVN_FLAGS:-} -P bench -DskipTests -Dcheckstyle.skip -Dorbifold.buildDir="$BUILD_DIR" \
        compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" \
        >&2
    bench_classpath="$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
}

bench_machine() {
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
    echo "java: $(java -version 2>&1 | head -1)"
}
