//! newsparse under Spark: PySpark in local mode pipes JSON Lines of the shared corpus
//! through `newsparse --input jsonl` with `RDD.pipe`, one process per partition, and the
//! records it collects are those of one newsparse process over the same file, byte for
//! byte. Also: empty partitions, and a line that is not JSON (an error record with
//! `--error-records`; whether the task fails is `pipe`'s `checkCode`). The driver is
//! `tests/spark/pipe.py`; one Spark start runs every case, since it takes seconds.
//!
//! Skips where PySpark or Java is missing, unless `NEWSPARSE_REQUIRE_SPARK=1` (CI). A
//! summary (partitions, records, equality) goes to `target/tmp/spark-summary.txt`, which
//! `.ci/run` prints: cargo test hides a passing test's output.

mod common;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{REFERENCE_DATE, check_record, decoded, run, stdout};
use serde_json::{Value, json};

/// What `python3` has of PySpark: its version, or why it cannot run Spark.
fn pyspark() -> Result<String, String> {
    let out = Command::new("python3")
        .args(["-c", "import pyspark; print(pyspark.__version__)"])
        .output()
        .map_err(|e| format!("python3 does not run ({e})"))?;
    if !out.status.success() {
        return Err("PySpark is not installed for python3 (.ci/run installs it)".into());
    }
    let java = std::env::var_os("JAVA_HOME").map_or_else(
        || PathBuf::from("java"),
        |home| Path::new(&home).join("bin/java"),
    );
    let has_java = Command::new(&java)
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_java {
        return Err(format!(
            "no Java runtime ({} -version fails; .ci/run installs one)",
            java.display()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The articles of the corpus as JSON Lines, `{"id": NAME, "text": …}`, sorted by name.
fn corpus_lines(dir: &Path) -> Vec<String> {
    common::articles(dir)
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            let text = decoded(&fs::read(path).unwrap());
            json!({ "id": name, "text": text }).to_string()
        })
        .collect()
}

/// One case of the driver's plan, and what it reported.
struct Case {
    name: &'static str,
    lines: Vec<String>,
    read: &'static str,
    partitions: usize,
    error_records: bool,
    check_code: bool,
}

#[derive(Debug)]
struct Outcome {
    partitions: usize,
    input_lines: Vec<usize>,
    /// Per partition; none where the job failed.
    records: Option<Vec<usize>>,
    failed: Option<String>,
    /// The collected records, in collect() order.
    output: String,
}

fn command(error_records: bool) -> Vec<&'static str> {
    // -j 1: Spark already runs one task per core, so newsparse's default of a thread per
    // core would oversubscribe them; with one thread each record streams out as made.
    let mut args = vec![
        env!("CARGO_BIN_EXE_newsparse"),
        "--input",
        "jsonl",
        "-j",
        "1",
        "--quiet",
        "--reference-date",
        REFERENCE_DATE,
    ];
    if error_records {
        args.push("--error-records");
    }
    args
}

/// Runs the driver once over every case.
fn run_spark(dir: &Path, cases: &[Case]) -> Vec<Outcome> {
    let mut plan = Vec::new();
    for case in cases {
        let input = dir.join(format!("{}.jsonl", case.name));
        fs::write(
            &input,
            case.lines
                .iter()
                .map(|l| format!("{l}\n"))
                .collect::<String>(),
        )
        .unwrap();
        plan.push(json!({
            "name": case.name,
            "input": input,
            "read": case.read,
            "partitions": case.partitions,
            "command": command(case.error_records),
            "check_code": case.check_code,
            "output": dir.join(format!("{}.out", case.name)),
        }));
    }
    let plan_path = dir.join("plan.json");
    let plan = json!({ "master": "local[2]", "cases": plan });
    fs::write(&plan_path, plan.to_string()).unwrap();

    let driver = common::root().join("tests/spark/pipe.py");
    let mut child = Command::new("python3")
        .arg(&driver)
        .arg(&plan_path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            pipe.read_to_string(&mut text).unwrap();
            text
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    // Spark starts in about 10 s here; a driver stuck for minutes is a failure, not a wait.
    let deadline = Instant::now() + Duration::from_secs(600);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the Spark driver ran over 10 minutes: {}",
                err.join().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    assert!(status.success(), "{driver:?} failed ({status}):\n{err}");

    let summaries: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}\n{err}")))
        .collect();
    assert_eq!(summaries.len(), cases.len(), "{out}\n{err}");
    let counts = |v: &Value| -> Vec<usize> {
        let list = v.as_array().unwrap();
        list.iter().map(|n| n.as_u64().unwrap() as usize).collect()
    };
    cases
        .iter()
        .zip(summaries)
        .map(|(case, s)| {
            assert_eq!(s["name"], case.name);
            let records = (!s["records"].is_null()).then(|| counts(&s["records"]));
            let output = records.as_ref().map_or_else(String::new, |_| {
                fs::read_to_string(dir.join(format!("{}.out", case.name))).unwrap()
            });
            Outcome {
                partitions: s["partitions"].as_u64().unwrap() as usize,
                input_lines: counts(&s["input_lines"]),
                records,
                failed: s["failed"].as_str().map(str::to_owned),
                output,
            }
        })
        .collect()
}

/// One newsparse process over the same lines: its records and exit status.
fn sequential(case: &Case) -> (String, Option<i32>) {
    let input: String = case.lines.iter().map(|l| format!("{l}\n")).collect();
    let args = &command(case.error_records)[1..];
    let out = run(args, input.as_bytes());
    (stdout(&out).to_owned(), out.status.code())
}

fn lengths(list: &[usize]) -> String {
    list.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn spark_pipe_gives_the_records_of_one_process() {
    let version = match pyspark() {
        Ok(version) => version,
        Err(why) => return common::skip_unless_required(common::REQUIRE_SPARK, &why),
    };
    let Some(corpus) = common::shared_corpus() else {
        return;
    };
    let summary_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spark-summary.txt");
    let mut summary = fs::File::create(&summary_path).unwrap();
    let mut report = |line: String| {
        println!("{line}");
        writeln!(summary, "{line}").unwrap();
    };
    let started = Instant::now();

    let lines = corpus_lines(&corpus);
    assert!(lines.len() > 100, "{} articles in the corpus", lines.len());
    // A line that is not JSON, in the middle of the corpus.
    let bad_at = lines.len() / 2;
    let mut with_bad = lines.clone();
    with_bad.insert(bad_at, "not json".to_owned());
    let cases = [
        // As a user's job reads a file: Spark splits it, here into 4 partitions or more.
        Case {
            name: "corpus",
            lines: lines.clone(),
            read: "textFile",
            partitions: 4,
            error_records: false,
            check_code: true,
        },
        // More partitions than lines: 5 of the 8 get no line, and their newsparse an empty
        // standard input.
        Case {
            name: "empty-partitions",
            lines: lines[..3].to_vec(),
            read: "parallelize",
            partitions: 8,
            error_records: false,
            check_code: true,
        },
        Case {
            name: "no-lines",
            lines: Vec::new(),
            read: "parallelize",
            partitions: 2,
            error_records: false,
            check_code: true,
        },
        Case {
            name: "bad-line",
            lines: with_bad.clone(),
            read: "parallelize",
            partitions: 4,
            error_records: true,
            check_code: false,
        },
        Case {
            name: "bad-line-check-code",
            lines: with_bad[bad_at - 2..bad_at + 2].to_vec(),
            read: "parallelize",
            partitions: 2,
            error_records: true,
            check_code: true,
        },
    ];
    let dir = common::temp_dir("spark");
    let outcomes = run_spark(&dir, &cases);
    report(format!(
        "spark: PySpark {version}, local[2], {} cases in {:.1} s (one Spark start)",
        cases.len(),
        started.elapsed().as_secs_f64()
    ));

    for (case, outcome) in cases.iter().zip(&outcomes) {
        let (one, code) = sequential(case);
        let name = case.name;
        if case.name == "bad-line-check-code" {
            // checkCode=True: newsparse's exit status 1 for the bad line fails the task, and
            // so the job, error record or not.
            assert_eq!(code, Some(1));
            let failed = outcome.failed.as_deref().unwrap_or("");
            assert!(
                failed.contains("PIPE_FUNCTION_EXITED") && failed.ends_with("error code 1."),
                "{name}: {outcome:?}"
            );
            report(format!(
                "spark: {name}: {} partitions ({} lines), exit status 1 with checkCode=True fails the job: {failed}",
                outcome.partitions,
                lengths(&outcome.input_lines)
            ));
            continue;
        }
        assert_eq!(outcome.failed, None, "{name}");
        let records = outcome.records.as_ref().unwrap();
        assert_eq!(
            outcome.input_lines.iter().sum::<usize>(),
            case.lines.len(),
            "{name}"
        );
        // Each partition's process gave one line per input line.
        assert_eq!(records, &outcome.input_lines, "{name}");
        assert_eq!(outcome.output.lines().count(), case.lines.len(), "{name}");
        let how = if case.name == "bad-line" {
            assert_eq!(
                code,
                Some(1),
                "{name}: one process exits 1 for the bad line"
            );
            bad_line_records(&outcome.output, &one, bad_at, &outcome.input_lines)
        } else {
            assert_eq!(code, Some(0), "{name}");
            assert!(
                outcome.output == one,
                "{name}: Spark's records differ from one process's: {}",
                first_difference(&outcome.output, &one)
            );
            "equal to one newsparse process, byte for byte".to_owned()
        };
        for (record, line) in outcome.output.lines().zip(&case.lines) {
            let record: Value = serde_json::from_str(record).unwrap();
            let text = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|l| l["text"].as_str().map(str::to_owned))
                .unwrap_or_default();
            check_record(&record, &text);
        }
        match name {
            "corpus" => assert!(outcome.partitions >= 4, "{outcome:?}"),
            "empty-partitions" => {
                assert_eq!(outcome.partitions, 8);
                assert!(outcome.input_lines.contains(&0), "{outcome:?}");
            }
            _ => {}
        }
        let empty = outcome.input_lines.iter().filter(|&&n| n == 0).count();
        report(format!(
            "spark: {name}: {} partitions ({} lines, {empty} empty), {} records, {how}",
            outcome.partitions,
            lengths(&outcome.input_lines),
            outcome.output.lines().count()
        ));
    }
    fs::remove_dir_all(dir).unwrap();
}

/// The records of the run with a bad line: all but the bad line's equal to one process's,
/// byte for byte; the bad line's an `invalid_json` error record whose source counts lines
/// within its partition's input (`-:N`), where one process counts them over the whole file.
fn bad_line_records(spark: &str, one: &str, bad_at: usize, input_lines: &[usize]) -> String {
    let (spark, one): (Vec<&str>, Vec<&str>) = (spark.lines().collect(), one.lines().collect());
    assert_eq!(spark.len(), one.len());
    for (i, (s, o)) in spark.iter().zip(&one).enumerate() {
        if i != bad_at {
            assert_eq!(s, o, "record {i}");
        }
    }
    let (s, o): (Value, Value) = (
        serde_json::from_str(spark[bad_at]).unwrap(),
        serde_json::from_str(one[bad_at]).unwrap(),
    );
    assert_eq!(o["error"]["kind"], "invalid_json");
    assert_eq!(o["source"], format!("-:{}", bad_at + 1));
    assert_eq!(s["error"], o["error"]);
    let mut before = 0;
    let (partition, within) = input_lines
        .iter()
        .enumerate()
        .find_map(|(p, &n)| {
            let found = (bad_at < before + n).then(|| (p, bad_at - before));
            before += n;
            found
        })
        .unwrap();
    assert_eq!(s["source"], format!("-:{}", within + 1));
    format!(
        "equal to one newsparse process, byte for byte, but for the bad line's error record \
         (invalid_json, same message; source {} in partition {partition} where one process says {})",
        s["source"], o["source"]
    )
}

/// Where two runs' records part, briefly: a record is long.
fn first_difference(spark: &str, one: &str) -> String {
    let (spark, one): (Vec<&str>, Vec<&str>) = (spark.lines().collect(), one.lines().collect());
    let short = |l: Option<&&str>| l.map_or("(none)".to_owned(), |l| l.chars().take(160).collect());
    let at = (0..spark.len().max(one.len()))
        .find(|&i| spark.get(i) != one.get(i))
        .unwrap_or(0);
    format!(
        "{} lines and {}; line {at}:\n  spark: {}\n  one:   {}",
        spark.len(),
        one.len(),
        short(spark.get(at)),
        short(one.get(at))
    )
}
