#!/usr/bin/env python3
"""Times one `bilat` command with every filter alone and every pair of filters, for two builds side by side,
and checks that both builds print the same thing (rows and the "N of M shown" note). Prints a Markdown table
of the best of `--runs` runs (the builds alternating), slowest first. What found the cliffs of BENCHMARKS.md
("At a million meetings: every pair of filters"): a filter that is fast alone can be slow beside another.

  scripts/filter-sweep.py --old OLD/bilat --old-db A.sqlite --new .build/release/bilat --new-db B.sqlite \\
      --command commitments [--filter "--party NOR" --filter "--by joint" …] [--runs 2] [--timeout 120]

A filter of one word is given as `--filter=--conflicts` (argparse would take `--conflicts` for an option of
its own). Without --filter, the filters of the benchmark archive (`bilat-bench generate`, seed 1) are used. A build
stopped by the timeout shows as "> N"; the archives hold the same meetings, each of its build's schema."""
import argparse, itertools, subprocess, sys, time

DEFAULT_FILTERS = ["--topic space", "--party NOR", "--person Ritorto", "--by joint", "--by NOR", "--from 2010 --to 2011",
                   "--match satellite", "--topic cybersecurity"]

def run(binary, db, command, filters, timeout):
    """Seconds taken and everything printed; seconds is None when stopped by the timeout."""
    args = [binary, command, "--db", db] + filters + ["--limit", "20"]
    start = time.perf_counter()
    try:
        done = subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b""
    return time.perf_counter() - start, done.stdout + done.stderr

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--old", required=True); p.add_argument("--old-db", required=True)
    p.add_argument("--new", required=True); p.add_argument("--new-db", required=True)
    p.add_argument("--command", default="commitments")
    p.add_argument("--filter", action="append", default=[], help="a filter as typed, e.g. \"--party NOR\" (repeatable)")
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--timeout", type=float, default=120)
    a = p.parse_args()
    filters = a.filter or DEFAULT_FILTERS
    cases = [[f] for f in filters] + [list(pair) for pair in itertools.combinations(filters, 2)]
    rows, differ = [], 0
    for case in cases:
        words = [w for f in case for w in f.split()]
        olds, news, same = [], [], True
        for _ in range(a.runs):
            t_old, out_old = run(a.old, a.old_db, a.command, words, a.timeout)
            t_new, out_new = run(a.new, a.new_db, a.command, words, a.timeout)
            olds.append(t_old); news.append(t_new)
            same = same and (t_old is None or t_new is None or out_old == out_new)
        differ += 0 if same else 1
        best = lambda ts: min((t for t in ts if t is not None), default=None)
        rows.append((" ".join(case), best(olds), best(news), same))
    shown = lambda t: f"> {a.timeout:.0f}" if t is None else f"{t:.2f}"
    print(f"| `{a.command} … --limit 20` | old s | new s | output |\n| --- | --- | --- | --- |")
    for name, old, new, same in sorted(rows, key=lambda r: -(r[1] if r[1] is not None else a.timeout)):
        print(f"| `{name}` | {shown(old)} | {shown(new)} | {'same' if same else 'DIFFERENT'} |")
    return 1 if differ else 0

if __name__ == "__main__":
    sys.exit(main())
