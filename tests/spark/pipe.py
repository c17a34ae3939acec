#!/usr/bin/env python3
"""Runs JSON Lines through a command with PySpark's RDD.pipe in local mode; driven by
tests/spark.rs, which compares what comes out with one newsparse process.

    pipe.py PLAN.json

PLAN: {"master": "local[2]", "cases": [{"name", "input", "read", "partitions", "command",
"check_code", "output"}]}. `read` is "textFile" (Spark splits the file into at least
`partitions`, as a user's job would) or "parallelize" (the lines in exactly `partitions`,
for empty partitions and known line numbers). Each case's records are written to `output`,
one a line, in the order collect() gives, and a summary is printed as one JSON line:
{"name", "partitions", "input_lines": [per partition], "records": [per partition],
"failed": null or the error}. A case whose job fails is reported, not raised: that is what
check_code=True is tested for.
"""
import json
import os
import re
import shlex
import shutil
import sys
import tempfile

# Local mode talks to itself only; the UI would take a port and start-up time for nothing.
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
# The Python workers that run pipe() are this interpreter, with this PySpark.
os.environ["PYSPARK_PYTHON"] = sys.executable

from pyspark import SparkConf, SparkContext  # noqa: E402


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    scratch = tempfile.mkdtemp(prefix="newsparse-spark-")
    conf = (
        SparkConf()
        .setMaster(plan["master"])
        .setAppName("newsparse-pipe-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.local.dir", scratch)
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        for case in plan["cases"]:
            print(json.dumps(run(sc, case)), flush=True)
    finally:
        sc.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def run(sc, case):
    if case["read"] == "textFile":
        rdd = sc.textFile(case["input"], minPartitions=case["partitions"])
    else:
        with open(case["input"], encoding="utf-8", newline="") as f:
            # split, not splitlines: a JSON string may hold U+2028, which is no line end here.
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        rdd = sc.parallelize(lines, case["partitions"])
    summary = {
        "name": case["name"],
        "partitions": rdd.getNumPartitions(),
        "input_lines": rdd.glom().map(len).collect(),
        "records": None,
        "failed": None,
    }
    # The command as a user writes it: one string, which pipe() splits with shlex and runs
    # with an empty environment (env=None), so the binary is named by its full path.
    piped = rdd.pipe(shlex.join(case["command"]), checkCode=case["check_code"])
    tagged = piped.mapPartitionsWithIndex(lambda i, records: ((i, r) for r in records))
    try:
        collected = tagged.collect()
    except Exception as e:  # noqa: BLE001 - the job's failure is this case's result
        found = re.search(r"\[PIPE_FUNCTION_EXITED\][^\n]*", str(e))
        summary["failed"] = found.group(0) if found else f"{type(e).__name__}: {str(e)[:2000]}"
        return summary
    counts = [0] * summary["partitions"]
    with open(case["output"], "w", encoding="utf-8", newline="") as f:
        for i, record in collected:
            counts[i] += 1
            f.write(record + "\n")
    summary["records"] = counts
    return summary


if __name__ == "__main__":
    main()
