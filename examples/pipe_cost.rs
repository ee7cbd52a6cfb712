//! What handing one publish of diagnostics to the editor costs the server, by the publish's size, and
//! nothing else: the bodies `lsp_bench` sees at 1,000, 10,000 and 100,000 words (8, 55 and 501 KB) are
//! written again and again, framed as the server frames them (header and body in one `writev`), into a
//! pipe widened to 1 MB as the server widens stdout, which `cat` reads to /dev/null as an editor would
//! read it. CPU time of this process (utime + stime from /proc/self/stat) per write.
//!
//! LSP re-sends every diagnostic of a document on every change, so this is a floor under the server's
//! CPU per edit that grows with the document's diagnostics, whatever else the server does.
//! `cargo run --release --example pipe_cost` (Linux). Figures on a shared machine vary: read them.

use std::io::IoSlice;
use std::process::{Command, Stdio};
use std::time::Instant;

/// utime and stime of this process, in seconds.
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses and may hold spaces).
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = 100.0; // USER_HZ on Linux
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
            / tick
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command.
    (field(11), field(12))
}

fn main() {
    let writes = 3000;
    println!("pipe_cost: {writes} writes of each size into a 1 MB pipe read by `cat`");
    println!(
        "{:>10} {:>14} {:>14} {:>14}",
        "KB", "CPU/write ms", "of it sys ms", "wall/write ms"
    );
    for kb in [8usize, 55, 501] {
        let mut child = Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("cat");
        let stdin = child.stdin.take().expect("stdin");
        let _ = rustix::pipe::fcntl_setpipe_size(&stdin, 1 << 20);
        // A body of diagnostics-like JSON of the size (its bytes do not matter to the pipe).
        let body: Vec<u8> = br#"{"range":{"start":{"line":1234,"character":56},"end":{"line":1234,"character":62}},"severity":4,"code":"weak-verb","source":"casebook","message":"\"helped\" hides what you did"},"#
            .iter()
            .copied()
            .cycle()
            .take(kb * 1024)
            .collect();
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let (user0, sys0) = cpu_seconds();
        let start = Instant::now();
        for _ in 0..writes {
            let mut parts = [IoSlice::new(header.as_bytes()), IoSlice::new(&body)];
            let mut parts = &mut parts[..];
            while !parts.is_empty() {
                let n = rustix::io::writev(&stdin, parts).expect("write");
                IoSlice::advance_slices(&mut parts, n);
            }
        }
        let wall = start.elapsed().as_secs_f64();
        let (user1, sys1) = cpu_seconds();
        drop(stdin);
        let _ = child.wait();
        let per = |s: f64| s * 1e3 / writes as f64;
        println!(
            "{:>10} {:>14.4} {:>14.4} {:>14.4}",
            kb,
            per(user1 - user0 + sys1 - sys0),
            per(sys1 - sys0),
            per(wall)
        );
    }
}
