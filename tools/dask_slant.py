#!/usr/bin/python3
"""Runs slant over a corpus on a Dask cluster: one task per shard, reduced on the client.

    tools/dask_slant.py [--scheduler ADDR | --scheduler-file FILE | --local N]
                        --shards N [--slant PATH] [-o FILE] score|compare -- SLANT-ARGS...

score    each task runs `slant score --shard K/N SLANT-ARGS` on a worker; the client
         writes the shards' records one after the other (shard 1 first). Sorted, they are
         the records of `slant score SLANT-ARGS`, line for line (docs/batch.md).
compare  each task runs `slant compare --partial --shard K/N SLANT-ARGS`; the client
         merges the partials with `slant merge` into FILE (a partial: `slant compare
         FILE` or `slant report FILE` read it), exactly the data of the whole corpus.

The cluster: --scheduler tcp://HOST:PORT or --scheduler-file joins a running one (started
with dask-scheduler and dask-worker, or by a job system); --local N starts N worker
processes on this machine, on 127.0.0.1. Workers must see the corpus and the slant binary
at the same paths (a shared file system, as on a Slurm cluster); results come back
through Dask, so the client needs no shared disk. A shard that fails (its slant exits
with 2 or more, or is killed) is retried by Dask on another worker up to --retries times;
the whole run fails if one never succeeds, and nothing is written then.

Exit status: slant merge's, or the worst shard's (1 when some input was skipped with an
error in some shard), 2 for a usage error.
"""

import argparse
import os
import subprocess
import sys
import tempfile


def run_shard(slant, mode, k, n, args):
    """On a worker: one shard. Returns (k, status, output bytes, stderr text)."""
    with tempfile.TemporaryDirectory(prefix="slant-shard-") as tmp:
        out = os.path.join(tmp, "out")
        if mode == "score":
            cmd = [slant, "score", "-q", "--shard", f"{k}/{n}", "-o", out] + args
        else:
            cmd = [slant, "compare", "-q", "--partial", "--shard", f"{k}/{n}", "-o", out] + args
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if p.returncode >= 2:
            # 2 usage, 3 nothing, 4 disk, signals: a failed task (Dask retries it)
            raise RuntimeError(f"shard {k}/{n}: slant exited with {p.returncode}: "
                               + p.stderr.decode("utf-8", "replace").strip())
        with open(out, "rb") as f:
            data = f.read()
        return k, p.returncode, data, p.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:PORT)")
    where.add_argument("--scheduler-file", help="the scheduler's file (dask-scheduler --scheduler-file)")
    where.add_argument("--local", type=int, metavar="N", help="start N local worker processes")
    ap.add_argument("--shards", type=int, required=True, help="how many shards (tasks)")
    ap.add_argument("--slant", default="slant", help="the slant binary, as the workers see it")
    ap.add_argument("--retries", type=int, default=2, help="retries of a failed shard (default 2)")
    ap.add_argument("-o", "--output", help="the result (default: standard output)")
    ap.add_argument("mode", choices=["score", "compare"])
    ap.add_argument("args", nargs=argparse.REMAINDER, help="slant's own arguments, after --")
    a = ap.parse_args()
    args = a.args[1:] if a.args[:1] == ["--"] else a.args
    if a.shards < 1 or not args:
        ap.error("need --shards N >= 1 and the inputs")

    from dask.distributed import Client, LocalCluster

    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    elif a.scheduler_file:
        client = Client(scheduler_file=a.scheduler_file)
    else:
        cluster = LocalCluster(n_workers=a.local or 2, threads_per_worker=1,
                               host="127.0.0.1", dashboard_address=None, processes=True)
        client = Client(cluster)
    slant = os.path.abspath(a.slant) if os.sep in a.slant else a.slant
    try:
        futures = [client.submit(run_shard, slant, a.mode, k, a.shards, args,
                                 key=f"slant-{a.mode}-shard-{k}-of-{a.shards}",
                                 retries=a.retries, pure=False)
                   for k in range(1, a.shards + 1)]
        try:
            results = sorted(client.gather(futures))
        except Exception as e:  # a shard failed on every try: nothing is written
            sys.stderr.write(f"dask_slant: {e}\n")
            return 1
    finally:
        client.close()
        if cluster:
            cluster.close()

    status = 0
    for k, rc, _, err in results:
        if err.strip():
            sys.stderr.write(err)
        status = max(status, rc)
    if a.mode == "score":
        data = b"".join(r[2] for r in results)
        if a.output:
            tmp = a.output + ".tmp"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, a.output)
        else:
            sys.stdout.buffer.write(data)
        return status
    with tempfile.TemporaryDirectory(prefix="slant-merge-") as tmp:
        paths = []
        for k, _, data, _ in results:
            path = os.path.join(tmp, f"shard-{k}.json")
            with open(path, "wb") as f:
                f.write(data)
            paths.append(path)
        cmd = [slant, "merge"] + (["-o", a.output] if a.output else []) + paths
        rc = subprocess.run(cmd).returncode
    return rc or status


if __name__ == "__main__":
    sys.exit(main())
