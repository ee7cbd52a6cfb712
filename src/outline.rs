//! A document's outline: its case studies, and under each one its sections (sub-headings, nested by
//! level) or, when it has none, the story parts its prose shows. Also the ranges an editor can fold.
//! Byte ranges only; the protocol layer turns them into symbols and folding ranges.

use crate::analysis::cues::Part;
use crate::document::Document;
use crate::review::Review;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A case study (a top-level section, or the whole file).
    CaseStudy,
    /// A sub-heading inside a case study.
    Section,
    /// A story part found in the prose of a case study without sub-headings.
    Part,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineItem {
    pub name: String,
    /// A short description: the parts a section names, or a study's parts count.
    pub detail: Option<String>,
    pub kind: ItemKind,
    /// The whole item (trailing blank lines left out).
    pub range: Range<usize>,
    /// What to select when the item is picked: the heading's text.
    pub selection: Range<usize>,
    pub children: Vec<OutlineItem>,
}

/// `range` without its trailing whitespace.
fn trimmed(doc: &Document, range: Range<usize>) -> Range<usize> {
    let end = range.end.min(doc.len());
    let start = range.start.min(end);
    let text = doc.slice(start..end);
    start..start + text.trim_end().len()
}

/// The outline of a reviewed document. `name` titles a case study without a heading.
pub fn outline(review: &Review, doc: &Document, name: &str) -> Vec<OutlineItem> {
    let prose = &review.prose;
    let mut items = Vec::new();
    for study in &prose.studies {
        let range = trimmed(doc, study.range.clone());
        let view = review.study_view(study);
        let parts = Part::ALL.iter().filter(|p| view.has_part(**p)).count();
        // Sub-headings, nested by level with a stack of (level, item).
        let mut roots: Vec<OutlineItem> = Vec::new();
        let mut stack: Vec<(u8, OutlineItem)> = Vec::new();
        let headings: Vec<usize> = study
            .blocks
            .clone()
            .filter(|&i| Some(i) != study.heading && prose.blocks[i].heading_level().is_some())
            .collect();
        for (n, &i) in headings.iter().enumerate() {
            let block = &prose.blocks[i];
            let level = block.heading_level().unwrap_or(6);
            // The section runs until the next heading of the same or a higher level.
            let end = headings[n + 1..]
                .iter()
                .map(|&j| &prose.blocks[j])
                .find(|b| b.heading_level().unwrap_or(6) <= level)
                .map_or(study.range.end, |b| b.start);
            let named: Vec<&str> = review.blocks[i]
                .facts
                .heading_parts
                .iter()
                .map(|p| p.name())
                .collect();
            let item = OutlineItem {
                name: block.title().to_string(),
                detail: (!named.is_empty()).then(|| named.join(", ")),
                kind: ItemKind::Section,
                range: trimmed(doc, block.start..end),
                selection: block.range.clone(),
                children: Vec::new(),
            };
            while stack.last().is_some_and(|(l, _)| *l >= level) {
                if let Some((_, done)) = stack.pop() {
                    attach(&mut stack, &mut roots, done);
                }
            }
            stack.push((level, item));
        }
        while let Some((_, done)) = stack.pop() {
            attach(&mut stack, &mut roots, done);
        }
        if roots.is_empty() {
            // No sub-headings: the parts the prose shows, where each first appears.
            let mut found: Vec<(Part, Range<usize>)> = Part::ALL
                .iter()
                .filter_map(|&p| view.part_sources(p).next().map(|r| (p, r)))
                .filter(|(_, r)| range.start <= r.start)
                .collect();
            found.sort_by_key(|(_, r)| r.start);
            roots = found
                .into_iter()
                .map(|(part, r)| OutlineItem {
                    name: part.name().to_string(),
                    detail: None,
                    kind: ItemKind::Part,
                    range: r.clone(),
                    selection: r,
                    children: Vec::new(),
                })
                .collect();
        }
        let title = if study.title.is_empty() {
            name.to_string()
        } else {
            study.title.clone()
        };
        let selection = study.anchor.clone();
        items.push(OutlineItem {
            name: title,
            detail: Some(format!("parts {parts}/6")),
            kind: ItemKind::CaseStudy,
            range: range.start.min(selection.start)..range.end.max(selection.end),
            selection,
            children: roots,
        });
    }
    items
}

fn attach(stack: &mut [(u8, OutlineItem)], roots: &mut Vec<OutlineItem>, item: OutlineItem) {
    match stack.last_mut() {
        Some((_, parent)) => parent.children.push(item),
        None => roots.push(item),
    }
}

/// Byte ranges an editor can fold: every case study and every section.
pub fn folding(items: &[OutlineItem]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    fn walk(items: &[OutlineItem], out: &mut Vec<Range<usize>>) {
        for item in items {
            if item.kind != ItemKind::Part {
                out.push(item.range.clone());
            }
            walk(&item.children, out);
        }
    }
    walk(items, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Reviewer;

    fn outline_of(text: &str) -> Vec<OutlineItem> {
        let doc = Document::new(text);
        let review = Reviewer::default().review(&doc, &Default::default());
        outline(&review, &doc, "file")
    }

    #[test]
    fn studies_with_nested_sections() {
        let text = "# Checkout\n\n## Problem\n\nShoppers waited.\n\n### Data\n\nTickets rose.\n\n## Results\n\nConversion rose 3%.\n\n# Search\n\nSellers could not find listings.\n";
        let items = outline_of(text);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].name, "Checkout");
        let names: Vec<_> = items[0].children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Problem", "Results"]);
        assert_eq!(items[0].children[0].children[0].name, "Data");
        assert_eq!(items[0].children[0].detail.as_deref(), Some("Problem"));
        assert_eq!(&text[items[0].selection.clone()], "Checkout");
        assert!(text[items[0].range.clone()].ends_with("3%."));
        assert!(text[items[0].children[0].range.clone()].ends_with("Tickets rose."));
        assert_eq!(folding(&items).len(), 5);
    }

    #[test]
    fn a_study_without_sections_lists_its_parts() {
        let text = "# Payouts\n\nSellers were paid four days late, which cost them loans. As a result, payout tickets fell from 1,900 to 450 a month.\n";
        let items = outline_of(text);
        assert!(items[0]
            .children
            .iter()
            .all(|c| c.kind == ItemKind::Part && items[0].range.start <= c.range.start));
    }

    #[test]
    fn a_file_without_headings_is_named_after_the_file() {
        let items = outline_of("Sellers were paid late.\n");
        assert_eq!(items[0].name, "file");
    }
}
