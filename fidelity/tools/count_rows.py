#!/usr/bin/env python3
"""Independent row counter for the fidelity corpus (never uses the app).

For one CSV/TXT file it prints:
  - the encoding (from the bytes: BOM, strict UTF-8, else windows-1252) and line endings,
  - the delimiter (given, or the one of , ; TAB | that splits the header into most fields
    and keeps the field count steady over the first records),
  - the number of non-blank records after the header (Python's csv module),
  - records whose field count differs from the header's (with their physical line),
  - for --time COL [COL ...] with --fmt: min/max event time, parsed explicitly with
    datetime.strptime on the values joined by one space (or 'epoch' / 'epoch-ms');
    a format with %z is converted to UTC, one without is wall clock written with Z,
  - records whose time is missing or unparseable (physical line numbers),
  - for --location COL: distinct values, and whether rows are grouped by it
    (each value in one contiguous run), each group in time order, groups overlapping,
  - for --measure COL: how many values are numeric, empty, other.

Usage:
  count_rows.py FILE [--delimiter ';'] [--time COL ...] [--fmt FORMAT]
                [--location COL] [--measure COL ...] [--decimal-comma]
"""
import argparse
import csv
import io
import sys
from datetime import datetime, timezone


def detect_encoding(data: bytes):
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8", "utf-8-sig", True
    if data.startswith(b"\xff\xfe"):
        return "utf-16le", "utf-16", True
    if data.startswith(b"\xfe\xff"):
        return "utf-16be", "utf-16", True
    try:
        data.decode("utf-8", errors="strict")
        return "utf-8", "utf-8", False
    except UnicodeDecodeError:
        return "windows-1252", "cp1252", False


def line_endings(data: bytes):
    crlf = data.count(b"\r\n")
    lf = data.count(b"\n") - crlf
    cr = data.count(b"\r") - crlf
    return {"CRLF": crlf, "LF": lf, "CR": cr}


def detect_delimiter(text: str):
    best = None
    for d in [",", ";", "\t", "|"]:
        rows = []
        reader = csv.reader(io.StringIO(text[:200000]), delimiter=d)
        for i, r in enumerate(reader):
            if r:
                rows.append(len(r))
            if len(rows) >= 50:
                break
        if not rows or rows[0] < 2:
            continue
        steady = sum(1 for n in rows if n == rows[0])
        score = (steady, rows[0])
        if best is None or score > best[0]:
            best = (score, d)
    return best[1] if best else ","


def parse_time(values, fmt):
    raw = " ".join(v.strip() for v in values)
    if raw.strip() == "":
        return None
    if fmt in ("epoch", "epoch-ms"):
        x = float(raw)
        if fmt == "epoch-ms":
            x /= 1000.0
        return datetime.fromtimestamp(x, tz=timezone.utc).replace(tzinfo=None)
    dt = datetime.strptime(raw, fmt)
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt else None


def is_number(v, decimal_comma):
    s = v.strip()
    if decimal_comma:
        s = s.replace(".", "").replace(",", ".")
    try:
        float(s)
        return True
    except ValueError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--delimiter")
    ap.add_argument("--time", nargs="+", default=[])
    ap.add_argument("--fmt")
    ap.add_argument("--location")
    ap.add_argument("--measure", nargs="+", default=[])
    ap.add_argument("--decimal-comma", action="store_true")
    a = ap.parse_args()

    data = open(a.file, "rb").read()
    enc_name, codec, bom = detect_encoding(data)
    text = data.decode(codec)
    delim = a.delimiter or detect_delimiter(text)
    print(f"file: {a.file}")
    print(f"bytes: {len(data)}")
    print(f"encoding: {enc_name} (BOM: {bom})")
    print(f"line endings: {line_endings(data)}")
    print(f"delimiter: {delim!r}")

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = next(reader)
    print(f"header ({len(header)} fields): {header}")
    idx = {name: i for i, name in enumerate(header)}
    for c in a.time + ([a.location] if a.location else []) + a.measure:
        if c not in idx:
            sys.exit(f"no column {c!r} in header")

    records = 0
    blank = 0
    width_mismatch = []
    bad_time = []
    tmin = tmax = None
    loc_order = []  # run starts
    loc_seen = {}
    loc_last_time = {}
    loc_range = {}
    loc_time_sorted = True
    grouped = True
    prev_loc = object()
    measure_stats = {m: {"numeric": 0, "empty": 0, "other": 0, "other_examples": []} for m in a.measure}
    prev_end = reader.line_num
    for row in reader:
        start_line = prev_end + 1
        prev_end = reader.line_num
        if not row or all(f.strip() == "" for f in row):
            blank += 1
            continue
        records += 1
        if len(row) != len(header):
            width_mismatch.append((start_line, len(row)))
        t = None
        if a.time:
            try:
                vals = [row[idx[c]] for c in a.time]
                t = parse_time(vals, a.fmt)
            except (IndexError, ValueError):
                t = None
            if t is None:
                bad_time.append(start_line)
            else:
                tmin = t if tmin is None or t < tmin else tmin
                tmax = t if tmax is None or t > tmax else tmax
        if a.location:
            loc = row[idx[a.location]] if idx[a.location] < len(row) else ""
            if loc != prev_loc:
                if loc in loc_seen:
                    grouped = False
                loc_seen.setdefault(loc, 0)
                loc_order.append(loc)
                prev_loc = loc
            loc_seen[loc] += 1
            if t is not None:
                lt = loc_last_time.get(loc)
                if lt is not None and t < lt:
                    loc_time_sorted = False
                loc_last_time[loc] = t
                lo, hi = loc_range.get(loc, (t, t))
                loc_range[loc] = (min(lo, t), max(hi, t))
        for m in a.measure:
            v = row[idx[m]] if idx[m] < len(row) else ""
            st = measure_stats[m]
            if v.strip() == "":
                st["empty"] += 1
            elif is_number(v, a.decimal_comma):
                st["numeric"] += 1
            else:
                st["other"] += 1
                if len(st["other_examples"]) < 5:
                    st["other_examples"].append((start_line, v))

    print(f"records (non-blank, after header): {records}")
    print(f"blank records skipped: {blank}")
    print(f"records with a field count unlike the header: {len(width_mismatch)} {width_mismatch[:20]}")
    if a.time:
        print(f"time columns: {a.time} format: {a.fmt!r}")
        print(f"records with no/unparseable time: {len(bad_time)} lines {bad_time[:50]}")
        print(f"time first: {iso(tmin)}")
        print(f"time last:  {iso(tmax)}")
    if a.location:
        print(f"location column: {a.location!r} distinct: {len(loc_seen)}")
        print(f"  runs: {len(loc_order)}  grouped (one run per value): {grouped}")
        print(f"  each location's rows in time order: {loc_time_sorted}")
        if loc_range:
            ranges = list(loc_range.values())
            overlap = any(
                ranges[i][0] <= ranges[j][1] and ranges[j][0] <= ranges[i][1]
                for i in range(len(ranges)) for j in range(i + 1, len(ranges))
            )
            print(f"  some groups overlap in time: {overlap}")
        for loc in list(loc_seen)[:12]:
            r = loc_range.get(loc)
            print(f"    {loc!r}: {loc_seen[loc]} rows {iso(r[0]) if r else ''} .. {iso(r[1]) if r else ''}")
        if len(loc_seen) > 12:
            print(f"    ... {len(loc_seen) - 12} more")
    for m, st in measure_stats.items():
        print(f"measure {m!r}: numeric {st['numeric']} empty {st['empty']} other {st['other']} {st['other_examples']}")


if __name__ == "__main__":
    main()
