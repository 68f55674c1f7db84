#!/bin/sh
# The Slurm recipe of docs/batch.md on a real one-node cluster: slurmctld and slurmd
# (Debian's slurm-wlm) started here on 127.0.0.1 with a slurm.conf in a temporary
# directory (no systemd, no munge: AuthType=auth/none, SlurmUser=root, free ports), then
# tools/slurm/slant_map.sbatch as a job array and slant_reduce.sbatch after it
# (--dependency=afterok), compared byte for byte with one run over the whole corpus; a
# part missing, refused by the reduce job and rerun as one array index; a failed map that
# the reduce never runs after. Both daemons are stopped at the end (by their pids).
# Ends with "slurm: N passed, N failed"; without Slurm or root, says why it is skipped
# and ends "slurm: 0 passed, 0 failed". SLANT_BATCH_NO_ENGINES=1 skips it too.
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
SLANT="$PWD/$BUILD/slant"
CORPUS="$PWD/corpus/synthetic"
# shellcheck disable=SC2034 # read by tests/tally.sh
SUITE=slurm
# shellcheck disable=SC1091
. tests/tally.sh

skip() {
    echo "slurm: skipped: $*"
    finish
    exit 0
}
[ -z "${SLANT_BATCH_NO_ENGINES:-}" ] || skip "SLANT_BATCH_NO_ENGINES is set"
for c in slurmctld slurmd sbatch squeue scontrol sinfo; do
    command -v $c > /dev/null 2>&1 ||
        skip "'$c' is not installed (Debian's slurm-wlm: sh tools/setup.sh test)"
done
[ "$(id -u)" = 0 ] || skip "slurmd runs jobs as root here (SlurmUser=root): run as root"

tmp=$(mktemp -d)
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2> /dev/null; done
    for p in $pids; do # (each daemon gets 10 s to go)
        n=0
        while kill -0 "$p" 2> /dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
        kill -9 "$p" 2> /dev/null
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
limited() { timeout 120 "$@"; }
same() { cmp -s "$1" "$2" || { echo "  ($1 and $2 differ: $(cmp "$1" "$2" 2>&1 | head -c 200))"; return 1; }; }

# Two free TCP ports on 127.0.0.1, from the kernel.
ports=$(/usr/bin/python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
ctld_port=${ports% *}
d_port=${ports#* }
node=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/run"
cat > "$tmp/slurm.conf" <<EOF
ClusterName=slanttest
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/none
CredType=cred/none
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=4096 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"

slurmctld -D -c > "$tmp/log/slurmctld.out" 2>&1 &
pids="$!"
slurmd -D > "$tmp/log/slurmd.out" 2>&1 &
pids="$pids $!"
# The node is idle within 60 s, or the cluster did not come up.
n=0
until sinfo -h -o %T 2> /dev/null | grep -q '^idle'; do
    n=$((n + 1))
    if [ $n -ge 120 ]; then
        fail "the cluster came up (sinfo shows an idle node)"
        tail -n 5 "$tmp"/log/* 2> /dev/null
        finish
        exit 1
    fi
    sleep 0.5
done
ok

# Waits until none of the jobs named is pending or running (at most 180 s).
wait_jobs() {
    n=0
    while [ -n "$(squeue -h -j "$1" -o %i 2> /dev/null)" ]; do
        n=$((n + 1))
        [ $n -ge 360 ] && return 1
        sleep 0.5
    done
}
state() { scontrol show job "$1" 2> /dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' ' | sed 's/ $//'; }

# The whole, on one machine, for the comparisons.
"$SLANT" compare -q "$CORPUS" > "$tmp/whole.txt"
"$SLANT" compare -q -f json "$CORPUS" > "$tmp/whole.json"
"$SLANT" score -q "$CORPUS" | sort > "$tmp/whole.sorted"

# --- map (a job array) and reduce (after it), as docs/batch.md submits them ---------------
out="$tmp/run/out"
export CORPUS SLANT OUT="$out" SCORES=1
map=$(sbatch --parsable --array=1-4 --export=ALL -o "$tmp/run/map-%A_%a.log" tools/slurm/slant_map.sbatch)
check "sbatch: the map array is submitted" [ -n "$map" ]
red=$(sbatch --parsable --dependency="afterok:$map" --export=ALL,SHARDS=4 \
      -o "$tmp/run/reduce-%j.log" tools/slurm/slant_reduce.sbatch)
check "sbatch: the reduce step is submitted after it" [ -n "$red" ]
check "the jobs end (within 180 s)" wait_jobs "$map,$red"
check "every map task completed" [ "$(state "$map")" = COMPLETED ]
check "the reduce step completed" [ "$(state "$red")" = COMPLETED ]
check "Slurm: the merged comparison = the whole's, byte for byte" same "$out/comparison.txt" "$tmp/whole.txt"
"$SLANT" compare -q -f json "$out/merged.json" > "$tmp/merged.json.out"
check "... in JSON too" same "$tmp/merged.json.out" "$tmp/whole.json"
check "... and a report" has "<html" "$out/report.html"
zstd -q -dc "$out"/scores-*.jsonl.zst | sort > "$tmp/scores.sorted"
check "Slurm: the 4 score shards (zstd), sorted = the whole's records" same "$tmp/scores.sorted" "$tmp/whole.sorted"

# --- a part missing: the reduce job fails naming it; one index rerun; reduce again --------
rm "$out/part-3.json" "$out/comparison.txt"
red=$(sbatch --parsable --export=ALL,SHARDS=4 -o "$tmp/run/reduce2.log" tools/slurm/slant_reduce.sbatch)
wait_jobs "$red"
check "a part missing: the reduce job fails" [ "$(state "$red")" = FAILED ]
check "... naming the index to rerun" has "missing (rerun these array indices): 3" "$tmp/run/reduce2.log"
check "... and writes no comparison" [ ! -e "$out/comparison.txt" ]
# The one index rerun: N is the whole array's, so SHARDS says it (an array of one has 1).
map=$(sbatch --parsable --array=3 --export=ALL,SHARDS=4 -o "$tmp/run/map3-%A_%a.log" tools/slurm/slant_map.sbatch)
red=$(sbatch --parsable --dependency="afterok:$map" --export=ALL,SHARDS=4 \
      -o "$tmp/run/reduce3.log" tools/slurm/slant_reduce.sbatch)
wait_jobs "$map,$red"
check "index 3 rerun alone, then the reduce: completed" [ "$(state "$red")" = COMPLETED ]
check "... the comparison = the whole's, byte for byte" same "$out/comparison.txt" "$tmp/whole.txt"

# --- a map that fails: the reduce is never run --------------------------------------------
map=$(CORPUS="$tmp/no-such-corpus" OUT="$tmp/run/bad" sbatch --parsable --array=1-2 \
      --export=ALL -o "$tmp/run/bad-%A_%a.log" tools/slurm/slant_map.sbatch)
red=$(sbatch --parsable --dependency="afterok:$map" --export=ALL,OUT="$tmp/run/bad",SHARDS=2 \
      -o "$tmp/run/bad-reduce.log" tools/slurm/slant_reduce.sbatch)
wait_jobs "$map"
check "a map on a missing corpus: its tasks fail" [ "$(state "$map")" = FAILED ]
n=0
while [ "$(squeue -h -j "$red" -o %r 2> /dev/null)" != DependencyNeverSatisfied ] && [ $n -lt 60 ]; do
    sleep 0.5
    n=$((n + 1))
done
check "... and the reduce waits forever (DependencyNeverSatisfied), never run" \
    [ "$(squeue -h -j "$red" -o %r 2> /dev/null)" = DependencyNeverSatisfied ]
scancel "$red" 2> /dev/null
check "... no merged output" [ ! -e "$tmp/run/bad/merged.json" ]

finish
