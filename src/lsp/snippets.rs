//! Template slots as tab stops. A client that accepts snippets in workspace edits (LSP 3.18
//! `SnippetTextEdit`) gets each slot of an inserted template (`[baseline]`) as a numbered tab stop that
//! keeps the visible brackets, so Tab walks the writer through what is left to fill in. `ls-types` has
//! no type for snippet edits, so they are written as JSON here; everything else stays typed.

use crate::rules::placeholder_slots;
use serde_json::{json, Value};
use tower_lsp_server::ls_types::{Range, Uri};

/// `text` in LSP snippet syntax: every template slot (as `unfilled-placeholder` finds them) a numbered
/// tab stop whose default is the slot itself, in order, and `$0` at the end. `None` when the text has no
/// slot: its edit stays a plain `TextEdit`.
pub fn snippet(text: &str) -> Option<String> {
    let slots = placeholder_slots(text);
    if slots.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8 * slots.len());
    let mut at = 0;
    let mut stop = 0;
    for slot in slots {
        // Slots come in order and never overlap; a range that did would be left as text.
        let Some(default) = text.get(slot.clone()).filter(|_| slot.start >= at) else {
            continue;
        };
        stop += 1;
        escape(&text[at..slot.start], &mut out);
        out.push_str(&format!("${{{stop}:"));
        escape(default, &mut out);
        out.push('}');
        at = slot.end;
    }
    escape(&text[at..], &mut out);
    out.push_str("$0");
    Some(out)
}

/// Text as snippet text: `$`, `}` and `\` are the characters the grammar lets (and needs) a backslash
/// escape, in plain text and in a placeholder's default alike.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A workspace edit of one document, at `version`, as `documentChanges`: an edit whose text has slots
/// becomes a snippet edit, the others stay plain `TextEdit`s. `None` when no edit has a slot, so the
/// caller keeps its ordinary edit.
pub fn workspace_edit<'a>(
    uri: &Uri,
    version: i32,
    edits: impl IntoIterator<Item = (Range, &'a str)>,
) -> Option<Value> {
    let mut any_snippet = false;
    let edits: Vec<Value> = edits
        .into_iter()
        .map(|(range, text)| match snippet(text) {
            Some(value) => {
                any_snippet = true;
                json!({ "range": range, "snippet": { "kind": "snippet", "value": value } })
            }
            None => json!({ "range": range, "newText": text }),
        })
        .collect();
    any_snippet.then(|| {
        json!({ "documentChanges": [{
            "textDocument": { "uri": uri.as_str(), "version": version },
            "edits": edits,
        }] })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Position;

    #[test]
    fn slots_become_numbered_tab_stops_in_order() {
        assert_eq!(
            snippet(crate::actions::METRIC_TEMPLATE).as_deref(),
            Some(" from ${1:[baseline]} to ${2:[result]} (${3:[unit]}), which ${4:[customer or business outcome]}$0")
        );
        assert_eq!(
            snippet("Abandonment fell from [baseline] to XX% in TBD weeks.").as_deref(),
            Some("Abandonment fell from ${1:[baseline]} to ${2:XX%} in ${3:TBD} weeks.$0")
        );
    }

    #[test]
    fn escapes_dollar_brace_and_backslash() {
        assert_eq!(
            snippet(r"It saved $X a month on [cloud costs] {per team} in C:\ops.").as_deref(),
            Some(r"It saved ${1:\$X} a month on ${2:[cloud costs]} {per team\} in C:\\ops.$0")
        );
        assert_eq!(
            snippet(r"Costs fell from [baseline] to $5 {per seat}, see C:\ops.").as_deref(),
            Some(r"Costs fell from ${1:[baseline]} to \$5 {per seat\}, see C:\\ops.$0")
        );
        let mut out = String::new();
        escape(r"${1:x}\$0", &mut out);
        assert_eq!(out, r"\${1:x\}\\\$0");
    }

    #[test]
    fn keeps_emoji_and_cjk_intact() {
        assert_eq!(
            snippet("🚀 客户 churn fell from [baseline] 📉 to [result] — 日本.").as_deref(),
            Some("🚀 客户 churn fell from ${1:[baseline]} 📉 to ${2:[result]} — 日本.$0")
        );
    }

    #[test]
    fn text_without_slots_is_no_snippet() {
        for text in [
            "",
            "led",
            "\n\nI weighed two options and chose the cheaper one.",
            "See the [design doc](https://example.com) and `[code]`.",
            "Costs $5 {and} C:\\tmp.",
        ] {
            assert_eq!(snippet(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_workspace_edit_is_snippets_only_where_there_are_slots() {
        let uri: Uri = "file:///tmp/story.md".parse().expect("a uri");
        let at = Range::new(Position::new(2, 5), Position::new(2, 5));
        assert_eq!(workspace_edit(&uri, 3, [(at, "led")]), None);
        let edit =
            workspace_edit(&uri, 3, [(at, "led"), (at, " from [baseline]")]).expect("an edit");
        assert_eq!(
            edit,
            json!({ "documentChanges": [{
                "textDocument": { "uri": "file:///tmp/story.md", "version": 3 },
                "edits": [
                    { "range": at, "newText": "led" },
                    { "range": at, "snippet": { "kind": "snippet", "value": " from ${1:[baseline]}$0" } },
                ],
            }] })
        );
    }
}
