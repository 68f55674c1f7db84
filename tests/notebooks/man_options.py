"""Every command is in the manual page, and every option of every command's --help (and of
the lexicon subcommands') is in the command's OPTIONS OF section of docs/slant.1, or in a
section that one names on a '.\\" shared: A, B' line. Usage: man_options.py BUILD_DIR.
Ends with "N passed, N failed"."""
import re
import subprocess
import sys

slant = sys.argv[1] + "/slant"
page = open("docs/slant.1", encoding="utf-8").read()
sections = {}
for m in re.finditer(r"^\.SH ([^\n]+)\n(.*?)(?=^\.SH |\Z)", page, flags=re.M | re.S):
    sections[m.group(1).strip().strip('"')] = m.group(2)

COMMANDS = {  # command -> the --help texts of it
    "score": [["score"]], "compare": [["compare"]], "merge": [["merge"]],
    "calibrate": [["calibrate"]], "report": [["report"]], "explain": [["explain"]],
    "kwic": [["kwic"]], "keyness": [["keyness"]],
    "lexicon": [["lexicon"], ["lexicon", "check"], ["lexicon", "list"], ["lexicon", "stats"],
                ["lexicon", "import"]],
}
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("man FAIL:", what)


usage = subprocess.run([slant, "--help"], capture_output=True, text=True).stdout
listed = re.findall(r"^  ([a-z]+)  ", usage, flags=re.M)
check(sorted(listed) == sorted(COMMANDS), f"slant --help lists {listed}, the test knows {sorted(COMMANDS)}")
for cmd, helps in COMMANDS.items():
    name = f"OPTIONS OF {cmd.upper()}"
    check(name in sections, f"no section {name}")
    check(re.search(rf"^\.B {cmd}$", sections.get("COMMANDS", ""), flags=re.M) is not None,
          f"COMMANDS does not describe {cmd}")
    body = sections.get(name, "")
    for shared in re.findall(r'^\.\\" shared: (.+)$', body, flags=re.M):
        for other in shared.split(","):
            check(other.strip() in sections, f"{name} shares unknown section {other.strip()}")
            body += sections.get(other.strip(), "")
    text = body.replace("\\-", "-")
    for argv in helps:
        out = subprocess.run([slant] + argv + ["--help"], capture_output=True, text=True).stdout
        opts = sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", out)))
        check(bool(opts) or argv == ["lexicon"], f"slant {' '.join(argv)} --help names no option")
        for opt in opts:
            check(re.search(re.escape(opt) + r"([^a-z-]|$)", text, flags=re.M) is not None,
                  f"slant.1 {name} lacks {' '.join(argv)} {opt}")
check("Being written" not in page, "the page still says 'Being written'")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
