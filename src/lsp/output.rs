//! The server's output. tower-lsp-server turns every outgoing message into a `serde_json::Value` tree
//! before writing it; for `textDocument/publishDiagnostics`, which carries every finding of a document
//! after every change, building that tree cost more than the analysis itself (thousands of small maps
//! at 100,000 words). So diagnostics are written straight to JSON bytes (see [`super::diagnostics`]),
//! and one writer task puts them on stdout between tower's own messages, whole frame by whole frame.

use std::io::Write;
use std::sync::Arc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::sync::mpsc;

/// One JSON-RPC message for the client.
pub enum Frame {
    /// Header and body, as tower-lsp-server wrote them.
    Whole(Vec<u8>),
    /// A body, shared with whoever keeps it for the next one (a publish is written from the last
    /// one): the writer puts the header before it, and nothing copies it on the way out.
    Body(Arc<Vec<u8>>),
}

/// Where whole frames for the client go.
#[derive(Clone)]
pub struct Output(mpsc::UnboundedSender<Frame>);

impl Output {
    /// Sends one JSON-RPC message to the client.
    pub fn send(&self, frame: Frame) {
        // The writer is gone only when the session is over; nothing is left to tell.
        let _ = self.0.send(frame);
    }
}

/// Asks for a stdout pipe large enough for a big publish in one write (Linux; elsewhere, or when
/// stdout is not a pipe, nothing changes). A 100,000-word document's diagnostics are about 400 KB:
/// through the default 64 KB pipe, every publish took seven rounds of writing and waiting for the
/// editor to read, two context switches each.
pub fn widen_stdout_pipe() {
    #[cfg(target_os = "linux")]
    for size in [1 << 20, 1 << 19, 1 << 18] {
        if rustix::pipe::fcntl_setpipe_size(std::io::stdout(), size).is_ok() {
            break;
        }
    }
}

/// The process's stdout without std's line buffer (Linux): frames are whole when written, and std's
/// `LineWriter` scanned every 400 KB publish for its last line break before passing it on.
pub fn stdout() -> impl Write + Send + 'static {
    #[cfg(target_os = "linux")]
    {
        RawStdout
    }
    #[cfg(not(target_os = "linux"))]
    {
        std::io::stdout()
    }
}

#[cfg(target_os = "linux")]
struct RawStdout;

#[cfg(target_os = "linux")]
impl Write for RawStdout {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        // Nothing else writes to stdout (it is the client's channel), so std's buffer stays empty.
        Ok(rustix::io::write(std::io::stdout(), bytes)?)
    }

    fn write_vectored(&mut self, parts: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
        Ok(rustix::io::writev(std::io::stdout(), parts)?)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Starts the writer: returns the stream to hand to tower-lsp-server as its output, and the [`Output`]
/// for messages written here. Both end up on `out`, never interleaved within a frame. The writer is a
/// thread of its own writing straight from each frame (an async stdout would copy every frame into a
/// buffer of its own first: 400 KB per keystroke at 100,000 words).
pub fn merged<W: Write + Send + 'static>(out: W) -> (tokio::io::DuplexStream, Output) {
    let (tower_side, from_tower) = tokio::io::duplex(1 << 16);
    let (frames, mut queue) = mpsc::unbounded_channel::<Frame>();
    let from_tower_frames = frames.clone();
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_tower);
        while let Ok(Some(frame)) = read_frame(&mut reader).await {
            if from_tower_frames.send(Frame::Whole(frame)).is_err() {
                break;
            }
        }
    });
    let _ = std::thread::Builder::new()
        .name("casebook-output".into())
        .spawn(move || {
            let mut out = out;
            while let Some(frame) = queue.blocking_recv() {
                let written = match frame {
                    Frame::Whole(frame) => out.write_all(&frame),
                    Frame::Body(body) => {
                        let header = format!("Content-Length: {}\r\n\r\n", body.len());
                        write_both(&mut out, header.as_bytes(), &body)
                    }
                };
                if written.and_then(|()| out.flush()).is_err() {
                    break;
                }
            }
        });
    (tower_side, Output(frames))
}

/// Writes `first` then `second`, in one system call when `out` takes both at once (a header and the
/// body after it: a separate write of the header would cost a call, and copying them together a copy).
fn write_both(out: &mut impl Write, mut first: &[u8], mut second: &[u8]) -> std::io::Result<()> {
    while !first.is_empty() {
        match out.write_vectored(&[std::io::IoSlice::new(first), std::io::IoSlice::new(second)]) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) if n < first.len() => first = &first[n..],
            Ok(n) => {
                second = &second[n - first.len()..];
                first = &[];
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    out.write_all(second)
}

/// One whole frame (headers and body, as written) of tower-lsp-server's output, or `None` at its end.
async fn read_frame(reader: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Option<Vec<u8>>> {
    let mut frame = Vec::new();
    let mut length = None;
    loop {
        let start = frame.len();
        if reader.read_until(b'\n', &mut frame).await? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&frame[start..]);
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        if let Some(value) = super::transport::content_length(line) {
            length = value;
        }
    }
    let body_start = frame.len();
    frame.resize(body_start + length.unwrap_or(0), 0);
    reader.read_exact(&mut frame[body_start..]).await?;
    Ok(Some(frame))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    /// What the writer wrote, shared with the test.
    #[derive(Clone, Default)]
    struct Written(Arc<std::sync::Mutex<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Takes at most 7 bytes a call, across the parts it is given (as a full pipe does).
    struct Trickle(Vec<u8>);

    impl Write for Trickle {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.write_vectored(&[std::io::IoSlice::new(bytes)])
        }
        fn write_vectored(&mut self, parts: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
            let before = self.0.len();
            for part in parts {
                let room = 7 - (self.0.len() - before);
                self.0.extend_from_slice(&part[..part.len().min(room)]);
            }
            Ok(self.0.len() - before)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_header_and_body_written_in_pieces_arrive_whole_and_in_order() {
        for (header, body) in [
            ("Content-Length: 11\r\n\r\n", "{\"a\":\"😀日本\"}"),
            ("", "xyz"),
            ("abc", ""),
        ] {
            let mut out = Trickle(Vec::new());
            write_both(&mut out, header.as_bytes(), body.as_bytes()).unwrap();
            assert_eq!(out.0, format!("{header}{body}").into_bytes());
        }
    }

    #[tokio::test]
    async fn frames_from_both_sides_arrive_whole() {
        let written = Written::default();
        let (mut tower_side, output) = merged(written.clone());
        let tower = tokio::spawn(async move {
            for i in 0..200 {
                let body = format!("{{\"id\":{i},\"pad\":\"{}\"}}", "t".repeat(i * 37));
                let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
                tower_side.write_all(frame.as_bytes()).await.unwrap();
            }
        });
        for i in 0..200 {
            output.send(Frame::Body(Arc::new(
                format!("{{\"ours\":{i},\"pad\":\"{}\"}}", "o".repeat(i * 53)).into_bytes(),
            )));
        }
        tower.await.unwrap();
        // Everything sent reaches the writer thread in the end.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let whole = loop {
            let bytes = written.0.lock().unwrap().clone();
            assert!(std::time::Instant::now() < deadline, "frames lost");
            if bytes.windows(12).filter(|w| w == b"Content-Leng").count() >= 400 {
                break bytes;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        };
        let mut reader = BufReader::new(&whole[..]);
        let (mut theirs, mut ours) = (0, 0);
        while theirs + ours < 400 {
            let frame = read_frame(&mut reader).await.unwrap().unwrap();
            let text = String::from_utf8(frame).unwrap();
            let (_, body) = text.split_once("\r\n\r\n").unwrap();
            let value: serde_json::Value = serde_json::from_str(body).expect("a whole JSON body");
            if value.get("ours").is_some() {
                assert_eq!(value["ours"], ours);
                ours += 1;
            } else {
                assert_eq!(value["id"], theirs);
                theirs += 1;
            }
        }
    }
}
