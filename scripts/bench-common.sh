# Shared steps of the benchmark scripts; sourced, not run. Expects BUILD_DIR, PYTHON and
# RESULTS to be set. Checks for SciPy, builds the main classes with the benchmark sources
# (Maven profile 'bench'), sets CLASSPATH, creates RESULTS, and prints the common machine
# lines (date, cpu, load, java) on standard output.

if ! "$PYTHON" -c 'import scipy' 2>/dev/null; then
    echo "SciPy missing for $PYTHON: apt-get install -y python3-scipy" >&2
    exit 2
fi

mvn -q -B -P bench -DskipTests -Dcheckstyle.skip -Dorbifold.buildDir="$BUILD_DIR" \
    compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt"
CLASSPATH="$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
mkdir -p "$RESULTS"

machine_lines() {
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
}
