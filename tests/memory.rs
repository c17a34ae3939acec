//! Memory bounded by the input: the heap a parse and its record take at their peak, counted
//! by a global allocator that wraps the system's, for texts that once took many times their
//! size (issue 17). One test runs the cases in turn, so that nothing else allocates
//! meanwhile.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use newsparse::{Options, Style, parse, render};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to `System` as it came; the counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak heap, in bytes above what was in use before, of parsing `text` and writing its
/// record.
fn peak_of(text: &str) -> usize {
    let before = IN_USE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let article = parse(text, &Options::default());
    render(std::io::sink(), "x", &article, Style::Compact).expect("a sink takes all");
    drop(article);
    PEAK.load(Relaxed) - before
}

/// `unit(i)` for i = 0, 1, … until the text holds `bytes` bytes, after a headline.
fn text(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut text = String::from("Officials meet in Moscow\n\n");
    for i in 0.. {
        if text.len() >= bytes {
            break;
        }
        text.push_str(&unit(i));
    }
    text
}

#[test]
fn the_heap_at_its_peak_is_a_few_times_the_input() {
    const MB: usize = 1 << 20;
    let cases = [
        // Ten million paragraphs once held a list of their lines, their ranges, their
        // paragraphs and their fields: 72 bytes for every two of input.
        (
            "a paragraph of one letter a line",
            text(4 * MB, |_| "a\n".into()),
            8,
        ),
    ];
    for (name, text, times) in cases {
        let peak = peak_of(&text);
        let ratio = peak as f64 / text.len() as f64;
        eprintln!(
            "{name}: {peak} bytes at the peak for {}, {ratio:.1}x",
            text.len()
        );
        assert!(
            ratio <= times as f64,
            "{name}: {ratio:.1}x the input, over {times}x"
        );
    }
}
