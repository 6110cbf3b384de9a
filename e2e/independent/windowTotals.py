"""Per-location window totals of a CSV, computed without the app, for the SQL window browser tests.

Reads FILE with Python's csv module, parses the time column with an explicit strptime FORMAT (the
test states how the file writes time; a time without zone is taken as UTC wall clock, as the app
shows it), and puts every row into each window [start, start + SIZE) whose start is a multiple of
HOP minutes since the Unix epoch (UTC-aligned, as the app's windows are). Rows are assumed to be
complete (the files used have no rejected lines).

Prints JSON to stdout: the first and last row time ("YYYY-MM-DD HH:MM", the way the app says what
a file spans) and "windows", one [window_start, location, row_count, measure_sum] per window and
location, ordered by location (as text) then window_start. Without --location every row counts for
one location, "". An empty measure cell adds nothing to the sum.

usage: windowTotals.py FILE --time COL --format FMT [--location COL] --measure COL --size MIN [--hop MIN]
"""
import argparse
import csv
import json
from collections import defaultdict
from datetime import datetime, timedelta, timezone

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--time", required=True)
    parser.add_argument("--format", required=True)
    parser.add_argument("--location")
    parser.add_argument("--measure", required=True)
    parser.add_argument("--size", type=int, required=True, help="window size in minutes")
    parser.add_argument("--hop", type=int, help="hop in minutes (default: the size, a tumbling window)")
    args = parser.parse_args()
    size = timedelta(minutes=args.size)
    hop = timedelta(minutes=args.hop or args.size)

    times: list[datetime] = []
    counts: dict[tuple[str, datetime], int] = defaultdict(int)
    sums: dict[tuple[str, datetime], float] = defaultdict(float)
    with open(args.file, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            time = datetime.strptime(row[args.time], args.format).replace(tzinfo=timezone.utc)
            times.append(time)
            location = row[args.location] if args.location else ""
            value = row[args.measure]
            # The windows holding `time`: from the newest hop multiple at or before it, back while they still reach past it.
            start = EPOCH + ((time - EPOCH) // hop) * hop
            while start + size > time:
                counts[(location, start)] += 1
                sums[(location, start)] += float(value) if value != "" else 0.0
                start -= hop

    windows = [
        [start.strftime("%Y-%m-%d %H:%M:%S"), location, counts[(location, start)], sums[(location, start)]]
        for location, start in sorted(counts, key=lambda key: (key[0], key[1]))
    ]
    minute = "%Y-%m-%d %H:%M"
    print(json.dumps({"first": min(times).strftime(minute), "last": max(times).strftime(minute), "windows": windows}))

if __name__ == "__main__":
    main()
