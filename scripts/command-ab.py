#!/usr/bin/env python3
"""Times whole `bilat` commands of two builds side by side, against the sqlite3 shell and a static Swift
program that prints a line (the floors), alternating the two builds run by run so that a machine whose
speed drifts treats both alike. Prints a Markdown table of medians (BENCHMARKS.md, issue 15).

  scripts/command-ab.py --old OLD/bilat --old-db A.sqlite --new .build/release/bilat --new-db B.sqlite [--runs 25]
      [--only "list --party NOR --topic space --limit 20" ...]

--only times the given commands (each run with --db of its build) instead of the usual set and floors.

The archives hold the same meetings; each build opens the one of its own schema (a build refuses an archive
of a newer schema, and only opens an older one for writing)."""
import argparse, os, statistics, subprocess, sys, tempfile, time

def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000

def hello_program():
    folder = tempfile.mkdtemp(prefix="bilat-hello-")
    source = os.path.join(folder, "main.swift")
    with open(source, "w") as f:
        f.write('import Foundation\nprint("hello \\(ProcessInfo.processInfo.arguments.count)")\n')
    binary = os.path.join(folder, "hello")
    subprocess.run(["swiftc", "-O", "-static-stdlib", source, "-o", binary], check=True, stderr=subprocess.DEVNULL)
    return binary

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--old", required=True); p.add_argument("--old-db", required=True)
    p.add_argument("--new", required=True); p.add_argument("--new-db", required=True)
    p.add_argument("--runs", type=int, default=25)
    p.add_argument("--only", action="append", default=[], metavar="COMMAND",
                   help="a bilat command line to time instead of the usual set (repeatable)")
    a = p.parse_args()
    if a.only:
        cases = [("bilat " + c, [a.old] + c.split()[:1] + ["--db", a.old_db] + c.split()[1:],
                  [a.new] + c.split()[:1] + ["--db", a.new_db] + c.split()[1:]) for c in a.only]
        return compare(cases, a.runs)
    hello = hello_program()
    sql = "SELECT * FROM meetings LIMIT 20"
    cases = [
        ("static Swift program printing a line", [hello], [hello]),
        (f"sqlite3 `{sql}`", ["sqlite3", a.old_db, sql], ["sqlite3", a.new_db, sql]),
        ("bilat --help", [a.old, "--help"], [a.new, "--help"]),
        ("bilat list --limit 20", [a.old, "list", "--db", a.old_db, "--limit", "20"], [a.new, "list", "--db", a.new_db, "--limit", "20"]),
    ]
    for args in (["commitments", "--topic", "cybersecurity"], ["search", "satellite"], ["search", "cooperation"]):
        cases.append(("bilat " + " ".join(args) + " --limit 20", [a.old, args[0], "--db", a.old_db] + args[1:] + ["--limit", "20"],
                      [a.new, args[0], "--db", a.new_db] + args[1:] + ["--limit", "20"]))
    return compare(cases, a.runs)

def compare(cases, runs):
    """Prints the median of each case's `runs` runs, the two builds alternating."""
    print("| command | old | new |\n| --- | --- | --- |")
    for name, old, new in cases:
        olds, news = [], []
        for _ in range(runs):
            olds.append(timed(old)); news.append(timed(new))
        print(f"| {name} | {statistics.median(olds):.1f} ms | {statistics.median(news):.1f} ms |", flush=True)

if __name__ == "__main__":
    sys.exit(main())
