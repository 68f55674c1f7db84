"""The report's Over time section (report --every month --split DATE) against compare's
JSON of the same data: the trend table's slopes and q-values, the period means of the
loaded-language index, the split table; the HTML page's charts (one line and one band per
source, a text alternative with every source's slope) and its contents entry. On the
generator's trend design. Usage: report_time.py BUILD_DIR. Ends "N passed, N failed"."""
import json
import os
import re
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

BUILD = sys.argv[1]
SLANT = BUILD + "/slant"
TALLY = Tally("report time")
check = TALLY.check


tmp = tempfile.mkdtemp(prefix="slant-report-time-")
corpus, scores = os.path.join(tmp, "trend.jsonl"), os.path.join(tmp, "scores.jsonl")
subprocess.run(["/usr/bin/python3", "bench/gen_corpus.py", "--design", "trend", "--mb", "0.5",
                "--seed", "3", corpus], check=True, capture_output=True)
with open(scores, "w") as f:
    subprocess.run([SLANT, "score", corpus], stdout=f, check=True)
opts = ["--every", "month", "--split", "2024-07-01"]


def run(*args):
    r = subprocess.run([SLANT] + list(args) + opts + [scores], capture_output=True, text=True)
    check(r.returncode == 0, "{} exits {}: {}".format(args, r.returncode, r.stderr[-300:]))
    return r.stdout


cmp = json.loads(run("compare", "--format", "json"))
md = run("report", "--format", "md")
html = run("report", "--format", "html")
text = run("report")

section = md[md.index("## Over time"):]
section = section[:section.index("\n## ", 5)]
rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in section.splitlines()
        if l.startswith("| ") and not l.startswith("| :")]
trend_rows = [r for r in rows if len(r) == 7 and r[2].isdigit()]
want = set()
for t in cmp["tables"]["trend"]:
    q = t["mk_q"]
    qs = "n/a" if q is None else "< 0.0001" if q < 0.0001 else "{:.4f}".format(q)
    slope = "n/a" if t["sen_slope"] is None else "{:.3g}".format(t["sen_slope"])
    want.add((t["group"], slope, qs))
check(len(trend_rows) >= 30, "the trend table has {} rows".format(len(trend_rows)))
missing = [r for r in trend_rows if (r[1], r[3].split(" [")[0].replace("\\", ""), r[6]) not in want]
check(not missing, "trend rows not in compare's JSON: {}".format(missing[:3]))
rise = [r for r in trend_rows if r[0] == "loaded-language index" and r[1] == "Rising Post"]
check(len(rise) == 1 and float(rise[0][3].split()[0]) > 0, "rising source's row: {}".format(rise))

means = {p["period"]: p["mean"] for p in cmp["tables"]["periods"]
         if p["group"] == "Rising Post" and p["indicator"] == "loaded_index"}
m = re.search(r"loaded-language index per month: mean per article.*?\n\n(.*?)\n\n", section,
              flags=re.S)
check(m is not None, "no period table of the loaded-language index")
if m:
    prow = [[c.strip() for c in l.strip().strip("|").split("|")] for l in m.group(1).splitlines()
            if re.match(r"\| \d{4}-\d{2} ", l)]
    check(len(prow) == 12, "period rows: {}".format(len(prow)))
    head = [c.strip() for c in m.group(1).splitlines()[0].strip().strip("|").split("|")]
    col = head.index("Rising Post")
    bad = [r for r in prow if r[col].split()[0] != "{:.2f}".format(means[r[0]])]
    check(not bad, "period means differ from compare: {}".format(bad[:2]))
check("Before and after 2024-07-01" in section, "no split table")
check("OVER TIME" in text and "Over time" not in text, "the text report's section")

check('<li><a href="#time">Over time</a></li>' in html, "no contents entry")
check('<section id="time"' in html, "no time section in the page")
svg = re.search(r'<svg[^>]*aria-labelledby="chart-time-1-title[^>]*>.*?</svg>', html, flags=re.S)
check(svg is not None, "no time chart")
if svg:
    s = svg.group(0)
    title = re.search(r"<title[^>]*>(.*?)</title>", s).group(1)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", s).group(1)
    check(title.startswith("Mean loaded-language index") and "2024-01 to 2024-12" in title,
          "chart title: " + title)
    for src in ("Rising Post", "Level Times", "Steady Courier"):
        check(src + ": Sen&#39;s slope" in desc, "desc lacks {}: {}".format(src, desc[:200]))
    check(len(re.findall(r'fill-opacity="0.15"', s)) == 3, "three CI bands")
    check(len(re.findall(r'stroke-width="2"', s)) == 3, "three lines")
    check(len(re.findall(r"<circle", s)) == 36, "a point per source and month")
TALLY.finish("report time: ")
