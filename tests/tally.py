"""The tally every Python test script of slant keeps.

Each check passes, or prints "NAME FAIL: what" and counts a failure; the script ends
with "N passed, N failed" (the line tests/run.sh adds up) and exits 1 if anything failed.
Scripts import it with tests/ on sys.path.
"""

import sys


class Tally:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        """Counts `ok`; on failure prints `what`. Returns `ok`."""
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"{self.name} FAIL:", what)
        return ok

    def finish(self, prefix=""):
        """Prints the summary line (after `prefix`) and exits."""
        print(f"{prefix}{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
