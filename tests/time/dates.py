"""slant's date parser (analyzer/date.c, through build/time_driver) against Python's own:
datetime.fromisoformat for ISO 8601, email.utils.parsedate_to_datetime for RFC 2822 and
datetime.strptime for the written forms, on thousands of dates (leap days, the ends of
months and years, 1900 to 2099) in every form, then on mutations of them: whatever slant
accepts, Python reads as the same calendar day; what slant refuses on purpose (two-digit
years, 07/31/2020) is listed. Usage: dates.py BUILD_DIR. Ends "N passed, N failed"."""
import datetime
import email.utils
import os
import random
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

DRIVER = sys.argv[1] + "/time_driver"
EPOCH = datetime.date(1970, 1, 1)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
shown = 0
TALLY = Tally("dates")
check = TALLY.check


class group:
    """Cases judged together: each failing case is printed (up to 30 in all), and the
    group counts as one check."""
    def __init__(self, name):
        self.name, self.bad, self.n = name, 0, 0

    def case(self, ok, what):
        global shown
        self.n += 1
        if not ok:
            self.bad += 1
            if shown < 30:
                shown += 1
                print("dates FAIL:", what)

    def done(self):
        check(self.bad == 0 and self.n > 0, "{}: {} of {} cases".format(self.name, self.bad, self.n))


def ask(strings):
    """slant's day of each string, or None."""
    text = "".join("date " + s + "\n" for s in strings)
    out = subprocess.run([DRIVER], input=text, capture_output=True, text=True, check=True)
    return [int(l.split()[1]) if l.startswith("ok") else None for l in out.stdout.splitlines()]


def python_day(s, how):
    """Python's calendar day of `s` read `how`, or None when Python refuses it."""
    try:
        if how == "iso":
            d = datetime.datetime.fromisoformat(s).date()
        elif how == "rfc":
            d = email.utils.parsedate_to_datetime(s).date()
        else:
            d = datetime.datetime.strptime(s.strip(), how).date()
    except (ValueError, TypeError, IndexError):
        return None
    return (d - EPOCH).days


def forms(d, rng):
    """(string, how Python reads it) for date d in every form slant documents."""
    mon, wd = MONTHS[d.month - 1], DAYS[d.weekday()]
    hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    off = "{}{:02d}{:02d}".format(rng.choice("+-"), rng.randrange(15), rng.choice([0, 30, 45]))
    iso = d.isoformat()
    yield iso, "iso"
    yield "{}T{:02d}:{:02d}".format(iso, hh, mm), "iso"
    yield "{}T{:02d}:{:02d}:{:02d}Z".format(iso, hh, mm, ss), "iso"
    yield "{} {:02d}:{:02d}:{:02d}.{}{}".format(iso, hh, mm, ss, rng.randrange(1000),
                                                off[:3] + ":" + off[3:]), "iso"
    yield "{}T{:02d}:{:02d}:{:02d}{}".format(iso, hh, mm, ss, off), "iso"
    yield "{}T{:02d}:{:02d}{}".format(iso, hh, mm, off[:3]), "iso"
    yield "{}, {} {} {} {:02d}:{:02d}:{:02d} {}".format(wd[:3], d.day, mon[:3], d.year, hh, mm,
                                                        ss, off), "rfc"
    yield "{} {} {} {:02d}:{:02d} {}".format(d.day, mon[:3], d.year, hh, mm,
                                             rng.choice(["GMT", "UT", "EST", "PDT", "Z"])), "rfc"
    yield "{:02d} {} {} {:02d}:{:02d}:{:02d} {}".format(d.day, mon[:3], d.year, hh, mm, ss,
                                                        off), "rfc"
    yield "{} {}, {}".format(mon, d.day, d.year), "%B %d, %Y"
    yield "{}. {}, {}".format(mon[:3], d.day, d.year), "%b. %d, %Y"
    yield "{} {} {}".format(mon[:3], d.day, d.year), "%b %d %Y"
    yield "{}, {} {}, {}".format(wd, mon, d.day, d.year), "%A, %B %d, %Y"
    yield "{} {} {}".format(d.day, mon, d.year), "%d %B %Y"
    yield "{} {} {}".format(d.day, mon[:3], d.year), "%d %b %Y"
    yield "{}/{:02d}/{:02d}".format(d.year, d.month, d.day), "%Y/%m/%d"
    yield "  {}\t".format(iso), "iso"


rng = random.Random(13)
dates = [datetime.date(y, m, dd) for y, m, dd in
         [(2000, 2, 29), (1900, 2, 28), (2024, 2, 29), (1999, 12, 31), (2000, 1, 1),
          (1970, 1, 1), (1969, 12, 31), (2099, 12, 31), (2020, 7, 31)]]
start = datetime.date(1900, 1, 1).toordinal()
dates += [datetime.date.fromordinal(start + rng.randrange(73000)) for _ in range(400)]
cases = [(k, s, how) for d in dates for k, (s, how) in enumerate(forms(d, rng))]
got = ask([s for _, s, _ in cases])
groups = {}
for (k, s, how), day in zip(cases, got):
    g = groups.setdefault(k, group("form {} ({})".format(k, how)))
    want = python_day(s.strip() if how == "iso" else s, how)
    g.case(want is not None and day == want, "{!r}: slant {} Python {}".format(s, day, want))
for g in groups.values():
    g.done()
cases = [(s, how) for _, s, how in cases]

# Mutations: whatever slant accepts, some reader of Python reads as the same day.
readers = ["iso", "rfc", "%B %d, %Y", "%b. %d, %Y", "%b %d %Y", "%A, %B %d, %Y", "%d %B %Y",
           "%d %b %Y", "%Y/%m/%d", "%b %d, %Y", "%a, %B %d, %Y", "%B %d %Y", "%d %b. %Y",
           "%b. %d %Y", "%a %d %b %Y", "%A %d %B %Y", "%a, %d %b %Y", "%d %B %Y %H:%M",
           "%A %B %d, %Y", "%a %B %d, %Y", "%a. %B %d, %Y"]
alphabet = "0123456789 :-+TZ,./aAjJ"
mutants = []
for s, _ in cases:
    t = list(s)
    for _ in range(rng.randint(1, 2)):
        k = rng.randrange(len(t))
        op = rng.randrange(3)
        if op == 0:
            t[k] = rng.choice(alphabet)
        elif op == 1:
            del t[k]
        else:
            t.insert(k, rng.choice(alphabet))
        if not t:
            t = ["x"]
    mutants.append("".join(t).replace("\n", " "))
accepted = 0
g = group("mutants")
for s, day in zip(mutants, ask(mutants)):
    if day is None:
        continue
    accepted += 1
    days = {python_day(s.strip(), how) for how in readers} - {None}
    g.case(day in days, "slant reads mutant {!r} as {}, Python as {}".format(s, day, days or "nothing"))
g.done()
check(accepted > 300, "too few mutants accepted ({}) to say anything".format(accepted))

# Refused: impossible dates and times, and what slant will not guess.
refused = ["2020-02-30", "2021-02-29", "2020-13-01", "2020-00-10", "2020-07-31T24:00",
           "2020-07-31T14:60", "2020-07-31T14:02:60", "Fri, 31 Jul 20 14:02 +0000",
           "31 Jul 20", "07/31/2020", "31/07/2020", "Jul 32, 2020", "Feb 29, 2023",
           "31 Jul 2020 14:02 XYZ", "yesterday", "", "2020", "2020-07", "July 2020"]
g = group("refused")
for s, day in zip(refused, ask(refused)):
    g.case(day is None, "slant reads {!r} as {}".format(s, day))
g.done()
TALLY.finish("dates: ")
