#!/usr/bin/env python3
"""Checks what Bilat reads from real saved web pages against what a careful reader finds in them.

Usage:
  check-pages.py --bilat BIN --pages DIR [--db PATH] [--require SHARE] [--verbose]

DIR holds saved pages and `expect.json` (../shared/corpus/pages: the canonical `url`, the meeting `date`,
`parties`, `is_readout`, and the `first_sentence` of the readout's body). The pages are imported into a
fresh archive at PATH and, for each page, five things are checked:

- read:           a readout imports (a page that is not a readout may import, for search, but must
                  state no meeting: no date, no parties, a `needs_review` reason);
- url:            the canonical URL recorded (null where the page names none of its own);
- date:           the meeting's date (null where the page states none);
- parties:        the sides, as a set;
- first_sentence: the text taken from the page starts with the readout: the first sentence of its body
                  stands within its first lines (after the title and date), not after menus and banners.

Prints one line per check that fails (all with --verbose), then `pages: R of N checks right (SHARE)`.
With --require, exits 1 when the share is below SHARE.
"""
import argparse
import json
import os
import subprocess
import sys

# How far into the text taken from a page the body's first sentence may start: a title and a date line.
FIRST_SENTENCE_WITHIN = 400


def normalized(text):
    return " ".join((text or "").split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bilat", required=True)
    ap.add_argument("--pages", required=True)
    ap.add_argument("--db", default=".build/pages.sqlite")
    ap.add_argument("--require", type=float, default=None)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()

    with open(os.path.join(a.pages, "expect.json"), encoding="utf-8") as f:
        expected = json.load(f)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(a.db + suffix):
            os.remove(a.db + suffix)
    files = [os.path.join(a.pages, name) for name in sorted(expected)]
    # Pages that fail are reported by bilat (exit 1); each is counted below as not read.
    subprocess.run([a.bilat, "import", "--db", a.db] + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    exported = subprocess.run([a.bilat, "export", "--db", a.db], capture_output=True, text=True)
    records = {}
    for line in exported.stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            records[os.path.basename(r["source"]["file"])] = r

    right = total = 0
    for name in sorted(expected):
        want = expected[name]
        got = records.get(name)
        checks = []
        if want["is_readout"]:
            checks.append(("read", got is not None, "imported", "not imported" if got is None else "imported"))
        else:
            states_nothing = got is None or (got["date"] is None and not got["parties"] and got["needs_review"])
            checks.append(("read", states_nothing, "no meeting stated",
                           "" if got is None else f"date {got['date']}, parties {got['parties']}, review {got['needs_review']}"))
        got = got or {}
        checks.append(("url", got.get("source", {}).get("url") == want["url"], want["url"], got.get("source", {}).get("url")))
        checks.append(("date", got.get("date") == want["date"], want["date"], got.get("date")))
        checks.append(("parties", set(got.get("parties") or []) == set(want["parties"]), want["parties"], got.get("parties")))
        text = ""
        if got.get("id"):
            shown = subprocess.run([a.bilat, "show", "--db", a.db, got["id"], "--text"], capture_output=True, text=True)
            text = normalized(shown.stdout)
        at = text.find(normalized(want["first_sentence"]))
        checks.append(("first_sentence", 0 <= at <= FIRST_SENTENCE_WITHIN, "within the first lines",
                       "absent" if at < 0 else f"at character {at}"))
        for check, ok, wanted, found in checks:
            total += 1
            right += bool(ok)
            if not ok or a.verbose:
                print(f"{'ok  ' if ok else 'MISS'} {name}: {check}: want {wanted!r}, got {found!r}")
    share = right / total if total else 1.0
    print(f"pages: {right} of {total} checks right ({share:.3f})")
    if a.require is not None and share < a.require:
        print(f"below requirement: pages {share:.3f} < {a.require}")
        sys.exit(1)


if __name__ == "__main__":
    main()
