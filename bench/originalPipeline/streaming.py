"""The original pipeline's Spark Structured Streaming job, as its script did it: read the topic the
original producer filled, parse each message's JSON with the data set's schema, keep the rows with
Total > 50 and print them to the console. Measured by the bench on the same broker and topic as
the app, from the moment the script starts (a Spark session is part of what the user waits for).

The console sink prints the first 20 rows of each micro-batch, as the tutorial's did; the rows are
counted from the query's own progress reports (numInputRows, and the sink's rows for the filter),
read by the driver every 100 ms.

usage: streaming.py BOOTSTRAP TOPIC ROWS JARS
  JARS: the Kafka source's jars, comma-separated (spark-sql-kafka and what it needs beyond
  pyspark's own jars; fetched with Maven by sparkJob.ts, since Spark's own fetching reaches only
  a repository these machines cannot)
  -> prints {"rows": N, "passing": P, "sessionSeconds": S, "firstOutputSeconds": F, "seconds": T}
     on its last line: N rows read, P of them over 50, S until Spark was up, F until the first
     micro-batch was written, T until every one of the ROWS messages had been read.
"""
import json
import sys
import time

STARTED = time.perf_counter()

from pyspark.sql import SparkSession  # noqa: E402  (imported after the clock starts: it is part of the wait)
from pyspark.sql.functions import col, from_json  # noqa: E402

SCHEMA = (
    "Time STRING, Date INT, `Day of the week` STRING, CarCount INT, BikeCount INT, BusCount INT, "
    "TruckCount INT, Total INT, `Traffic Situation` STRING, Junction STRING"
)
POLL_SECONDS = 0.1
TIMEOUT_SECONDS = 900


def main() -> None:
    bootstrap, topic, expected, jars = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    spark = (
        SparkSession.builder.appName("traffic-filter")
        .master("local[*]")
        .config("spark.jars", jars)
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    session_seconds = time.perf_counter() - STARTED

    stream = (
        spark.readStream.format("kafka")
        .option("kafka.bootstrap.servers", bootstrap)
        .option("subscribe", topic)
        .option("startingOffsets", "earliest")
        .load()
    )
    rows = stream.select(from_json(col("value").cast("string"), SCHEMA).alias("row")).select("row.*")
    query = rows.filter(col("Total") > 50).writeStream.outputMode("append").format("console").start()

    read = 0
    passing = 0
    seen = set()
    first_output = None
    deadline = time.perf_counter() + TIMEOUT_SECONDS
    while read < expected and time.perf_counter() < deadline:
        # recentProgress keeps the last batches' reports; each batch is counted once, by its id.
        for progress in query.recentProgress:
            batch = progress["batchId"]
            if batch in seen:
                continue
            seen.add(batch)
            read += progress["numInputRows"]
            passing += progress["sink"].get("numOutputRows", 0) if isinstance(progress.get("sink"), dict) else 0
            if first_output is None and progress["numInputRows"] > 0:
                first_output = time.perf_counter() - STARTED
        if read < expected:
            time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - STARTED
    query.stop()
    spark.stop()
    print(json.dumps({"rows": read, "passing": passing, "sessionSeconds": session_seconds, "firstOutputSeconds": first_output, "seconds": seconds}))


if __name__ == "__main__":
    main()
