//! What a run waits on: Ctrl-C ends it within a second whatever that is (an idle pipe, a
//! long article, a batch that is not full), with whole lines out; and with --jobs the
//! workers start on the first two files at once.
#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::spawn;

const ARTICLE: &str = "Title\n\nMOSCOW, May 4. /TASS/. Foreign Minister Sergey Lavrov met \
                       his counterpart. \u{201c}We agreed,\u{201d} Lavrov said.\n";

fn interrupt(child: &Child) {
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
}

/// Interrupts `child` and gives its exit code and standard output, failing the test if it
/// takes more than `within` to end (and killing it then).
fn interrupted(mut child: Child, within: Duration) -> (Option<i32>, String) {
    interrupt(&child);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > within {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running {within:?} after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("UTF-8");
    (status.code(), out)
}

/// The JSON records in `out`, each a whole line.
fn records(out: &str) -> Vec<serde_json::Value> {
    assert!(out.is_empty() || out.ends_with('\n'), "a cut line: {out:?}");
    out.lines()
        .map(|l| serde_json::from_str(l).expect("a whole JSON line"))
        .collect()
}

fn json_line(id: usize) -> String {
    serde_json::json!({"id": id, "text": ARTICLE}).to_string() + "\n"
}

#[test]
fn ctrl_c_ends_a_run_waiting_on_an_idle_pipe_and_keeps_its_records() {
    // Standard input that stays open and says nothing more: the read never returns.
    for jobs in ["1", "2"] {
        let (child, mut stdin) = spawn(&["--input", "jsonl", "-j", jobs, "--compact"]);
        // Three lines, fewer than a batch: their records are made, then the pipe idles.
        for id in 0..3 {
            stdin.write_all(json_line(id).as_bytes()).unwrap();
        }
        stdin.flush().unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        let (code, out) = interrupted(child, Duration::from_secs(3));
        assert_eq!(code, Some(130), "-j {jobs}");
        let ids: Vec<_> = records(&out).iter().map(|r| r["source"].clone()).collect();
        assert_eq!(ids, ["0", "1", "2"], "-j {jobs}");
        drop(stdin);
    }
    // A text on standard input, never finished.
    let (child, mut stdin) = spawn(&["-"]);
    stdin.write_all(b"Title\n\nMOSCOW").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (code, out) = interrupted(child, Duration::from_secs(3));
    assert_eq!(code, Some(130));
    assert!(out.is_empty(), "{out:?}");
    drop(stdin);
}

#[test]
fn ctrl_c_ends_a_run_inside_a_long_article() {
    // Long enough to take many seconds (this is the debug build): the run does not wait
    // for it to finish.
    let dir = common::temp_dir("waits-long");
    let path = dir.join("long.txt");
    let paragraph = "President Vladimir Putin said \u{201c}we will respond\u{201d} to NATO in \
                     Moscow, Kremlin spokesman Dmitry Peskov said.\n\n";
    let text = ARTICLE.to_owned() + &paragraph.repeat(40_000_000 / paragraph.len());
    std::fs::write(&path, text).unwrap();
    let (child, _stdin) = spawn(&["--max-bytes", "100000000", path.to_str().unwrap()]);
    std::thread::sleep(Duration::from_millis(500));
    let (code, out) = interrupted(child, Duration::from_secs(3));
    assert_eq!(code, Some(130));
    assert!(out.is_empty(), "half a record: {} bytes", out.len());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn with_jobs_the_workers_start_on_the_first_two_files() {
    // Two named pipes: the first is written only once newsparse has opened the second,
    // which it does only if a second worker reads while the first waits on its pipe.
    let dir = common::temp_dir("waits-fifos");
    let (first, second) = (dir.join("a.txt"), dir.join("b.txt"));
    for fifo in [&first, &second] {
        let made = std::process::Command::new("mkfifo")
            .arg(fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
    }
    let child = common::newsparse()
        .args(["-j", "2", "--compact"])
        .args([&first, &second])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsparse starts");
    // Opening a pipe to write waits for its reader: in a thread, so that the test can
    // give up on it.
    let (opened_tx, opened_rx) = std::sync::mpsc::channel();
    let second_writer = second.clone();
    std::thread::spawn(move || {
        let opened = std::fs::OpenOptions::new().write(true).open(&second_writer);
        let _ = opened_tx.send(opened);
    });
    let opened = opened_rx.recv_timeout(Duration::from_secs(5));
    // Unblock the first pipe whatever happened, so that the run can end.
    let mut first_pipe = std::fs::OpenOptions::new()
        .write(true)
        .open(&first)
        .unwrap();
    first_pipe.write_all(ARTICLE.as_bytes()).unwrap();
    drop(first_pipe);
    let mut second_pipe = match opened {
        Ok(pipe) => pipe.expect("the second pipe opens"),
        Err(_) => {
            let mut child = child;
            let _ = child.kill();
            let _ = child.wait();
            panic!("the second file was not opened while the first waited");
        }
    };
    second_pipe.write_all(ARTICLE.as_bytes()).unwrap();
    drop(second_pipe);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let sources: Vec<_> = records(common::stdout(&out))
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(sources.len(), 2);
    assert!(sources[0].ends_with("a.txt") && sources[1].ends_with("b.txt"));
    let _ = std::fs::remove_dir_all(dir);
}
