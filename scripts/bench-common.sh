# Shared steps of the benchmark scripts; sourced, not run. Expects BUILD_DIR and RESULTS to
# be set. Chooses the Python interpreter (PYTHON if set, else the first of `python3` on PATH
# and /usr/bin/python3 that imports scipy) and says which SciPy it has, builds the main
# classes with the benchmark sources (Maven profile 'bench'; MVN_FLAGS, e.g. -o, are passed
# to Maven), sets CLASSPATH, creates RESULTS, and prints the common machine lines (date, cpu,
# load, java) on standard output.

if [[ -z "${PYTHON:-}" ]]; then
    for candidate in "$(command -v python3 || true)" /usr/bin/python3; do
        if [[ -n "$candidate" ]] && "$candidate" -c 'import scipy' 2>/dev/null; then
            PYTHON=$candidate
            break
        fi
    done
fi
if [[ -z "${PYTHON:-}" ]] || ! "$PYTHON" -c 'import scipy' 2>/dev/null; then
    echo "SciPy missing for ${PYTHON:-python3 on PATH and /usr/bin/python3}:" \
        "apt-get install -y python3-scipy, or set PYTHON to an interpreter that has it" >&2
    exit 2
fi
echo "python for SciPy: $PYTHON, scipy $("$PYTHON" -c 'import scipy; print(scipy.__version__)')" >&2

# shellcheck disable=SC2086
mvn -q -B ${MVN_FLAGS:-} -P bench -DskipTests -Dcheckstyle.skip -Dorbifold.buildDir="$BUILD_DIR" \
    compile dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt"
CLASSPATH="$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
mkdir -p "$RESULTS"

machine_lines() {
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
}
