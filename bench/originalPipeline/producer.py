"""The original pipeline's producer, as its script did it: pandas reads the CSV, iterrows walks it,
and each row goes to Kafka as one JSON message through confluent-kafka. Measured by the bench on the
same file and broker as the app, so the two can be compared as a ratio in one run.

usage: producer.py BOOTSTRAP TOPIC CSV  -> prints {"rows": N, "seconds": S} on one line
"""
import json
import sys
import time

import pandas as pd
from confluent_kafka import Producer


def main() -> None:
    bootstrap, topic, path = sys.argv[1:4]
    producer = Producer({"bootstrap.servers": bootstrap})
    started = time.perf_counter()
    df = pd.read_csv(path)
    rows = 0
    for _, row in df.iterrows():
        # numpy scalars are not JSON; .item() gives the plain Python number.
        value = json.dumps(row.to_dict(), default=lambda o: o.item())
        while True:
            try:
                producer.produce(topic, value=value.encode("utf-8"))
                break
            except BufferError:
                producer.poll(0.05)  # the local queue is full: let deliveries drain
        producer.poll(0)
        rows += 1
    producer.flush()
    print(json.dumps({"rows": rows, "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
