# Shared steps of scripts/scaling and scripts/compare: a corpus, an import, a server, a load.
# Sourced, not run. Each step prints what it measured on standard output as `key=value`.

# corpus N -> the path of a generated corpus of N projects (made once, kept in $WORK).
corpus() {
    local file="$WORK/corpus-$1.ndjson"
    if [ ! -s "$file" ]; then
        "$TOOL" bench corpus --docs "$1" --seed "${SEED:-2026}" > "$file.part"
        mv "$file.part" "$file"
    fi
    echo "$file"
}

# import BIN DATA FILE -> seconds=… rss_mb=… disk_mb=… (durable and searchable when it exits)
import() {
    local bin=$1 data=$2 file=$3 started ended
    rm -rf "$data"
    started=$(date +%s.%N)
    /usr/bin/time -o "$data.time" -f '%M' "$bin" --data-dir "$data" import --publish "$file" > /dev/null 2> "$data.import.log"
    ended=$(date +%s.%N)
    local kb
    kb=$(tail -n 1 "$data.time")
    echo "seconds=$(echo "$ended - $started" | bc) rss_mb=$(( ${kb:-0} / 1024 )) disk_mb=$(( $(du -sb "$data" | cut -f1) / 1000000 ))"
}

# serve BIN DATA PORT -> pid=… ready_s=… (the server keeps running in the background)
serve() {
    local bin=$1 data=$2 port=$3 started pid
    started=$(date +%s.%N)
    "$bin" --data-dir "$data" serve --no-seed --addr "127.0.0.1:$port" > "$data.serve.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/readyz" > /dev/null 2>&1; do
        kill -0 "$pid" 2> /dev/null || { echo "the server stopped; see $data.serve.log" >&2; return 1; }
        sleep 0.01
    done
    echo "pid=$pid ready_s=$(echo "$(date +%s.%N) - $started" | bc)"
}

# rss_mb PID -> the process's resident memory in MB
rss_mb() {
    echo $(( $(awk '/^VmRSS/ {print $2}' "/proc/$1/status") / 1024 ))
}

# load PORT CLIENTS -> one JSON line (searches/s, p50, p99 …)
load() {
    # shellcheck disable=SC2086 # LOAD_ARGS is a list of options
    "$TOOL" bench load --url "http://127.0.0.1:$1" --clients "$2" --seconds "${SECONDS_PER_RUN:-10}" --seed "${SEED:-2026}" ${LOAD_ARGS:-}
}

# field JSON KEY -> the number KEY of a flat JSON line
field() {
    echo "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"
}
