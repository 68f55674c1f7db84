"""Every example in `slant COMMAND --help` works when pasted: each is run, as a user would
run it from the repository root, in a scratch directory that has the repository's corpus/,
lexicons/ and tests/ and the binary first on PATH. Usage: help_examples.py BUILD_DIR."""
import os
import re
import subprocess
import sys
import tempfile

build = os.path.abspath(sys.argv[1])
root = os.getcwd()
failures, ran = [], 0


def examples(command):
    text = subprocess.run([os.path.join(build, "slant"), command, "--help"],
                          capture_output=True, text=True).stdout
    block = re.split(r"^examples?:\n", text, flags=re.M)
    if len(block) < 2:
        return []
    out, pending = [], ""
    for line in block[1].split("\n"):
        if not line.strip():
            if pending:
                break
            continue
        if not line.startswith("  "):
            break
        line = re.sub(r"\s{2,}#.*$", "", line.strip())  # a trailing comment
        pending = f"{pending} {line}" if pending else line
        if pending.endswith("\\"):  # a shell line continuation
            pending = pending[:-1].rstrip()
        elif not pending.endswith("|"):
            out.append(pending)
            pending = ""
    return out


with tempfile.TemporaryDirectory() as work:
    for name in ("corpus", "lexicons", "tests"):
        os.symlink(os.path.join(root, name), os.path.join(work, name))
    env = dict(os.environ, PATH=f"{build}:{os.environ['PATH']}")
    for command in ("score", "compare", "merge", "explain", "report", "lexicon", "calibrate",
                    "kwic", "keyness"):
        for ex in examples(command):
            ex = ex.replace("/tmp/", work + "/out-")  # keep the scratch directory the only place written
            r = subprocess.run(ex, shell=True, cwd=work, env=env, capture_output=True, text=True)
            ran += 1
            if r.returncode != 0:
                failures.append(f"slant {command}: `{ex}` exits {r.returncode}: {r.stderr[:300]}")
print("\n".join(failures))
print(f"{ran} examples run, {len(failures)} failed")
sys.exit(1 if failures or ran < 15 else 0)
