"""The HTML report of 3, 5 and 30 sources in a real browser (Chromium headless through
Selenium and chromium-driver), at a 1280x900 viewport:

  - nothing is wider than the viewport: the page does not scroll sideways
    (document.documentElement.scrollWidth <= innerWidth), and every element outside a
    table's scrolling container ends inside it; a table wider than its container makes
    the container scroll (overflow-x auto, scrollWidth > clientWidth), never the page;
  - every chart (svg.chart) has a nonzero size and lies inside the page's width;
  - the findings come first: the first finding is in the first screen, and before every
    table and chart in the document;
  - the 30-source report lists the top 10 findings and holds the rest in a closed
    <details>; its groups left out by --min-n are one line; its charts' colours are 30
    distinct ones.

The corpora are written here: articles of bench/gen_corpus.py's generator, each source's
articles given some more loaded words than the last, so that sources differ; the 30-source
corpus also has 14 sources of 2 articles (left out by --min-n). Screenshots of the first
screen go to BUILD/test-output/report-{3,5,30}.png (and report-30-rates.png, scrolled to
the rate charts); their paths are printed.

When Chromium cannot start at all, the script says "skip" and why, and counts nothing.
Usage: browser.py BUILD_DIR. Ends with "browser: N passed, N failed"."""
import json
import os
import random
import subprocess
import sys
import tempfile

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.abspath(os.path.join(BUILD, "slant"))
OUT = os.path.abspath(os.path.join(BUILD, "test-output"))
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from tally import Tally  # noqa: E402
import gen_corpus  # noqa: E402

TALLY = Tally("browser")
check = TALLY.check
WIDTH, HEIGHT = 1280, 900
LOADED = ["radical", "extremist", "regime", "allegedly", "brutal", "so-called"]
SUFFIX = ["Daily", "Herald", "Wire", "Courier Gazette and Evening Post"]


def corpus(path, nsources, per, small=0):
    """`nsources` sources of `per` articles, source k with more loaded words than k - 1;
    and `small` sources of 2 articles."""
    gen = gen_corpus.Generator(7)
    rng = random.Random(3)
    index = 0
    with open(path, "w", encoding="utf-8") as f:
        for k in range(nsources + small):
            name = "Outlet %02d %s" % (k + 1, SUFFIX[k % 4])
            for _ in range(per if k < nsources else 2):
                index += 1
                a = gen.article(index)
                words = a["text"].split(" ")[:400]
                for _ in range(int(len(words) * 0.04 * k / max(1, nsources))):
                    words.insert(rng.randrange(len(words)), rng.choice(LOADED))
                a["text"] = " ".join(words)
                a["source"] = name
                f.write(json.dumps(a, ensure_ascii=False) + "\n")


# Everything measured in the page, at once: widths, charts, order, the first finding.
PROBE = r"""
const vw = window.innerWidth, vh = window.innerHeight;
const inScroll = el => el.closest('.scroll') !== null && !el.classList.contains('scroll');
const wide = [];
for (const el of document.querySelectorAll('body *')) {
  if (inScroll(el) || el.closest('details:not([open])') || el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5))
    wide.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
}
const scrolls = [...document.querySelectorAll('.scroll')].map(d => {
  const r = d.getBoundingClientRect();
  return {right: r.right, width: r.width, client: d.clientWidth, scroll: d.scrollWidth,
          overflow: getComputedStyle(d).overflowX,
          table: d.querySelector('table').getBoundingClientRect().width};
});
const charts = [...document.querySelectorAll('svg.chart')].filter(s => !s.closest('details:not([open])')).map(s => {
  const r = s.getBoundingClientRect();
  return {id: s.getAttribute('aria-labelledby'), left: r.left, right: r.right, width: r.width, height: r.height};
});
const first = document.querySelector('li[id^=finding-]');
const before = sel => [...document.querySelectorAll(sel)].every(
  el => first && (first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
const colours = [...document.querySelectorAll('#chart-rate-1-title ~ circle, svg[aria-labelledby^="chart-rate-1-"] circle')].map(c => c.getAttribute('fill'));
return {vw: vw, vh: vh, scrollWidth: document.documentElement.scrollWidth, wide: wide,
        scrolls: scrolls, charts: charts,
        firstTop: first ? first.getBoundingClientRect().top + window.scrollY : null,
        firstBeforeTables: before('table'), firstBeforeCharts: before('svg'),
        listed: document.querySelectorAll('#differences > ol.findings > li').length,
        closed: document.querySelectorAll('#differences details.more li[id^=finding-]').length,
        leftOut: [...document.querySelectorAll('#sources p.left-out')].map(p => p.textContent),
        colours: colours};
"""


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--disable-background-networking", "--disable-sync",
              "--disable-component-update", "--hide-scrollbars", f"--window-size={WIDTH},{HEIGHT}"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(120)
    # the viewport itself, whatever the window's decorations
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1,
                            "mobile": False})
    return driver


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="slant-browser-")
    try:
        import selenium  # noqa: F401
    except ImportError:
        check(False, "the browser test needs python3-selenium (tools/setup.sh test installs it)")
        TALLY.finish("browser: ")
    for need in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.access(need, os.X_OK):
            check(False, f"the browser test needs {need} (tools/setup.sh test installs it)")
            TALLY.finish("browser: ")
    try:
        driver = start_browser()
    except Exception as e:  # installed, but Chromium cannot start on this machine
        # one line, so that tests/run.sh shows the reason with the count
        reason = (str(e).splitlines() or [type(e).__name__])[0][:200]
        print(f"browser: skip, chromium could not start ({reason}): 0 passed, 0 failed")
        return 0
    try:
        for n, per, small in ((3, 12, 0), (5, 12, 0), (30, 10, 14)):
            src = os.path.join(tmp, f"c{n}.jsonl")
            corpus(src, n, per, small)
            page = os.path.join(tmp, f"report-{n}.html")
            r = subprocess.run([SLANT, "report", "-q", "--format", "html", "--snippets", "1",
                                "--resamples", "200", "-o", page, src], capture_output=True)
            if not check(r.returncode == 0, f"{n} sources: slant report runs ({r.stderr[-300:]!r})"):
                continue
            driver.get("file://" + page)
            m = driver.execute_script(PROBE)
            check(m["vw"] == WIDTH and m["vh"] == HEIGHT, f"{n} sources: the viewport is {WIDTH}x{HEIGHT} ({m['vw']}x{m['vh']})")
            check(m["scrollWidth"] <= m["vw"],
                  f"{n} sources: the page does not scroll sideways (scrollWidth {m['scrollWidth']} <= {m['vw']})")
            check(not m["wide"], f"{n} sources: nothing outside a table's container is wider than the viewport: {m['wide'][:4]}")
            bad = [s for s in m["scrolls"] if s["right"] > m["vw"] + 0.5 or
                   (s["table"] > s["client"] + 1 and not (s["overflow"] == "auto" and s["scroll"] > s["client"]))]
            check(m["scrolls"] and not bad,
                  f"{n} sources: every table's container fits and scrolls when its table is wider ({len(m['scrolls'])} tables; {bad[:2]})")
            if n == 30:
                check(any(s["table"] > s["client"] + 1 for s in m["scrolls"]),
                      "30 sources: the table of means is wider than the page, and scrolls inside its container")
            badc = [c for c in m["charts"] if not (c["width"] > 0 and c["height"] > 0 and
                                                  c["left"] >= -0.5 and c["right"] <= m["vw"] + 0.5)]
            check(m["charts"] and not badc,
                  f"{n} sources: every chart has a size and lies inside the page ({len(m['charts'])} charts; {badc[:2]})")
            check(m["firstTop"] is not None and m["firstTop"] < HEIGHT,
                  f"{n} sources: the first finding is on the first screen (top {m['firstTop']})")
            check(m["firstBeforeTables"] and m["firstBeforeCharts"],
                  f"{n} sources: the findings come before every table and chart")
            cols = m["colours"]
            check(len(cols) == n and len(set(cols)) == n,
                  f"{n} sources: the rate chart has {n} dots in {n} distinct colours ({len(set(cols))})")
            if n == 30:
                check(m["listed"] == 10 and m["closed"] > 0,
                      f"30 sources: 10 findings listed, the rest closed ({m['listed']}, {m['closed']})")
                check(len(m["leftOut"]) == 1 and m["leftOut"][0].startswith(
                    "14 sources with fewer than 5 articles left out (--min-n): Outlet 31 ") and
                    m["leftOut"][0].endswith(" and 3 more."),
                    f"30 sources: the sources left out in one line ({m['leftOut']})")
            shot = os.path.join(OUT, f"report-{n}.png")
            if os.path.exists(shot):
                os.remove(shot)
            driver.save_screenshot(shot)
            check(os.path.getsize(shot) > 10000, f"{n} sources: screenshot {shot}")
            print(f"browser: screenshot {shot}")
            if n == 30:
                driver.execute_script("document.getElementById('h-rates').scrollIntoView()")
                shot = os.path.join(OUT, "report-30-rates.png")
                driver.save_screenshot(shot)
                print(f"browser: screenshot {shot}")
    finally:
        driver.quit()
        subprocess.run(["rm", "-rf", tmp])
    TALLY.finish("browser: ")


if __name__ == "__main__":
    sys.exit(main())
