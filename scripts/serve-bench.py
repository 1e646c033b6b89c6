#!/usr/bin/env python3
"""Times `bilat serve` page by page on a bench archive, and its JSON listing against Datasette's table page.

Starts `bilat serve` on the archive (and Datasette on the same file, when it is installed: .build/venv, see
`make bench`), then requests each kind of page over one keep-alive connection, sequentially, after a warm-up,
and prints p50 / p99 of the time to the last byte as Markdown tables for BENCHMARKS.md. Every request is
checked to answer 200. Datasette serves the file immutable (-i), its fastest mode.

Usage:
  serve-bench.py --bilat .build/release/bilat --db .build/bench/bench-10000-1.sqlite [--datasette .build/venv/bin/datasette] [--repeats 100]
"""
import argparse
import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(port, path, process, name):
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"serve-bench: {name} stopped: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", path)
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"serve-bench: {name} did not answer")


def timings(port, path, repeats, warmup=5):
    """p50 and p99 (ms) of `repeats` requests after `warmup`; a page that takes over 200 ms is asked 10 times
    (its p99 is then the slowest of them)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    samples = []
    size = 0
    index = 0
    while index < warmup + repeats:
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1e3
        if response.status != 200:
            raise SystemExit(f"serve-bench: {path} answered {response.status}: {body[:300]!r}")
        if index >= warmup:
            samples.append(elapsed)
        elif elapsed > 200:
            repeats = min(repeats, 10)
            warmup = min(warmup, 1)
        size = len(body)
        index += 1
    connection.close()
    samples.sort()

    def at(q):
        return samples[min(len(samples) - 1, int((len(samples) - 1) * q + 0.5))]

    return at(0.5), at(0.99), size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bilat", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--datasette", default=".build/venv/bin/datasette")
    parser.add_argument("--repeats", type=int, default=100)
    args = parser.parse_args()

    # Values to ask for, read from the archive itself (the same choices as bilat-bench: a frequent party, the
    # 21st most frequent person, the 101st meeting).
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    meeting = db.execute("SELECT id FROM meetings ORDER BY num LIMIT 1 OFFSET 100").fetchone()[0]
    person = db.execute("""SELECT p.name FROM people p JOIN participants pa ON pa.person_id = p.id
                           GROUP BY p.id ORDER BY count(*) DESC LIMIT 1 OFFSET 20""").fetchone()[0]
    party = db.execute("SELECT party_code FROM meeting_parties GROUP BY party_code ORDER BY count(*) DESC LIMIT 1 OFFSET 3").fetchone()[0]
    total = db.execute("SELECT count(*) FROM meetings").fetchone()[0]
    db.close()
    q = urllib.parse.quote
    pages = [
        ("meetings (HTML, facets)", "/meetings"),
        ("meetings JSON (facets)", "/api/meetings"),
        ("meetings JSON, page 50", "/api/meetings?page=50"),
        ("meetings CSV", "/api/meetings.csv"),
        (f"meetings ?party={party}", f"/meetings?party={party}"),
        (f"meetings ?party={party}&topic=space", f"/meetings?party={party}&topic=space"),
        ("meetings ?from=2010-03&to=2010-04", "/meetings?from=2010-03&to=2010-04"),
        ("meetings ?q=satellite", "/meetings?q=satellite"),
        ("meeting page", f"/meetings/{meeting}"),
        ("meeting JSON", f"/api/meetings/{meeting}"),
        ("people", "/people"),
        ("person page", f"/people/{q(person)}"),
        ("parties", "/parties"),
        (f"party page {party}", f"/parties/{party}"),
        ("topics", "/topics"),
        ("topic page cybersecurity", "/topics/cybersecurity"),
        ("commitments", "/commitments"),
        ("search satellite", "/search?q=satellite"),
        ("search cooperation", "/search?q=cooperation"),
    ]

    def serve(cache):
        port = free_port()
        server = subprocess.Popen([args.bilat, "serve", "--db", args.db, "--port", str(port), "--cache", str(cache)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        results = {}
        try:
            wait(port, "/style.css", server, "bilat serve")
            timings(port, "/api/meetings?limit=1&page=2", 1, warmup=0)  # waits for the facet index read at start
            if cache:
                # The pages `bilat serve` computes at start: wait until they are done.
                for path in ["/meetings", "/api/meetings", "/people", "/api/people", "/parties", "/api/parties", "/topics",
                             "/api/topics", "/commitments", "/api/commitments"]:
                    timings(port, path, 1, warmup=0)
            for name, path in pages:
                results[path] = timings(port, path, args.repeats)
        finally:
            server.terminate()
            server.wait(timeout=10)
        return results

    computed = serve(0)
    kept = serve(500)

    print(f"### bilat serve, {total} meetings: every page\n")
    print(f"p50 / p99 of {args.repeats} sequential requests over one keep-alive connection (after 5 to warm up), time to the last byte.")
    print("Computed: `--cache 0`, every request runs its queries. Kept: the default cache of answers (valid while the archive")
    print("is unchanged), what a repeated request or a link followed back costs.\n")
    print("| page | path | computed p50 / p99 | kept p50 / p99 | size |")
    print("| --- | --- | --- | --- | --- |")
    worst = 0.0
    for name, path in pages:
        c, k = computed[path], kept[path]
        worst = max(worst, c[1])
        print(f"| {name} | `{path}` | {c[0]:.1f} / {c[1]:.1f} ms | {k[0]:.2f} / {k[1]:.2f} ms | {c[2] / 1000:.1f} KB |")
    print(f"\nWorst computed p99: {worst:.1f} ms (goal: ≤ 50 ms).\n")
    results = [(name, path) + computed[path] for name, path in pages]

    ours = next(r for r in results if r[1] == "/api/meetings")
    if not os.path.exists(args.datasette):
        print("Datasette is not installed (.build/venv/bin/datasette): the comparison was not run.")
        return
    version = subprocess.run([args.datasette, "--version"], capture_output=True, text=True).stdout.strip()
    name = os.path.splitext(os.path.basename(args.db))[0]
    port = free_port()
    datasette = subprocess.Popen([args.datasette, "serve", "-i", args.db, "--port", str(port), "--setting", "sql_time_limit_ms", "10000"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait(port, f"/{name}/meetings.json?_size=20", datasette, "datasette")
        theirs_json = timings(port, f"/{name}/meetings.json?_size=20", args.repeats)
        theirs_html = timings(port, f"/{name}/meetings?_size=20", args.repeats)
    finally:
        datasette.terminate()
        datasette.wait(timeout=10)
    print(f"### JSON listing against Datasette ({version}), {total} meetings\n")
    print("The same archive file, one run, the same client. Datasette's table page of `meetings`, 20 rows (its JSON and its HTML),")
    print("beside Bilat's JSON listing of 20 meetings (each with its parties, participants and topics, the total, and the")
    print("five facets).\n")
    print("| request | p50 / p99 | size |")
    print("| --- | --- | --- |")
    print(f"| Datasette `/{name}/meetings.json?_size=20` | {theirs_json[0]:.1f} / {theirs_json[1]:.1f} ms | {theirs_json[2] / 1000:.1f} KB |")
    print(f"| Datasette `/{name}/meetings?_size=20` (HTML) | {theirs_html[0]:.1f} / {theirs_html[1]:.1f} ms | {theirs_html[2] / 1000:.1f} KB |")
    print(f"| Bilat `/api/meetings`, computed (`--cache 0`) | {ours[2]:.1f} / {ours[3]:.1f} ms | {ours[4] / 1000:.1f} KB |")
    print(f"| Bilat `/api/meetings`, kept | {kept['/api/meetings'][0]:.2f} / {kept['/api/meetings'][1]:.2f} ms | {ours[4] / 1000:.1f} KB |")
    print(f"\nBilat (computed) ÷ Datasette JSON: p50 {ours[2] / theirs_json[0]:.2f}, p99 {ours[3] / theirs_json[1]:.2f} (goal: ≤ 0.50).\n")


if __name__ == "__main__":
    sys.exit(main())
