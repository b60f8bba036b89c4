# Shared steps of the hold-out experiment scripts (scripts/protein-prototypes.sh,
# scripts/aids-glvq-medoids.sh, scripts/letter-glvq-medoids.sh, scripts/mlp-selection.sh,
# scripts/letter-glvq-longer.sh, scripts/letter-glvq-laplacian.sh); sourced, not run. It
# defines functions only and runs nothing when sourced.
#
# Contract. The sourcing script sets, before calling a function:
#   root  the repository root (the jar is built there);
#   out   the run folder (absolute);
#   grid  an array of "name|classify options" entries, one per validation setting, in the
#         order of the script's rule (needed by options_of, holdout_names, holdout_validate).
# Each script keeps its own grid, rule, distance settings, test phase and refusals; this file
# only reads and writes the files those name.
#
#   holdout_jar [MVN_OPTION...]  creates $out and sets jar to $JAR, default $out/orbifold.jar;
#       if that file is missing, packages the working tree with Maven (-q -B, the options
#       given, -DskipTests -Dcheckstyle.skip), copies target/orbifold.jar there and prints
#       "built JAR at commit C".
#   options_of NAME  prints the options of the grid entry NAME; exits 1 if there is none.
#   holdout_names  prints the grid's names, space-separated, in grid order.
#   timed LOG ARG...  runs `java -jar $jar classify ARG...` (standard output discarded) and
#       writes to LOG: "load before: <loadavg>", "process: W s wall, U s user, S s system",
#       "load after: <loadavg>".
#   holdout_validate DIR LABEL TRAIN VALID BASE_OPTION...  for every grid entry whose
#       DIR/valid-NAME.json is missing: prints "HH:MM:SS LABELNAME" and runs
#       timed DIR/valid-NAME.log --train TRAIN --test VALID BASE_OPTION... OPTIONS
#       --out DIR/valid-NAME.json, then prints the log's last 3 lines; an entry whose JSON
#       exists is skipped with "LABELNAME: done before, kept".
#   holdout_choose ROW_FORMAT GROUP...  with GROUP "HEADER|DIR|CHOSEN|NAME NAME ...": per
#       group, prints HEADER (if not empty), one line per NAME formatted by the Python format
#       string ROW_FORMAT (fields name, correct, n, percent, cpu, wall, load, read from
#       DIR/valid-NAME.json and DIR/valid-NAME.log), then "  chosen: NAME" and writes that
#       NAME and a newline to DIR/CHOSEN. The chosen NAME has the most correct validation
#       graphs, ties to the NAME listed first. cpu is the log's user plus system seconds, wall
#       its first wall time, load its load averages joined by "/".
#   holdout_level_phases PHASE NAME_WIDTH  runs the phase of a per-level script: validate (every
#       level's grid on validation.cxl), choose (the table and each level's chosen setting,
#       names padded to NAME_WIDTH), or test (each level's chosen setting fitted on train.cxl
#       and test.cxl predicted once, refused when test.* exists or when tested_in names the
#       section that tested the setting before). The sourcing script also sets letter (the
#       folder of the level folders) and levels (an array), and defines level_grid LEVEL
#       (sets grid), tested_in LEVEL NAME (prints a section or nothing) and common (prints
#       the options every setting shares).

holdout_jar() {
    mkdir -p "$out"
    jar="${JAR:-$out/orbifold.jar}"
    if [ ! -f "$jar" ]; then
        (cd "$root" && mvn -q -B "$@" -DskipTests -Dcheckstyle.skip package)
        cp "$root/target/orbifold.jar" "$jar"
        echo "built $jar at commit $(git -C "$root" rev-parse --short HEAD)"
    fi
}

options_of() {
    local entry
    for entry in "${grid[@]}"; do
        if [ "${entry%%|*}" = "$1" ]; then
            echo "${entry#*|}"
            return
        fi
    done
    echo "unknown setting $1" >&2
    exit 1
}

holdout_names() {
    local names=()
    local entry
    for entry in "${grid[@]}"; do
        names+=("${entry%%|*}")
    done
    echo "${names[*]}"
}

timed() {
    local log="$1"
    shift
    echo "load before: $(cat /proc/loadavg)" >"$log"
    /usr/bin/time -a -o "$log" -f "process: %e s wall, %U s user, %S s system" \
        java -jar "$jar" classify "$@" >/dev/null
    echo "load after: $(cat /proc/loadavg)" >>"$log"
}

holdout_validate() {
    local dir="$1" label="$2" train="$3" valid="$4"
    shift 4
    local entry name opts
    mkdir -p "$dir"
    for entry in "${grid[@]}"; do
        name="${entry%%|*}"
        read -r -a opts <<<"${entry#*|}"
        if [ -f "$dir/valid-$name.json" ]; then
            echo "$label$name: done before, kept"
            continue
        fi
        echo "$(date -u +%H:%M:%S) $label$name"
        timed "$dir/valid-$name.log" --train "$train" --test "$valid" "$@" "${opts[@]}" \
            --out "$dir/valid-$name.json"
        tail -3 "$dir/valid-$name.log"
    done
}

holdout_choose() {
    python3 - "$@" <<'EOF'
import json, re, sys
row, groups = sys.argv[1], sys.argv[2:]
def read(folder, name):
    with open(f"{folder}/valid-{name}.json") as f:
        d = json.load(f)
    with open(f"{folder}/valid-{name}.log") as f:
        log = f.read()
    cpu = sum(float(x) for x in re.findall(r"([0-9.]+) s (?:user|system)", log))
    wall = re.search(r"([0-9.]+) s wall", log)
    loads = re.findall(r"load (?:before|after): ([0-9.]+)", log)
    correct, n = d["correct"], d["evaluated"]
    return dict(name=name, correct=correct, n=n, percent=100.0 * correct / n, cpu=cpu,
                wall=float(wall.group(1)) if wall else None, load="/".join(loads))
for group in groups:
    header, folder, chosen, names = group.split("|", 3)
    if header:
        print(header)
    best = None
    for name in names.split():
        fields = read(folder, name)
        print(row.format(**fields))
        if best is None or fields["correct"] > best[1]:
            best = (name, fields["correct"])
    print(f"  chosen: {best[0]}")
    with open(f"{folder}/{chosen}", "w") as f:
        f.write(best[0] + "\n")
EOF
}

holdout_level_choose() {
    local level
    local row="  {name:${1}s} {correct:3d}/{n} = {percent:6.2f} %"
    row+="   {cpu:6.1f} s CPU  {wall:6.1f} s wall   load {load}"
    for level in "${levels[@]}"; do
        level_grid "$level"
        holdout_choose "$row" "$level:|$out/$level|chosen|$(holdout_names)"
    done
}

holdout_level_phases() {
    local phase="$1" width="$2" level name before base opts
    case "$phase" in
        validate)
            for level in "${levels[@]}"; do
                level_grid "$level"
                read -r -a base <<<"$(common)"
                holdout_validate "$out/$level" "$level " "$letter/$level/train.cxl" \
                    "$letter/$level/validation.cxl" "${base[@]}"
            done
            ;;
        choose)
            holdout_level_choose "$width"
            ;;
        test)
            holdout_level_choose "$width" >/dev/null
            for level in "${levels[@]}"; do
                level_grid "$level"
                name="$(cat "$out/$level/chosen")"
                before="$(tested_in "$level" "$name")"
                if [ -n "$before" ]; then
                    echo "$level: chosen $name, tested before in section $before; not again"
                    continue
                fi
                if [ -f "$out/$level/test.json" ] || [ -f "$out/$level/test.log" ]; then
                    echo "$level: test split already evaluated ($out/$level/test.*); not again"
                    continue
                fi
                read -r -a base <<<"$(common)"
                read -r -a opts <<<"$(options_of "$name")"
                echo "$(date -u +%H:%M:%S) test $level: $name"
                timed "$out/$level/test.log" --train "$letter/$level/train.cxl" \
                    --test "$letter/$level/test.cxl" "${base[@]}" "${opts[@]}" \
                    --out "$out/$level/test.json"
                cat "$out/$level/test.log"
                python3 - "$out/$level/test.json" "$level" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    d = json.load(f)
print(f"{sys.argv[2]}: test {d['correct']}/{d['evaluated']} = {100 * d['accuracy']:.2f} %")
PY
            done
            ;;
        *)
            echo "unknown phase $phase" >&2
            exit 2
            ;;
    esac
}
