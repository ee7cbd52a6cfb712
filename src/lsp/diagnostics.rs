//! The body of `textDocument/publishDiagnostics`, written straight to JSON bytes (see [`super::output`]
//! for why not through tower-lsp-server), and written from the last one sent where it can be.
//!
//! Every change re-sends every diagnostic of the document, so what a publish costs grows with the
//! document, not with the change: at 100,000 words, counting the line and column of thousands of
//! findings and writing them out cost more than reviewing the edit. Most of those diagnostics are the
//! same as last time, though: a finding before the changed span is where it was, and a finding after it
//! (past the first line break after it) sits on the same column, its line moved by the lines the change
//! added or removed. [`Published`] keeps what it wrote last, diagnostic by diagnostic, and copies the
//! run of diagnostics before the change and the run after it whole (rewriting just their line numbers
//! when lines were added or removed), instead of working them out again; only the findings near the
//! change, and new ones, are matched one by one, and positioned and written afresh. When no line was
//! added or removed (typing), the runs are not even copied: the header and the span between them are
//! replaced in the last body, in place when they are as long as before. A test holds the result byte for
//! byte to a fresh write after random edits.

use crate::document::position::positions_of;
use crate::document::{Changes, Encoding, LineCol};
use crate::rules::{Finding, Severity};
use ropey::Rope;
use rustc_hash::FxHashMap;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

/// Each finding message written as a JSON string, by message. A publish re-sends every diagnostic of
/// the document, and escaping their messages again each time cost more than anything else in it; the
/// messages are shared (`Arc<str>`) between reviews, so they are known again by address. The `Arc`
/// is kept with its escaped text, so an address cannot be reused while it is a key.
#[derive(Default)]
pub struct EscapedMessages {
    by_address: FxHashMap<usize, (Arc<str>, Box<[u8]>)>,
}

impl EscapedMessages {
    fn get(&mut self, message: &Arc<str>) -> &[u8] {
        let key = Arc::as_ptr(message) as *const u8 as usize;
        &self
            .by_address
            .entry(key)
            .or_insert_with(|| {
                let escaped = serde_json::to_vec(&**message).unwrap_or_else(|_| b"\"\"".to_vec());
                (message.clone(), escaped.into_boxed_slice())
            })
            .1
    }

    /// Forgets the messages `live` does not use, once the cache holds many more than it.
    fn sweep(&mut self, live: usize) {
        if self.by_address.len() > 2 * live + 64 {
            self.by_address.clear();
        }
    }
}

/// One diagnostic as last published.
struct Written {
    rule: &'static str,
    severity: Severity,
    message: Arc<str>,
    range: Range<usize>,
    start: LineCol,
    end: LineCol,
    /// Its JSON object in [`Published::body`], from the start of the list of diagnostics.
    json: Range<usize>,
}

/// What was last published for one document: the body sent and where each diagnostic lies in it.
#[derive(Default)]
pub struct Published {
    body: Arc<Vec<u8>>,
    written: Vec<Written>,
    /// Where the list of diagnostics starts in `body`.
    list: usize,
    /// How many diagnostics the last publish positioned afresh (not carried over from the one before),
    /// and how many it matched to the one before one by one (not in a run copied whole).
    positioned: usize,
    singly: usize,
    messages: EscapedMessages,
}

/// Several lists of findings read as one, in order, without gathering them: at 100,000 words a
/// publish gathered thousands of references a keystroke.
#[derive(Clone, Copy)]
struct Joined<'a> {
    lists: &'a [&'a [Finding]],
    len: usize,
}

impl<'a> Joined<'a> {
    fn new(lists: &'a [&'a [Finding]]) -> Joined<'a> {
        let len = lists.iter().map(|list| list.len()).sum();
        Joined { lists, len }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// All of them in order, walked list by list (not looked up one index at a time: the runs before
    /// and after a change are thousands of findings at 100,000 words).
    fn iter(self) -> impl DoubleEndedIterator<Item = &'a Finding> {
        self.lists.iter().flat_map(|list| list.iter())
    }

    /// Those of `range`, in order (skipping to its start steps over whole lists, not findings).
    fn range(self, range: Range<usize>) -> impl Iterator<Item = &'a Finding> {
        self.iter().skip(range.start).take(range.len())
    }
}

/// How many diagnostics past the last one carried over the next one is looked for, before an index.
const NEAR: usize = 16;

/// Where a finding of the new publish was in the last one, if it can be carried over.
#[derive(Clone, Copy)]
enum Reuse {
    /// At the same place: before the changed span. Its JSON is copied.
    Same(usize),
    /// Past the changed span, `lines` lines further down (its columns unchanged).
    Moved(usize),
    /// Written afresh; its positions are at this index of the fresh ones.
    Fresh(usize),
}

impl Published {
    /// The body of a `textDocument/publishDiagnostics` notification for `findings` (several lists, in
    /// order) in the document `rope`, which `changes` (from [`crate::document::Document::take_changes`] by the publisher)
    /// made from the text last published; the same JSON [`super::convert::diagnostic`] and
    /// tower-lsp-server would produce (a test holds them equal). The body is kept for the next call.
    pub fn write(
        &mut self,
        uri: &str,
        version: Option<i32>,
        rope: &Rope,
        findings: &[&[Finding]],
        changes: Changes,
        encoding: Encoding,
    ) -> Arc<Vec<u8>> {
        let findings = Joined::new(findings);
        let carried = changes.carried(rope);
        let all_new = matches!(changes, Changes::All);
        let old = &self.written;
        let same = |w: &Written, f: &Finding, was: &Range<usize>| {
            w.range == *was
                // Rule ids are static strings: the same rule is almost always the same address.
                && (std::ptr::eq(w.rule, f.rule) || w.rule == f.rule)
                && w.severity == f.severity
                && (Arc::ptr_eq(&w.message, &f.message) || *w.message == *f.message)
        };
        // Typing changes a few findings in the middle: the run before the change is where it was and
        // the run after it moved with the text. Each is matched and copied (its JSON and its entries
        // here) whole, so a keystroke does not handle thousands of findings one by one.
        let (m, n) = (findings.len(), old.len());
        let front = match all_new {
            true => 0,
            false => findings
                .iter()
                .zip(old)
                .take_while(|(f, w)| f.range.end < carried.before && same(w, f, &f.range))
                .count(),
        };
        // (The run after may end in findings before the change, from another list.)
        let back = match all_new {
            true => 0,
            false => findings
                .iter()
                .rev()
                .zip(old.iter().rev())
                .take((m - front).min(n - front))
                .take_while(|(f, w)| carried.was(&f.range).is_some_and(|was| same(w, f, &was)))
                .count(),
        };
        let (middle, old_middle) = (front..m - back, front..n - back);
        self.singly = middle.len();

        // The findings between: each looked for among the old ones between, just after the last one
        // found (a change drops or adds a few), by an index of them if that fails.
        let mut next = old_middle.start;
        let mut index: Option<FxHashMap<(usize, usize, &'static str), usize>> = None;
        let mut find = |was: Range<usize>, f: &Finding| -> Option<usize> {
            let near = next..(next + NEAR).min(old_middle.end);
            let found = old[near.clone()]
                .iter()
                .position(|w| same(w, f, &was))
                .map(|k| near.start + k)
                .or_else(|| {
                    let index = index.get_or_insert_with(|| {
                        let mut index = FxHashMap::default();
                        for i in old_middle.clone() {
                            let w = &old[i];
                            index
                                .entry((w.range.start, w.range.end, w.rule))
                                .or_insert(i);
                        }
                        index
                    });
                    index
                        .get(&(was.start, was.end, f.rule))
                        .copied()
                        .filter(|&i| same(&old[i], f, &was))
                })?;
            next = found + 1;
            Some(found)
        };
        let mut fresh_offsets = Vec::new();
        let reuse: Vec<Reuse> = findings
            .range(middle.clone())
            .map(|f| {
                let found = carried
                    .was(&f.range)
                    .filter(|_| !all_new)
                    .and_then(|was| find(was, f))
                    .map(|i| match carried.lines_down(&f.range) {
                        0 => Reuse::Same(i),
                        _ => Reuse::Moved(i),
                    });
                found.unwrap_or_else(|| {
                    fresh_offsets.extend([f.range.start, f.range.end]);
                    Reuse::Fresh(fresh_offsets.len() / 2 - 1)
                })
            })
            .collect();
        let fresh = positions_of(rope, &fresh_offsets, encoding);
        self.positioned = fresh.len() / 2;

        let mut header: Vec<u8> = Vec::with_capacity(self.list.max(128));
        header.extend_from_slice(
            br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        // Writing into memory cannot fail.
        let _ = serde_json::to_writer(&mut header, uri);
        if let Some(version) = version {
            let _ = write!(header, r#","version":{version}"#);
        }
        header.extend_from_slice(br#","diagnostics":["#);

        // The list is written in one of two ways. Typing, which moves no line: the last body is kept
        // and only the header and the span between the runs before and after the change are replaced
        // in it (in place, when as long as before: a keystroke does not copy the whole list). Otherwise,
        // a new body: the header, the run before, those between, the run after (moved when lines were
        // added or removed). Either way, each diagnostic's JSON is kept relative to the list's start.
        let in_place = !all_new && !self.body.is_empty() && (back == 0 || carried.lines == 0);
        let (old_list, old_body) = (self.list, &self.body[self.list.min(self.body.len())..]);
        // Where the span between starts in the list, and the list's bytes before it (a new body).
        let between_at = if front > 0 {
            old[front - 1].json.end
        } else {
            0
        };
        let mut out: Vec<u8> = if in_place {
            Vec::new()
        } else {
            let mut out = Vec::with_capacity(self.body.len().max(128));
            out.extend_from_slice(&header);
            out.extend_from_slice(&old_body[..between_at]);
            out
        };
        // The list position of what is written next to `out`: `out` is the span between alone (in
        // place), or the header and the list so far.
        let at = |out: &Vec<u8>| match in_place {
            true => between_at + out.len(),
            false => out.len() - header.len(),
        };
        let messages = &mut self.messages;
        let mut written = Vec::with_capacity(reuse.len());
        let mut comma = front > 0;
        for (finding, how) in findings.range(middle.clone()).zip(&reuse) {
            if comma {
                out.push(b',');
            }
            comma = true;
            let from = at(&out);
            let (start, end) = match *how {
                Reuse::Same(j) => {
                    let w = &old[j];
                    out.extend_from_slice(&old_body[w.json.clone()]);
                    (w.start, w.end)
                }
                Reuse::Moved(j) => {
                    let w = &old[j];
                    let (start, end) = (down(w.start, carried.lines), down(w.end, carried.lines));
                    write_diagnostic(&mut out, finding, start, end, messages);
                    (start, end)
                }
                Reuse::Fresh(k) => {
                    let (start, end) = (fresh[2 * k], fresh[2 * k + 1]);
                    write_diagnostic(&mut out, finding, start, end, messages);
                    (start, end)
                }
            };
            written.push(Written {
                rule: finding.rule,
                severity: finding.severity,
                message: finding.message.clone(),
                range: finding.range.clone(),
                start,
                end,
                json: from..at(&out),
            });
        }
        if back > 0 && comma {
            out.push(b',');
        }
        // The run after the change: its JSON kept (or copied) whole when no line was added or removed;
        // when some were, each diagnostic the change moved down is written again with its new lines.
        let (after, new_after) = (n - back..n, m - back..m);
        let old_after_at = match after.start {
            i if i < n => old[i].json.start,
            _ => old_body.len().saturating_sub(3),
        };
        let json_by = at(&out) as isize - old_after_at as isize;
        let mut moved: Vec<(Range<usize>, LineCol, LineCol)> = Vec::new();
        if in_place {
            let body = Arc::make_mut(&mut self.body);
            replace_range(body, old_list + between_at..old_list + old_after_at, &out);
            replace_range(body, 0..old_list, &header);
        } else {
            if back > 0 && carried.lines == 0 {
                out.extend_from_slice(&old_body[old_after_at..old[n - 1].json.end]);
            } else if back > 0 {
                moved.reserve(back);
                for (i, (w, finding)) in old[after.clone()]
                    .iter()
                    .zip(findings.range(new_after.clone()))
                    .enumerate()
                {
                    if i > 0 {
                        out.push(b',');
                    }
                    let from = at(&out);
                    let lines = carried.lines_down(&finding.range);
                    let (start, end) = (down(w.start, lines), down(w.end, lines));
                    if lines == 0 {
                        out.extend_from_slice(&old_body[w.json.clone()]);
                    } else {
                        write_diagnostic(&mut out, finding, start, end, messages);
                    }
                    moved.push((from..at(&out), start, end));
                }
            }
            out.extend_from_slice(b"]}}");
            self.body = Arc::new(out);
        }

        // The entries of the run after the change move with it; those between are replaced.
        let shift = |x: usize, by: isize| (x as isize + by) as usize;
        for (i, (w, finding)) in self.written[after]
            .iter_mut()
            .zip(findings.range(new_after.clone()))
            .enumerate()
        {
            w.range = finding.range.clone();
            match moved.get(i) {
                Some((json, start, end)) => (w.json, w.start, w.end) = (json.clone(), *start, *end),
                None => w.json = shift(w.json.start, json_by)..shift(w.json.end, json_by),
            }
        }
        self.written.splice(old_middle, written);
        self.messages.sweep(self.written.len());
        self.list = header.len();
        self.body.clone()
    }
}

#[cfg(test)]
impl Published {
    /// How many diagnostics the last publish positioned afresh rather than carried over.
    pub fn positioned(&self) -> usize {
        self.positioned
    }

    /// How many diagnostics the last publish matched to the one before one by one.
    pub fn handled_singly(&self) -> usize {
        self.singly
    }
}

/// Replaces `range` of `body` with `with`: where they are as long, in place (nothing after it moves).
fn replace_range(body: &mut Vec<u8>, range: Range<usize>, with: &[u8]) {
    if range.len() == with.len() {
        body[range].copy_from_slice(with);
    } else {
        body.splice(range, with.iter().copied());
    }
}

/// `p`, `lines` lines further down.
fn down(p: LineCol, lines: isize) -> LineCol {
    LineCol {
        line: (p.line as isize + lines) as u32,
        col: p.col,
    }
}

/// One diagnostic's JSON object.
fn write_diagnostic(
    out: &mut Vec<u8>,
    finding: &Finding,
    start: LineCol,
    end: LineCol,
    messages: &mut EscapedMessages,
) {
    let mut number = itoa::Buffer::new();
    out.extend_from_slice(br#"{"range":{"start":{"line":"#);
    out.extend_from_slice(number.format(start.line).as_bytes());
    out.extend_from_slice(br#","character":"#);
    out.extend_from_slice(number.format(start.col).as_bytes());
    out.extend_from_slice(br#"},"end":{"line":"#);
    out.extend_from_slice(number.format(end.line).as_bytes());
    out.extend_from_slice(br#","character":"#);
    out.extend_from_slice(number.format(end.col).as_bytes());
    out.extend_from_slice(br#"}},"severity":"#);
    let _ = serde_json::to_writer(&mut *out, &super::convert::severity(finding.severity));
    out.extend_from_slice(br#","code":"#);
    let _ = serde_json::to_writer(&mut *out, finding.rule);
    out.extend_from_slice(br#","source":"casebook","message":"#);
    out.extend_from_slice(messages.get(&finding.message));
    out.push(b'}');
}

/// A publish written from nothing (what [`Published::write`] gives for [`Changes::All`]).
pub fn publish_diagnostics(
    uri: &str,
    version: Option<i32>,
    rope: &Rope,
    findings: &[&[Finding]],
    encoding: Encoding,
) -> Vec<u8> {
    let mut published = Published::default();
    let body = published.write(uri, version, rope, findings, Changes::All, encoding);
    drop(published);
    Arc::try_unwrap(body).unwrap_or_else(|shared| (*shared).clone())
}

#[cfg(test)]
mod tests {
    use super::super::convert;
    use super::*;
    use crate::document::{ChangeReader, Document};
    use proptest::prelude::*;
    use tower_lsp_server::ls_types as lsp;

    #[test]
    fn a_range_of_a_body_is_replaced_by_longer_shorter_or_as_long() {
        for (range, with, expected) in [
            (2..4, "XY", "abXYef"),
            (2..4, "XYZW", "abXYZWef"),
            (2..4, "X", "abXef"),
            (2..4, "", "abef"),
            (0..0, "X", "Xabcdef"),
            (6..6, "XY", "abcdefXY"),
            (0..6, "", ""),
        ] {
            let mut body = b"abcdef".to_vec();
            replace_range(&mut body, range.clone(), with.as_bytes());
            assert_eq!(
                String::from_utf8(body).unwrap(),
                expected,
                "{range:?} by {with:?}"
            );
        }
    }

    #[test]
    fn writes_what_tower_would_write() {
        let text = "Intro 😀 line\r\nsecond 日本 line with a claim\n";
        let rope = Rope::from_str(text);
        let findings = [
            Finding {
                rule: "vague-claim",
                severity: Severity::Warning,
                range: 6..10,
                message: "says \"better\" without a number".into(),
            },
            Finding {
                rule: "weak-verb",
                severity: Severity::Info,
                range: 25..40,
                message: "tab\t, newline\n, quote \", backslash \\, bell \u{7}, 😀".into(),
            },
        ];
        let uri: lsp::Uri = "file:///tmp/a.md".parse().unwrap();
        for (encoding, version) in [
            (Encoding::Utf8, Some(7)),
            (Encoding::Utf16, Some(7)),
            (Encoding::Utf16, None),
        ] {
            let ours: serde_json::Value = serde_json::from_slice(&publish_diagnostics(
                uri.as_str(),
                version,
                &rope,
                &[&findings[..1], &findings[1..]],
                encoding,
            ))
            .unwrap();
            let typed = lsp::PublishDiagnosticsParams::new(
                uri.clone(),
                findings
                    .iter()
                    .map(|f| convert::diagnostic(&rope, f, encoding))
                    .collect(),
                version,
            );
            assert_eq!(ours["method"], "textDocument/publishDiagnostics");
            assert_eq!(ours["jsonrpc"], "2.0");
            assert_eq!(ours["params"], serde_json::to_value(typed).unwrap());
        }
    }

    const PIECES: &[&str] = &[
        "a", "Z", " ", "\n", "\r\n", "\r", "😀", "日本", "e\u{301}", "# ", "- ", "claim. ",
    ];
    const RULES: &[&str] = &["vague-claim", "weak-verb", "no-result"];

    fn text_strategy() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
    }

    /// The char boundary at or before `fraction` of `text`.
    fn boundary(text: &str, fraction: f64) -> usize {
        let mut at = (fraction * text.len() as f64) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// Findings at random places of `text`, sorted as a review sorts them.
    fn findings_in(
        text: &str,
        spots: &[(f64, f64, usize, usize)],
        messages: &[Arc<str>],
    ) -> Vec<Finding> {
        let mut found: Vec<Finding> = spots
            .iter()
            .map(|&(a, b, rule, message)| {
                let (a, b) = (boundary(text, a), boundary(text, b));
                Finding {
                    rule: RULES[rule % RULES.len()],
                    severity: if rule % 2 == 0 {
                        Severity::Warning
                    } else {
                        Severity::Info
                    },
                    range: a.min(b)..a.max(b),
                    message: messages[message % messages.len()].clone(),
                }
            })
            .collect();
        found.sort_by(|x, y| {
            (x.range.start, x.range.end, x.rule).cmp(&(y.range.start, y.range.end, y.rule))
        });
        found
    }

    /// A finding that ends where the change starts is written afresh: a `\n` typed after a lone `\r`
    /// moves the position of the offset between them back onto the `\r`'s line.
    #[test]
    fn a_finding_ending_where_the_change_starts_is_positioned_again() {
        let mut doc = Document::new("ab\rcd");
        let finding = |range: Range<usize>| Finding {
            rule: "vague-claim",
            severity: Severity::Warning,
            range,
            message: Arc::from("m"),
        };
        let mut published = Published::default();
        let before = [finding(0..3)];
        let changes = doc.take_changes(ChangeReader::Publisher);
        published.write("u", None, doc.rope(), &[&before], changes, Encoding::Utf16);
        doc.replace(3..3, "\n").unwrap();
        let changes = doc.take_changes(ChangeReader::Publisher);
        let carried = published
            .write("u", None, doc.rope(), &[&before], changes, Encoding::Utf16)
            .to_vec();
        let fresh = publish_diagnostics("u", None, doc.rope(), &[&before], Encoding::Utf16);
        assert_eq!(
            String::from_utf8(carried).unwrap(),
            String::from_utf8(fresh.clone()).unwrap()
        );
        let json: serde_json::Value = serde_json::from_slice(&fresh).unwrap();
        assert_eq!(json["params"]["diagnostics"][0]["range"]["end"]["line"], 0);
    }

    /// A keystroke re-sends every diagnostic, but positions afresh only those near it: the rest are
    /// carried over in two runs, before and after it, on the same lines or moved down with the text
    /// (the second list, like the portfolio's findings, lies near the top), and the publish still
    /// equals one written from nothing.
    #[test]
    fn a_keystroke_positions_only_the_diagnostics_near_it() {
        let line = "We improved it a lot 😀 and shipped.\n";
        let mut doc = Document::new(&line.repeat(400));
        let message: Arc<str> = Arc::from("says \"a lot\" without a number");
        let findings_of = |text: &str| -> Vec<Finding> {
            text.match_indices("a lot")
                .map(|(at, _)| Finding {
                    rule: "vague-claim",
                    severity: Severity::Warning,
                    range: at..at + 5,
                    message: message.clone(),
                })
                .collect()
        };
        let top = [Finding {
            rule: "thin-portfolio",
            severity: Severity::Info,
            range: 0..2,
            message: Arc::from("covers few principles"),
        }];
        let mut published = Published::default();
        let changes = doc.take_changes(ChangeReader::Publisher);
        let findings = findings_of(&doc.text());
        let lists: [&[Finding]; 2] = [&findings, &top];
        published.write("u", Some(1), doc.rope(), &lists, changes, Encoding::Utf16);
        assert_eq!(published.positioned(), 401);
        let middle = 200 * line.len();
        for (version, (edit, inserted, moves_no_line)) in [
            (middle + 3..middle + 3, "x", true),
            (middle + 3..middle + 4, "", true),
            (middle + 2..middle + 2, "\n", false),
            (middle..middle + line.len() + 1, "", false),
        ]
        .into_iter()
        .enumerate()
        {
            doc.replace(edit, inserted).unwrap();
            let changes = doc.take_changes(ChangeReader::Publisher);
            let findings = findings_of(&doc.text());
            let lists: [&[Finding]; 2] = [&findings, &top];
            let version = Some(version as i32 + 2);
            let body_was = published.body.as_ptr();
            let carried = published
                .write("u", version, doc.rope(), &lists, changes, Encoding::Utf16)
                .to_vec();
            // Typing that moves no line rewrites only what changed, in the last body.
            if moves_no_line {
                assert_eq!(published.body.as_ptr(), body_was);
            }
            assert!(published.positioned() <= 1, "{}", published.positioned());
            assert!(
                published.handled_singly() <= 2,
                "{}",
                published.handled_singly()
            );
            let fresh = publish_diagnostics("u", version, doc.rope(), &lists, Encoding::Utf16);
            assert_eq!(
                String::from_utf8(carried).unwrap(),
                String::from_utf8(fresh).unwrap()
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// After any edits, a publish written from the last one is byte for byte the publish written from
        /// nothing: findings the edits did not touch keep their place (or move with the text), others
        /// change, vanish or appear, and the document has emoji, CJK, combining marks and every line break.
        #[test]
        fn a_publish_from_the_last_one_is_a_publish_from_nothing(
            text in text_strategy(),
            rounds in prop::collection::vec(
                (
                    prop::collection::vec((0.0..1.0f64, 0.0..1.0f64, text_strategy()), 0..3),
                    prop::collection::vec((0.0..1.0f64, 0.0..1.0f64, 0usize..6, 0usize..4), 0..4),
                    prop::collection::vec(any::<bool>(), 0..12),
                ),
                1..4,
            ),
            first in prop::collection::vec((0.0..1.0f64, 0.0..1.0f64, 0usize..6, 0usize..4), 0..12),
            utf8 in any::<bool>(),
        ) {
            let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let messages: Vec<Arc<str>> = ["says \"better\"", "no number", "tab\t😀", "plain"]
                .into_iter()
                .map(Arc::from)
                .collect();
            let mut doc = Document::new(&text);
            let mut findings = findings_in(&text, &first, &messages);
            let mut published = Published::default();
                let uri = "file:///tmp/a.md";
            let changes = doc.take_changes(ChangeReader::Publisher);
            published.write(uri, Some(1), doc.rope(), &[&findings], changes, encoding);
            for (version, (edits, new, keep)) in rounds.into_iter().enumerate() {
                for (a, b, inserted) in edits {
                    let now = doc.text();
                    let (a, b) = (boundary(&now, a), boundary(&now, b));
                    let range = a.min(b)..a.max(b);
                    let delta = inserted.len() as isize - range.len() as isize;
                    doc.replace(range.clone(), &inserted).unwrap();
                    // Findings clear of the edit move with the text; the others are dropped.
                    findings.retain_mut(|f| {
                        if f.range.end < range.start {
                            true
                        } else if f.range.start > range.end {
                            f.range = (f.range.start as isize + delta) as usize..(f.range.end as isize + delta) as usize;
                            true
                        } else {
                            false
                        }
                    });
                }
                let now = doc.text();
                // Some findings vanish, some appear, and one list of two is published.
                let mut kept: Vec<Finding> = findings
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| keep.get(*i).copied().unwrap_or(true))
                    .map(|(_, f)| f.clone())
                    .collect();
                kept.extend(findings_in(&now, &new, &messages));
                kept.sort_by(|x, y| (x.range.start, x.range.end, x.rule).cmp(&(y.range.start, y.range.end, y.rule)));
                findings = kept;
                let split = findings.len() / 2;
                let lists: [&[Finding]; 2] = [&findings[..split], &findings[split..]];
                let version = Some(version as i32 + 2);
                let changes = doc.take_changes(ChangeReader::Publisher);
                let carried = published
                    .write(uri, version, doc.rope(), &lists, changes, encoding)
                    .to_vec();
                let fresh = publish_diagnostics(uri, version, doc.rope(), &lists, encoding);
                prop_assert_eq!(String::from_utf8(carried).unwrap(), String::from_utf8(fresh).unwrap(), "{:?}", now);
            }
        }
    }
}
