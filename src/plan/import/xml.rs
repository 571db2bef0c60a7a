//! The XML layer of .docx and .xlsx parts: an event reader that refuses nesting past
//! [`limits::MAX_XML_DEPTH`] (the parser keeps every open element's name, so depth is
//! memory), attributes by local name, and numbers that saturate instead of wrapping.

use std::borrow::Cow;
use std::fmt;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::limits;

pub(super) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
}

#[derive(Debug)]
pub(super) enum XmlError {
    Malformed(quick_xml::Error),
    TooDeep,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XmlError::Malformed(e) => write!(f, "the XML is malformed: {e}"),
            XmlError::TooDeep => write!(
                f,
                "the XML nests elements more than {} deep; that is the limit",
                limits::MAX_XML_DEPTH
            ),
        }
    }
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str) -> Self {
        Xml {
            reader: Reader::from_str(text),
            depth: 0,
        }
    }

    pub fn next(&mut self) -> Result<Event<'a>, XmlError> {
        let event = self.reader.read_event().map_err(XmlError::Malformed)?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > limits::MAX_XML_DEPTH {
                    return Err(XmlError::TooDeep);
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Ok(event)
    }
}

/// An attribute by local name (`w:val`, `r:id`, `ContentType`), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(Cow::into_owned)
    })
}

/// A whole number written in decimal digits, saturating at `u64::MAX` (a declared size
/// past any limit stays past it); `None` for anything else.
pub(super) fn number(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

/// A character or predefined entity reference as text; unknown entities are dropped.
pub(super) fn entity(r: &BytesRef<'_>) -> Cow<'static, str> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Cow::Owned(c.to_string());
    }
    Cow::Borrowed(match r.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_saturate_and_refuse_non_digits() {
        assert_eq!(number(" 12 "), Some(12));
        assert_eq!(number("18446744073709551615"), Some(u64::MAX));
        assert_eq!(number("99999999999999999999999"), Some(u64::MAX));
        assert_eq!(number("-1"), None);
        assert_eq!(number(""), None);
    }

    #[test]
    fn nesting_past_the_limit_is_refused() {
        let deep = "<a>".repeat(limits::MAX_XML_DEPTH + 1);
        let mut xml = Xml::new(&deep);
        let outcome = loop {
            match xml.next() {
                Ok(Event::Eof) => break None,
                Ok(_) => {}
                Err(e) => break Some(e),
            }
        };
        assert!(matches!(outcome, Some(XmlError::TooDeep)), "{outcome:?}");
        let ok = "<a>".repeat(limits::MAX_XML_DEPTH) + &"</a>".repeat(limits::MAX_XML_DEPTH);
        let mut xml = Xml::new(&ok);
        loop {
            match xml.next() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{e}"),
            }
        }
    }
}
