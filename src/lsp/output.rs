//! The server's output. tower-lsp-server turns every outgoing message into a `serde_json::Value` tree
//! before writing it; for `textDocument/publishDiagnostics`, which carries every finding of a document
//! after every change, building that tree cost more than the analysis itself (thousands of small maps
//! at 100,000 words). So diagnostics are written straight to JSON bytes (see [`super::diagnostics`]),
//! and one writer task puts them on stdout between tower's own messages, whole frame by whole frame.

use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;

/// Where whole frames for the client go.
#[derive(Clone)]
pub struct Output(mpsc::UnboundedSender<Vec<u8>>);

impl Output {
    /// Sends one JSON-RPC message to the client: a frame made with [`frame`].
    pub fn send(&self, frame: Vec<u8>) {
        // The writer is gone only when the session is over; nothing is left to tell.
        let _ = self.0.send(frame);
    }
}

/// One JSON-RPC message (its body) with its header, ready to write.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut frame = Vec::with_capacity(header.len() + body.len());
    frame.extend_from_slice(header.as_bytes());
    frame.extend_from_slice(body);
    frame
}

/// Starts the writer: returns the stream to hand to tower-lsp-server as its output, and the [`Output`]
/// for messages written here. Both end up on `out`, never interleaved within a frame.
pub fn merged<W: AsyncWrite + Unpin + Send + 'static>(out: W) -> (tokio::io::DuplexStream, Output) {
    let (tower_side, from_tower) = tokio::io::duplex(1 << 16);
    let (frames, mut queue) = mpsc::unbounded_channel::<Vec<u8>>();
    let from_tower_frames = frames.clone();
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_tower);
        while let Ok(Some(frame)) = read_frame(&mut reader).await {
            if from_tower_frames.send(frame).is_err() {
                break;
            }
        }
    });
    tokio::spawn(async move {
        let mut out = out;
        while let Some(frame) = queue.recv().await {
            if out.write_all(&frame).await.is_err() || out.flush().await.is_err() {
                break;
            }
        }
    });
    (tower_side, Output(frames))
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

    #[tokio::test]
    async fn frames_from_both_sides_arrive_whole() {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (mut tower_side, output) = merged(server_end);
        let tower = tokio::spawn(async move {
            for i in 0..200 {
                let body = format!("{{\"id\":{i},\"pad\":\"{}\"}}", "t".repeat(i * 37));
                let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
                tower_side.write_all(frame.as_bytes()).await.unwrap();
            }
        });
        for i in 0..200 {
            output.send(frame(
                format!("{{\"ours\":{i},\"pad\":\"{}\"}}", "o".repeat(i * 53)).as_bytes(),
            ));
        }
        tower.await.unwrap();
        let mut reader = BufReader::new(client_end);
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
