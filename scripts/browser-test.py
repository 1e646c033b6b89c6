#!/usr/bin/env python3
"""Loads each kind of page of a running `bilat serve` in headless Chromium and checks the rendered DOM.

Builds an archive from Data/samples and one hostile readout written here (markup in its title and text),
starts `bilat serve` on a free port, and for each page asks Chromium for the DOM after rendering
(`--dump-dom`) and a screenshot (saved under .build/browser/). The checks are on what a browser made of
the page: the elements a reader sees (tables, facets, charts, marks), no script element and no event
handler attribute anywhere, the hostile title shown as text.

Usage:
  browser-test.py --bilat .build/debug/bilat [--chromium chromium] [--out .build/browser] [--readme-shot docs/serve.png]
"""
import argparse
import html.parser
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

HOSTILE = """Foreign Ministers' Meeting <script>document.title='owned'</script>
March 4, 2024

On March 4, Mr. SATO Akira, Minister for Foreign Affairs of Japan, held a meeting with H.E. Ms. Élodie Marchand, Minister for Foreign Affairs of the French Republic, in the <img src=x onerror="document.body.setAttribute('data-owned','1')"> hall.
1. The two ministers agreed to strengthen cooperation on cyber defence.
2. They confirmed their support for Ukraine.
"""


class DOM(html.parser.HTMLParser):
    """The elements of a rendered page: (tag, attributes, text inside) for each, in order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.elements.append(element)
        if tag not in ("meta", "link", "input", "br", "hr", "img"):
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            element[2] += data

    def find(self, tag, **attrs):
        return [e for e in self.elements if e[0] == tag and all(attrs[k] in e[1].get(k.rstrip("_"), "").split() for k in attrs)]

    def text(self, tag):
        return " ".join(e[2] for e in self.elements if e[0] == tag)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bilat", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--out", default=".build/browser")
    parser.add_argument("--readme-shot", help="also save the meetings page's screenshot here (docs/serve.png)")
    args = parser.parse_args()

    out = args.out
    readouts = os.path.join(out, "readouts")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(readouts)
    for name in os.listdir("Data/samples"):
        shutil.copy(os.path.join("Data/samples", name), readouts)
    with open(os.path.join(readouts, "hostile.txt"), "w", encoding="utf-8") as f:
        f.write(HOSTILE)
    db = os.path.join(out, "archive.sqlite")
    subprocess.run([args.bilat, "import", "--db", db, readouts], check=True, stdout=subprocess.DEVNULL)
    ids = subprocess.run([args.bilat, "list", "--db", db, "--format", "csv"], check=True, capture_output=True, text=True).stdout
    hostile_id = next(line.split(",")[0] for line in ids.splitlines() if "<script>" in line)

    port = free_port()
    server = subprocess.Popen([args.bilat, "serve", "--db", db, "--port", str(port)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    failures = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/style.css", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("browser-test: bilat serve did not start: " + (server.stderr.read() if server.poll() is not None else ""))

        def check(name, path, *expectations):
            url = base + path
            dump = subprocess.run([args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                   "--virtual-time-budget=2000", "--dump-dom", url], capture_output=True, text=True, timeout=120)
            dom = DOM(dump.stdout)
            shot = os.path.abspath(os.path.join(out, name + ".png"))
            subprocess.run([args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                            "--window-size=1280,1100", f"--screenshot={shot}", url], capture_output=True, timeout=120)
            problems = []
            if not dom.find("main"):
                problems.append("no <main> rendered")
            if dom.find("script"):
                problems.append("a <script> element is in the DOM")
            handlers = [(e[0], k) for e in dom.elements for k in e[1] if k.startswith("on")]
            if handlers:
                problems.append(f"event handler attributes in the DOM: {handlers[:3]}")
            if any("data-owned" in e[1] for e in dom.elements):
                problems.append("a readout's markup ran")
            for description, test in expectations:
                try:
                    ok = test(dom)
                except Exception as error:  # a check that cannot run is a failure
                    ok = False
                    description += f" ({error})"
                if not ok:
                    problems.append(description)
            if not os.path.exists(shot):
                problems.append("no screenshot")
            status = "ok  " if not problems else "FAIL"
            print(f"{status} {name:10} {path}  ({len(dom.elements)} elements; screenshot {os.path.relpath(shot)})")
            for p in problems:
                print(f"       {p}")
                failures.append(f"{name}: {p}")
            return shot

        listing = check("meetings", "/meetings",
                        ("a table of meetings with 5 rows", lambda d: len(d.find("tbody")) == 1 and d.elements and
                         len([e for e in d.elements if e[0] == "tr"]) == 6),
                        ("facets by party, person, topic, year and format",
                         lambda d: all(d.find("section", class_=f"facet-{k}") for k in ["party", "person", "topic", "year", "format"])),
                        ("a facet link adding party=JPN", lambda d: any(e[1].get("href") == "/meetings?party=JPN" for e in d.find("a"))),
                        ("the hostile title shown as text", lambda d: "<script>document.title='owned'</script>" in d.text("a")))
        check("filtered", "/meetings?party=JPN&from=2024",
              ("the selected party facet", lambda d: any("selected" in e[1].get("class", "") for e in d.find("li"))),
              ("only Japan's meetings since 2024", lambda d: len([e for e in d.elements if e[0] == "tr"]) == 4))
        check("meeting", f"/meetings/{hostile_id}",
              ("the title as text in <h1>", lambda d: "<script>" in d.text("h1")),
              ("the evidence marked in the text", lambda d: len(d.find("mark")) >= 3),
              ("the image markup shown as text", lambda d: "<img src=x" in " ".join(e[2] for e in d.find("div", class_="readout-text"))),
              ("participants and commitments tables", lambda d: d.find("table", class_="participants") and d.find("table", class_="commitments")))
        check("linked", "/meetings/2025-02-14-fra-jpn",
              ("two readouts listed", lambda d: len([e for e in d.elements if e[0] == "tr" and e[2].strip()[:1] in "12"]) >= 2),
              ("evidence marked", lambda d: len(d.find("mark")) >= 3))
        check("party", "/parties/JPN",
              ("an SVG chart of meetings per year with labelled axes", lambda d: d.find("svg") and "Year" in d.text("svg") and "Meetings" in d.text("svg")),
              ("bars", lambda d: len(d.find("rect")) >= 2),
              ("counterparts ranked", lambda d: d.find("table", class_="counterparts")))
        check("person", "/people/SATO%20Akira",
              ("a timeline of meetings", lambda d: d.find("svg") and d.find("circle")))
        check("people", "/people", ("a table of people", lambda d: d.find("table", class_="people")))
        check("topic", "/topics/north-korea",
              ("commitments over time", lambda d: "Commitments" in d.text("svg")),
              ("the commitments table", lambda d: d.find("table", class_="commitments")))
        check("topics", "/topics", ("the topic table", lambda d: d.find("table", class_="topics")))
        check("search", "/search?q=cooperation",
              ("ranked hits with highlighted words", lambda d: d.find("ol", class_="hits") and d.find("mark")))
        check("commitments", "/commitments", ("the commitment table", lambda d: d.find("table", class_="commitments")))
        check("missing", "/meetings/no-such-meeting", ("a 404 page", lambda d: "404" in d.text("h1")))
        if args.readme_shot:
            shutil.copy(listing, args.readme_shot)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if failures:
        print(f"browser-test: {len(failures)} check(s) failed")
        sys.exit(1)
    print(f"browser-test: every page rendered as expected in {subprocess.run([args.chromium, '--version'], capture_output=True, text=True).stdout.strip()}")


if __name__ == "__main__":
    main()
