//! Reading and checking booklet files.
//!
//! A booklet comes from a file a person made (the built-in ones, or a survey a Children in Care
//! Council built), so every problem is reported in plain words and names the field by its path,
//! such as `sections[1].questions[3].kind.options[0].label: missing "ar" wording`. The rules are
//! listed in `docs/booklet-format.md`.

use crate::answer::RATHER_NOT_SAY;
use crate::booklet::{
    AnswerKind, Booklet, BookletKind, Choice, MeasureKind, Question, Section, Theme, FACES,
    FORMAT_NAME, FORMAT_VERSION, PICTURES, YES_NOT_SURE_NO,
};
use crate::survey::builder::SURVEY_ID_PREFIX;
use crate::text::{LocaleCode, Text};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The longest `max_chars` an own-words question may ask for.
pub const MAX_OWN_WORDS: u32 = 5000;

/// The longest survey id, in characters (`new_survey_id` makes 23).
pub const MAX_SURVEY_ID_CHARS: usize = 64;

/// Whether `id` can be a survey's id: `survey-` followed by lowercase letters, digits and
/// hyphens, at most [`MAX_SURVEY_ID_CHARS`] in all (what `survey::new_survey_id` makes). The
/// workspace tells survey answers from review booklets by the `survey-` prefix, and survey ids
/// become storage keys and file names, so nothing else is accepted.
pub fn is_survey_id(id: &str) -> bool {
    id.strip_prefix(SURVEY_ID_PREFIX).is_some_and(|rest| {
        !rest.is_empty()
            && id.len() <= MAX_SURVEY_ID_CHARS
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    })
}

/// One problem with a booklet file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookletError {
    /// Where the problem is, such as `sections[1].questions[3].kind.options[0].label`.
    /// Empty when the problem is with the whole file.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
    /// Line and column (1-based, columns count bytes) in the file, when the JSON reader gave them.
    pub position: Option<(usize, usize)>,
}

/// What is wrong with a booklet. The `Display` text is what people see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not JSON at all (or is cut short).
    NotJson(String),
    /// The file is JSON but not an object.
    NotAnObject,
    /// A field has the wrong type, is missing, or is not part of the format. The text is
    /// the JSON reader's explanation, reworded.
    Shape(String),
    /// `format` is missing or is not "my-say/booklet".
    WrongFormat {
        /// What the file has instead, if anything.
        found: Option<String>,
    },
    /// `version` is newer than this build reads.
    NewerVersion {
        /// The file's version.
        found: u64,
    },
    /// `version` is missing, zero, or not a whole number.
    BadVersion {
        /// What the file has, as JSON.
        found: String,
    },
    /// An id or code is empty.
    Blank,
    /// An id starts or ends with spaces.
    Spaces,
    /// An id is used twice where it must be unique.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// The same value is listed twice.
    Repeated {
        /// The value.
        value: String,
    },
    /// An option id is "rather_not_say", which is kept for "I'd rather not say".
    ReservedId,
    /// Wording is missing (or blank) in one of the booklet's languages.
    MissingWording {
        /// The language.
        locale: String,
    },
    /// Wording is given in a language the booklet does not list.
    UndeclaredLocale {
        /// The language.
        locale: String,
    },
    /// A picture name that the app does not ship.
    UnknownPicture {
        /// The name.
        name: String,
    },
    /// A value that is not an answer the referenced question can have.
    InvalidValue {
        /// The value.
        value: String,
        /// The question whose answers it should be one of.
        question: String,
        /// Every value that would be accepted.
        allowed: Vec<String>,
    },
    /// A condition refers to a question that does not exist.
    UnknownQuestion {
        /// The id referred to.
        id: String,
    },
    /// A condition refers to a question that comes later in the booklet.
    LaterQuestion {
        /// The id referred to.
        id: String,
    },
    /// A condition refers to its own question.
    OwnQuestion,
    /// `max_chars` is outside 1 to [`MAX_OWN_WORDS`].
    MaxChars {
        /// The value found.
        found: u32,
    },
    /// A list that must have at least one entry is empty.
    Empty {
        /// What it must list, such as "question".
        what: &'static str,
    },
    /// A pick-one question with fewer than two options.
    TooFewOptions,
    /// A measure or worry on an own-words question, which has no values to count.
    NothingToCount,
    /// Wording for an age band the booklet is not for.
    BandNotInBooklet {
        /// The band's code.
        band: String,
    },
    /// The same value counts as both positive and negative in a measure.
    BothWays {
        /// The value.
        value: String,
    },
    /// A survey's id is not `survey-` followed by lowercase letters, digits and hyphens
    /// ([`is_survey_id`]).
    SurveyId {
        /// The id found.
        found: String,
    },
    /// Own words for yes and no on a question that is not yes / not sure / no.
    NotYesNo,
    /// Words for yes or no with a "/" in them, such as "Ydw / Oes".
    Slash,
    /// Words for yes (or no) in a language that has none for the other.
    Unpaired {
        /// The language.
        locale: String,
    },
    /// A field or value that is new in a later format version than the file's.
    NeedsVersion {
        /// The version it is new in.
        version: u32,
    },
    /// The first question of an optional section (its switch) is not a plain yes / not sure /
    /// no question.
    SwitchNotYesNo,
    /// An optional section with nothing but its switch.
    OnlySwitch,
    /// A question of an optional section that can raise a worry: a worry must never wait for
    /// the child to switch a topic on.
    WorryInOptional,
    /// A question of an optional section that is not shown only when the section is switched on.
    NotSwitched {
        /// The id of the section's switch.
        switch: String,
    },
    /// An anonymous survey asks for something that identifies a child.
    Identifying {
        /// What it asks for: "a name", "a date of birth", "a case reference", "an address",
        /// "contact details", "a device identifier".
        what: &'static str,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotJson(msg) => write!(f, "this is not a booklet file (not valid JSON: {msg})"),
            Problem::NotAnObject => f.write_str("this is not a booklet file (a booklet is a JSON object: {...})"),
            Problem::Shape(msg) => f.write_str(msg),
            Problem::WrongFormat { found: None } => write!(
                f,
                "missing: a My Say booklet file has \"format\": \"{FORMAT_NAME}\""
            ),
            Problem::WrongFormat { found: Some(found) } => write!(
                f,
                "is \"{found}\", so this is not a My Say booklet (expected \"{FORMAT_NAME}\")"
            ),
            Problem::NewerVersion { found } => write!(
                f,
                "this booklet was made by a newer version of My Say (format version {found}; this \
                 version reads version {FORMAT_VERSION}). Update My Say to open it."
            ),
            Problem::BadVersion { found } => write!(
                f,
                "must be a whole number from 1 to {FORMAT_VERSION}, found {found}"
            ),
            Problem::Blank => f.write_str("must not be empty"),
            Problem::Spaces => f.write_str("must not start or end with spaces"),
            Problem::DuplicateId { id, first } => {
                write!(f, "the id \"{id}\" is already used at {first}")
            }
            Problem::Repeated { value } => write!(f, "\"{value}\" is listed more than once"),
            Problem::ReservedId => write!(
                f,
                "\"{RATHER_NOT_SAY}\" cannot be an option id: it is kept for \"I'd rather not say\", \
                 which every question offers already"
            ),
            Problem::MissingWording { locale } => write!(f, "missing \"{locale}\" wording"),
            Problem::UndeclaredLocale { locale } => write!(
                f,
                "has \"{locale}\" wording, but \"{locale}\" is not in the booklet's locales"
            ),
            Problem::UnknownPicture { name } => write!(
                f,
                "\"{name}\" is not a picture My Say has (it has: {})",
                PICTURES.join(", ")
            ),
            Problem::InvalidValue {
                value,
                question,
                allowed,
            } => write!(
                f,
                "\"{value}\" is not an answer question \"{question}\" can have (it can be: {})",
                allowed.join(", ")
            ),
            Problem::UnknownQuestion { id } => {
                write!(f, "refers to \"{id}\", which is not a question in this booklet")
            }
            Problem::LaterQuestion { id } => write!(
                f,
                "refers to \"{id}\", which comes later: a question can only depend on an earlier one"
            ),
            Problem::OwnQuestion => f.write_str("a question cannot depend on its own answer"),
            Problem::MaxChars { found } => write!(
                f,
                "must be between 1 and {MAX_OWN_WORDS}, found {found}"
            ),
            Problem::Empty { what } => write!(f, "must list at least one {what}"),
            Problem::TooFewOptions => f.write_str("a pick-one question needs at least two options"),
            Problem::NothingToCount => f.write_str(
                "an own-words question has no values to count: only \"rather_not_say\" can be used here",
            ),
            Problem::BandNotInBooklet { band } => write!(
                f,
                "the booklet is not for {band}: add \"{band}\" to age_bands or remove this wording"
            ),
            Problem::BothWays { value } => {
                write!(f, "\"{value}\" cannot count as both positive and negative")
            }
            Problem::SurveyId { found } => write!(
                f,
                "a survey's id must be \"{SURVEY_ID_PREFIX}\" followed by lowercase letters, digits \
                 and hyphens, at most {MAX_SURVEY_ID_CHARS} characters in all (such as \
                 \"survey-3f9a0c2e71b4d856\"), found \"{}\"",
                found.escape_debug()
            ),
            Problem::NotYesNo => f.write_str(
                "only a yes / not sure / no question can have its own words for yes and no",
            ),
            Problem::Slash => f.write_str(
                "must be one answer, without \"/\": it is read aloud. Give the words that fit \
                 this question (\"Hoffwn\", not \"Ydw / Hoffwn\")",
            ),
            Problem::Unpaired { locale } => write!(
                f,
                "has \"{locale}\" words, but the other of yes and no has none: give both"
            ),
            Problem::NeedsVersion { version } => write!(
                f,
                "is new in format version {version}: set \"version\": {version} (older versions \
                 of My Say then ask to be updated)"
            ),
            Problem::SwitchNotYesNo => f.write_str(
                "the first question of an optional section is its switch (\"Would you like to \
                 answer some questions about...?\"): it must be a yes / not sure / no question \
                 without a condition, a measure or worries",
            ),
            Problem::OnlySwitch => {
                f.write_str("an optional section needs questions after its switch")
            }
            Problem::WorryInOptional => f.write_str(
                "is in an optional section, which a child may leave switched off: a question \
                 that can raise a worry belongs in a section every child is asked",
            ),
            Problem::NotSwitched { switch } => write!(
                f,
                "is in an optional section: show it only when the section's switch is answered \
                 yes (\"show_if\": {{\"question\": \"{switch}\", \"any_of\": [\"yes\"]}}) or \
                 after another question of the section"
            ),
            Problem::Identifying { what } => write!(
                f,
                "an anonymous survey must not ask for {what}: remove this question or reword it \
                 (asking who someone would like, with the People kind, is fine)"
            ),
        }
    }
}

impl fmt::Display for BookletError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.problem)?;
        } else {
            write!(f, "{}: {}", self.path, self.problem)?;
        }
        if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for BookletError {}

impl BookletError {
    fn at(path: impl Into<String>, problem: Problem) -> BookletError {
        BookletError {
            path: path.into(),
            problem,
            position: None,
        }
    }
}

/// Reads a booklet file: checks it is JSON, that `format` and `version` are ones this build
/// reads (a newer version gets its own message), and that every field has the right type.
/// It does not apply the content rules: call [`validate`] next, or use [`load_booklet`].
pub fn parse_booklet(json: &str) -> Result<Booklet, BookletError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        let position = (e.line() > 0).then(|| (e.line(), e.column()));
        BookletError {
            path: String::new(),
            problem: Problem::NotJson(strip_position(&e.to_string()).to_owned()),
            position,
        }
    })?;
    check_header(&value)?;
    serde_json::from_str::<Booklet>(json).map_err(|e| shape_error(json, &value, &e))
}

/// Reads a booklet file and applies every rule: [`parse_booklet`] then [`validate`].
pub fn load_booklet(json: &str) -> Result<Booklet, Vec<BookletError>> {
    let booklet = parse_booklet(json).map_err(|e| vec![e])?;
    validate(&booklet)?;
    Ok(booklet)
}

/// Checks `format` and `version` before anything else, so that a file from a newer My Say is
/// told apart from a broken one.
fn check_header(value: &serde_json::Value) -> Result<(), BookletError> {
    let Some(object) = value.as_object() else {
        return Err(BookletError::at("", Problem::NotAnObject));
    };
    match object.get("format") {
        Some(serde_json::Value::String(s)) if s == FORMAT_NAME => {}
        Some(serde_json::Value::String(s)) => {
            return Err(BookletError::at(
                "format",
                Problem::WrongFormat {
                    found: Some(s.clone()),
                },
            ))
        }
        Some(other) => {
            return Err(BookletError::at(
                "format",
                Problem::WrongFormat {
                    found: Some(other.to_string()),
                },
            ))
        }
        None => {
            return Err(BookletError::at(
                "format",
                Problem::WrongFormat { found: None },
            ))
        }
    }
    match object.get("version") {
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(FORMAT_VERSION) => Err(BookletError::at(
                "version",
                Problem::NewerVersion { found: n },
            )),
            Some(n) if n >= 1 => Ok(()),
            _ => Err(BookletError::at(
                "version",
                Problem::BadVersion {
                    found: v.to_string(),
                },
            )),
        },
        None => Err(BookletError::at(
            "version",
            Problem::BadVersion {
                found: "nothing".into(),
            },
        )),
    }
}

/// serde_json's messages end with " at line L column C"; the position is kept separately.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// Turns a serde error on a file that is valid JSON into a [`BookletError`] naming the field.
fn shape_error(json: &str, value: &serde_json::Value, e: &serde_json::Error) -> BookletError {
    let position = (e.line() > 0).then(|| (e.line(), e.column()));
    let top = if e.line() > 0 {
        path_at(json, e.line(), e.column())
    } else {
        String::new()
    };
    // An answer kind is read whole before its fields are checked, so serde places a problem
    // inside it after the kind (or even after its question). Within the sections, read each
    // part on its own, innermost first, to find the part that fails.
    let (mut path, raw) = match top
        .starts_with("sections")
        .then(|| failing_part(value))
        .flatten()
    {
        Some(found) => found,
        None => (top, e.to_string()),
    };
    let message = strip_position(&raw);
    let text = if let Some(field) = between_backticks(message, "missing field ") {
        push_field(&mut path, field);
        "is missing (this field is required)".to_owned()
    } else if let Some(field) = between_backticks(message, "unknown field ") {
        push_field(&mut path, field);
        match message.split_once(", expected ") {
            Some((_, expected)) => format!(
                "is not a field of the booklet format here (expected {})",
                expected.replace('`', "\"")
            ),
            None => "is not a field of the booklet format here".to_owned(),
        }
    } else if let Some(variant) = between_backticks(message, "unknown variant ") {
        match message.split_once(", expected ") {
            Some((_, expected)) => format!(
                "\"{variant}\" is not allowed here (expected {})",
                expected.replace('`', "\"")
            ),
            None => format!("\"{variant}\" is not allowed here"),
        }
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!(
                "has the wrong type: expected {}, found {}",
                plain_type(expected),
                match found {
                    "sequence" => "a list".to_owned(),
                    "map" => "an object".to_owned(),
                    "unit value" => "null".to_owned(),
                    other => other.replace('`', "\""),
                }
            ),
            None => format!("has the wrong type: {rest}"),
        }
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        format!(
            "has a value that is not allowed: {}",
            rest.replace('`', "\"")
        )
    } else {
        message.replace('`', "\"")
    };
    BookletError {
        path,
        problem: Problem::Shape(text),
        position,
    }
}

/// Reads `value` as a `T` on its own; on failure, the path inside it and serde's message.
fn part_error<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
) -> Option<(String, String)> {
    let text = value.to_string();
    let e = serde_json::from_str::<T>(&text).err()?;
    let inside = if e.line() > 0 {
        path_at(&text, e.line(), e.column())
    } else {
        String::new()
    };
    Some((inside, e.to_string()))
}

/// `outer.inner`, or `outer` when `inner` is empty.
fn join_path(outer: &str, inner: &str) -> String {
    match inner {
        "" => outer.to_owned(),
        _ if inner.starts_with('[') => format!("{outer}{inner}"),
        _ => format!("{outer}.{inner}"),
    }
}

/// The first part of the sections that does not read as its type, innermost first (an option,
/// then an answer kind, then a question, then a section), with serde's message.
fn failing_part(value: &serde_json::Value) -> Option<(String, String)> {
    let sections = value.get("sections")?.as_array()?;
    for (i, section) in sections.iter().enumerate() {
        let sp = format!("sections[{i}]");
        let questions = section.get("questions").and_then(|q| q.as_array());
        for (j, question) in questions.into_iter().flatten().enumerate() {
            let qp = format!("{sp}.questions[{j}]");
            if let Some(kind) = question.get("kind") {
                let kp = format!("{qp}.kind");
                let options = kind.get("options").and_then(|o| o.as_array());
                for (n, option) in options.into_iter().flatten().enumerate() {
                    if let Some((inside, message)) = part_error::<Choice>(option) {
                        return Some((join_path(&format!("{kp}.options[{n}]"), &inside), message));
                    }
                }
                if let Some((inside, message)) = part_error::<AnswerKind>(kind) {
                    return Some((join_path(&kp, &inside), message));
                }
            }
            if let Some((inside, message)) = part_error::<Question>(question) {
                return Some((join_path(&qp, &inside), message));
            }
        }
        if let Some((inside, message)) = part_error::<Section>(section) {
            return Some((join_path(&sp, &inside), message));
        }
    }
    None
}

/// serde's names for types, in the words of the format's documentation.
fn plain_type(expected: &str) -> String {
    match expected {
        "u32" | "u64" => "a whole number".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a map" => "an object".to_owned(),
        "a boolean" => "true or false".to_owned(),
        _ if expected.starts_with("struct ") || expected.contains("enum ") => {
            "an object".to_owned()
        }
        _ => expected.replace('`', "\""),
    }
}

/// The name inside backticks right after `prefix`, as in "missing field `label`".
fn between_backticks<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?.strip_prefix('`')?;
    let end = rest.find('`')?;
    Some(&rest[..end])
}

/// Adds `.field` to a path unless the path already ends with it.
fn push_field(path: &mut String, field: &str) {
    let ends_with_field = path == field || path.ends_with(&format!(".{field}"));
    if !ends_with_field {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
    }
}

/// One open object or array while scanning for a path.
enum Frame {
    /// An object, with the key whose value is being read (if one has been read yet).
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    /// An array, with the index of the element being read (if one has started).
    Array { index: usize, started: bool },
}

/// The path of the value being read at a serde_json error position (1-based line, column of
/// the last byte read). It scans the text up to there, tracking open objects and arrays.
/// Never panics, whatever the text.
pub(crate) fn path_at(json: &str, line: usize, column: usize) -> String {
    let bytes = json.as_bytes();
    // The byte offset just after the last byte read.
    let mut end = 0;
    let mut current_line = 1;
    while current_line < line && end < bytes.len() {
        if bytes[end] == b'\n' {
            current_line += 1;
        }
        end += 1;
    }
    let end = (end + column).min(bytes.len());

    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            b'"' => {
                // A string: a key if the innermost object is waiting for one, else a value.
                start_value(&mut frames);
                let start = i + 1;
                let mut j = start;
                while j < end && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key }) = frames.last_mut() {
                    if *expecting_key {
                        *key = Some(unescape(&bytes[start..j.min(end)]));
                        *expecting_key = false;
                    }
                }
                i = j + 1;
            }
            b'{' => {
                start_value(&mut frames);
                frames.push(Frame::Object {
                    key: None,
                    expecting_key: true,
                });
                i += 1;
            }
            b'[' => {
                start_value(&mut frames);
                frames.push(Frame::Array {
                    index: 0,
                    started: false,
                });
                i += 1;
            }
            b'}' | b']' => {
                frames.pop();
                i += 1;
            }
            b',' => {
                match frames.last_mut() {
                    Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                    Some(Frame::Array { index, started }) => {
                        *index += 1;
                        *started = false;
                    }
                    None => {}
                }
                i += 1;
            }
            _ => {
                // A number, true, false or null.
                start_value(&mut frames);
                i += 1;
                while i < end && !b",}] \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
            }
        }
    }

    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            _ => break,
        }
    }
    path
}

/// Marks that a value starts in the innermost array, if that is where we are.
fn start_value(frames: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = frames.last_mut() {
        *started = true;
    }
}

/// Decodes a JSON string's simple escapes, well enough to name a key.
fn unescape(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{fffd}'),
                    );
                }
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The values an answer of this kind can match, without [`RATHER_NOT_SAY`] (which every kind
/// accepts): "yes"/"not_sure"/"no", the [`FACES`], or the option ids. Own words have none.
pub fn values_of(kind: &AnswerKind) -> Vec<&str> {
    match kind {
        AnswerKind::YesNotSureNo => YES_NOT_SURE_NO.to_vec(),
        AnswerKind::Faces => FACES.to_vec(),
        AnswerKind::PickOne { options }
        | AnswerKind::PickSeveral { options, .. }
        | AnswerKind::PickAndOrder { options, .. }
        | AnswerKind::People { options } => options.iter().map(|o| o.id.as_str()).collect(),
        AnswerKind::OwnWords { .. } => Vec::new(),
    }
}

/// Applies every content rule to a booklet and returns every problem found, in file order.
/// For a survey ([`BookletKind::Survey`]) this includes [`check_anonymous`].
pub fn validate(booklet: &Booklet) -> Result<(), Vec<BookletError>> {
    let mut v = Validator {
        booklet,
        errors: Vec::new(),
    };
    v.booklet_fields();
    if booklet.kind == BookletKind::Survey {
        if let Err(errors) = check_anonymous(booklet) {
            v.errors.extend(errors);
        }
    }
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

struct Validator<'b> {
    booklet: &'b Booklet,
    errors: Vec<BookletError>,
}

impl<'b> Validator<'b> {
    fn error(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(BookletError::at(path, problem));
    }

    fn booklet_fields(&mut self) {
        let b = self.booklet;
        if b.format != FORMAT_NAME {
            self.error(
                "format",
                Problem::WrongFormat {
                    found: Some(b.format.clone()),
                },
            );
        }
        if b.version > FORMAT_VERSION {
            self.error(
                "version",
                Problem::NewerVersion {
                    found: u64::from(b.version),
                },
            );
        } else if b.version == 0 {
            self.error("version", Problem::BadVersion { found: "0".into() });
        }
        // A survey's id marks its answers as survey answers (see [`is_survey_id`]).
        if self.id("id", &b.id) && b.kind == BookletKind::Survey && !is_survey_id(&b.id) {
            self.error(
                "id",
                Problem::SurveyId {
                    found: b.id.clone(),
                },
            );
        }
        if b.age_bands.is_empty() {
            self.error("age_bands", Problem::Empty { what: "age band" });
        }
        let mut seen = BTreeSet::new();
        for (i, band) in b.age_bands.iter().enumerate() {
            if !seen.insert(*band) {
                self.error(
                    format!("age_bands[{i}]"),
                    Problem::Repeated {
                        value: band.code().into(),
                    },
                );
            }
        }
        if b.locales.is_empty() {
            self.error("locales", Problem::Empty { what: "language" });
        }
        let mut seen = BTreeSet::new();
        for (i, locale) in b.locales.iter().enumerate() {
            let path = format!("locales[{i}]");
            if locale.as_str().trim().is_empty() {
                self.error(path, Problem::Blank);
            } else if !seen.insert(locale.as_str()) {
                self.error(
                    path,
                    Problem::Repeated {
                        value: locale.as_str().into(),
                    },
                );
            }
        }
        self.text("title", &b.title);
        if let Some(intro) = &b.intro {
            self.text("intro", intro);
        }
        if b.sections.is_empty() {
            self.error("sections", Problem::Empty { what: "section" });
        }

        let mut section_ids: BTreeMap<&str, String> = BTreeMap::new();
        let mut question_ids: BTreeMap<&str, String> = BTreeMap::new();
        let mut measure_keys: BTreeMap<&str, String> = BTreeMap::new();
        // Questions in booklet order, for conditions: id -> (flat index).
        let order: BTreeMap<&str, usize> = {
            let mut order = BTreeMap::new();
            for (n, q) in b.questions().enumerate() {
                order.entry(q.id.as_str()).or_insert(n);
            }
            order
        };
        let mut flat = 0;
        for (s, section) in b.sections.iter().enumerate() {
            let sp = format!("sections[{s}]");
            if self.id(&format!("{sp}.id"), &section.id) {
                unique(
                    &mut self.errors,
                    &mut section_ids,
                    &section.id,
                    format!("{sp}.id"),
                );
            }
            self.text(&format!("{sp}.title"), &section.title);
            if section.optional {
                self.optional_section(&sp, section);
            }
            if section.questions.is_empty() {
                self.error(
                    format!("{sp}.questions"),
                    Problem::Empty { what: "question" },
                );
            }
            for (n, q) in section.questions.iter().enumerate() {
                let qp = format!("{sp}.questions[{n}]");
                if self.id(&format!("{qp}.id"), q.id.as_str()) {
                    unique(
                        &mut self.errors,
                        &mut question_ids,
                        q.id.as_str(),
                        format!("{qp}.id"),
                    );
                }
                if let Some(m) = &q.measure {
                    let kp = format!("{qp}.measure.key");
                    if self.id(&kp, &m.key) {
                        unique(&mut self.errors, &mut measure_keys, &m.key, kp);
                    }
                }
                self.question(&qp, q, flat, &order);
                flat += 1;
            }
        }
    }

    /// An optional section's own rules (format version 3): its first question is its switch, a
    /// yes / not sure / no question without a condition, a measure or worries; every other
    /// question is shown only when the switch is "yes", or after another question of the
    /// section (which is itself hidden while the section is off).
    fn optional_section(&mut self, sp: &str, section: &Section) {
        if self.booklet.version < 3 {
            self.error(
                format!("{sp}.optional"),
                Problem::NeedsVersion { version: 3 },
            );
        }
        let Some(switch) = section.questions.first() else {
            return;
        };
        let plain = switch.kind == AnswerKind::YesNotSureNo
            && switch.show_if.is_none()
            && switch.measure.is_none()
            && switch.worry_if.is_empty();
        if !plain {
            self.error(format!("{sp}.questions[0]"), Problem::SwitchNotYesNo);
        }
        if section.questions.len() == 1 {
            self.error(format!("{sp}.questions"), Problem::OnlySwitch);
        }
        for (n, q) in section.questions.iter().enumerate().skip(1) {
            if !q.worry_if.is_empty() {
                self.error(
                    format!("{sp}.questions[{n}].worry_if"),
                    Problem::WorryInOptional,
                );
            }
            let switched = q.show_if.as_ref().is_some_and(|c| {
                (c.question == switch.id && c.any_of == ["yes"])
                    || section.questions[1..n].iter().any(|e| e.id == c.question)
            });
            if !switched {
                self.error(
                    format!("{sp}.questions[{n}].show_if"),
                    Problem::NotSwitched {
                        switch: switch.id.as_str().to_owned(),
                    },
                );
            }
        }
    }

    /// Checks an id is not blank and has no surrounding spaces. Returns whether it is usable.
    fn id(&mut self, path: &str, id: &str) -> bool {
        if id.trim().is_empty() {
            self.error(path, Problem::Blank);
            false
        } else if id.trim() != id {
            self.error(path, Problem::Spaces);
            false
        } else {
            true
        }
    }

    /// Whether wording in `locale` is allowed: one of the booklet's `locales`, or a variant of
    /// one ("ar-f" of "ar"), which gives only the wording that differs and is never required.
    fn declares(&self, locale: &str) -> bool {
        let base = locale.split_once('-').map_or(locale, |(base, _)| base);
        self.booklet
            .locales
            .iter()
            .any(|l| l.as_str() == locale || l.as_str() == base)
    }

    fn text(&mut self, path: &str, text: &Text) {
        for locale in text.missing(&self.booklet.locales) {
            self.error(
                path,
                Problem::MissingWording {
                    locale: locale.as_str().into(),
                },
            );
        }
        for locale in text.0.keys() {
            if !self.declares(locale.as_str()) {
                self.error(
                    path,
                    Problem::UndeclaredLocale {
                        locale: locale.as_str().into(),
                    },
                );
            }
        }
    }

    fn picture(&mut self, path: &str, picture: &Option<String>) {
        if let Some(name) = picture {
            if !PICTURES.contains(&name.as_str()) {
                self.error(path, Problem::UnknownPicture { name: name.clone() });
            }
        }
    }

    fn question(&mut self, qp: &str, q: &Question, flat: usize, order: &BTreeMap<&str, usize>) {
        self.text(&format!("{qp}.text"), &q.text);
        if q.theme == Theme::BeingHeard && self.booklet.version < 3 {
            self.error(format!("{qp}.theme"), Problem::NeedsVersion { version: 3 });
        }
        for (band, text) in &q.text_by_band {
            let path = format!("{qp}.text_by_band.{}", band.code());
            if !self.booklet.age_bands.contains(band) {
                self.error(
                    path.clone(),
                    Problem::BandNotInBooklet {
                        band: band.code().into(),
                    },
                );
            }
            self.text(&path, text);
        }
        if let Some(help) = &q.help {
            self.text(&format!("{qp}.help"), help);
        }
        self.picture(&format!("{qp}.picture"), &q.picture);
        self.kind(&format!("{qp}.kind"), &q.kind);
        self.yes_no(qp, q);

        if let Some(m) = &q.measure {
            let mp = format!("{qp}.measure");
            if m.kind == MeasureKind::Heard && self.booklet.version < 3 {
                self.error(format!("{mp}.kind"), Problem::NeedsVersion { version: 3 });
            }
            self.text(&format!("{mp}.label"), &m.label);
            if m.positive.is_empty() {
                self.error(format!("{mp}.positive"), Problem::Empty { what: "value" });
            }
            self.values(&format!("{mp}.positive"), &m.positive, q);
            self.values(&format!("{mp}.negative"), &m.negative, q);
            for (i, value) in m.negative.iter().enumerate() {
                if m.positive.contains(value) {
                    self.error(
                        format!("{mp}.negative[{i}]"),
                        Problem::BothWays {
                            value: value.clone(),
                        },
                    );
                }
            }
        }
        self.values(&format!("{qp}.worry_if"), &q.worry_if, q);

        if let Some(condition) = &q.show_if {
            let cp = format!("{qp}.show_if");
            let target = condition.question.as_str();
            match order.get(target) {
                _ if target == q.id.as_str() => {
                    self.error(format!("{cp}.question"), Problem::OwnQuestion)
                }
                None => self.error(
                    format!("{cp}.question"),
                    Problem::UnknownQuestion { id: target.into() },
                ),
                Some(&at) if at > flat => self.error(
                    format!("{cp}.question"),
                    Problem::LaterQuestion { id: target.into() },
                ),
                Some(_) => {
                    if condition.any_of.is_empty() {
                        self.error(format!("{cp}.any_of"), Problem::Empty { what: "value" });
                    }
                    if let Some(earlier) = self.booklet.question(&condition.question) {
                        self.values(&format!("{cp}.any_of"), &condition.any_of, earlier);
                    }
                }
            }
        }
    }

    /// A question's own words for yes and no ([`Question::yes`], [`Question::no`]).
    fn yes_no(&mut self, qp: &str, q: &Question) {
        for (field, words, other) in [("yes", &q.yes, &q.no), ("no", &q.no, &q.yes)] {
            let Some(words) = words else { continue };
            let path = format!("{qp}.{field}");
            if self.booklet.version < 2 {
                self.error(path.clone(), Problem::NeedsVersion { version: 2 });
            }
            if q.kind != AnswerKind::YesNotSureNo {
                self.error(path.clone(), Problem::NotYesNo);
            }
            for (locale, said) in &words.0 {
                let locale = locale.as_str();
                if !self.declares(locale) {
                    self.error(
                        path.clone(),
                        Problem::UndeclaredLocale {
                            locale: locale.into(),
                        },
                    );
                }
                if said.trim().is_empty() {
                    self.error(path.clone(), Problem::Blank);
                } else if said.contains('/') {
                    self.error(path.clone(), Problem::Slash);
                }
                if !other
                    .as_ref()
                    .is_some_and(|o| o.0.keys().any(|l| l.as_str() == locale))
                {
                    self.error(
                        path.clone(),
                        Problem::Unpaired {
                            locale: locale.into(),
                        },
                    );
                }
            }
        }
    }

    fn kind(&mut self, kp: &str, kind: &AnswerKind) {
        match kind {
            AnswerKind::YesNotSureNo | AnswerKind::Faces => {}
            AnswerKind::OwnWords { max_chars } => {
                if !(1..=MAX_OWN_WORDS).contains(max_chars) {
                    self.error(
                        format!("{kp}.max_chars"),
                        Problem::MaxChars { found: *max_chars },
                    );
                }
            }
            AnswerKind::PickOne { options } => {
                if options.len() == 1 {
                    self.error(format!("{kp}.options"), Problem::TooFewOptions);
                }
                self.options(kp, options);
            }
            AnswerKind::PickSeveral { options, .. }
            | AnswerKind::PickAndOrder { options, .. }
            | AnswerKind::People { options } => self.options(kp, options),
        }
    }

    fn options(&mut self, kp: &str, options: &[Choice]) {
        if options.is_empty() {
            self.error(format!("{kp}.options"), Problem::Empty { what: "option" });
        }
        let mut ids: BTreeMap<&str, String> = BTreeMap::new();
        for (i, option) in options.iter().enumerate() {
            let op = format!("{kp}.options[{i}]");
            let ip = format!("{op}.id");
            if self.id(&ip, &option.id) {
                if option.id == RATHER_NOT_SAY {
                    self.error(ip.clone(), Problem::ReservedId);
                }
                unique(&mut self.errors, &mut ids, &option.id, ip);
            }
            self.text(&format!("{op}.label"), &option.label);
            self.picture(&format!("{op}.picture"), &option.picture);
        }
    }

    /// Checks answer values (for measures, worries and conditions) against `q`'s kind.
    fn values(&mut self, path: &str, values: &[String], q: &Question) {
        let allowed = values_of(&q.kind);
        let mut seen = BTreeSet::new();
        for (i, value) in values.iter().enumerate() {
            let vp = format!("{path}[{i}]");
            if value != RATHER_NOT_SAY && !allowed.contains(&value.as_str()) {
                if matches!(q.kind, AnswerKind::OwnWords { .. }) {
                    self.error(vp, Problem::NothingToCount);
                } else {
                    let mut allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
                    allowed.push(RATHER_NOT_SAY.into());
                    self.error(
                        vp,
                        Problem::InvalidValue {
                            value: value.clone(),
                            question: q.id.as_str().into(),
                            allowed,
                        },
                    );
                }
            } else if !seen.insert(value.as_str()) {
                self.error(
                    vp,
                    Problem::Repeated {
                        value: value.clone(),
                    },
                );
            }
        }
    }
}

/// Records `id` at `path`, or reports it as a duplicate of where it was first seen.
fn unique<'a>(
    errors: &mut Vec<BookletError>,
    seen: &mut BTreeMap<&'a str, String>,
    id: &'a str,
    path: String,
) {
    if let Some(first) = seen.get(id) {
        errors.push(BookletError::at(
            path,
            Problem::DuplicateId {
                id: id.into(),
                first: first.clone(),
            },
        ));
    } else {
        seen.insert(id, path);
    }
}

/// Words in a question id that ask for something identifying.
const IDENTIFYING_IDS: [(&str, &str); 28] = [
    ("name", "a name"),
    ("first_name", "a name"),
    ("firstname", "a name"),
    ("last_name", "a name"),
    ("lastname", "a name"),
    ("surname", "a name"),
    ("full_name", "a name"),
    ("fullname", "a name"),
    ("child_name", "a name"),
    ("your_name", "a name"),
    ("my_name", "a name"),
    ("dob", "a date of birth"),
    ("date_of_birth", "a date of birth"),
    ("birth_date", "a date of birth"),
    ("birthdate", "a date of birth"),
    ("case_ref", "a case reference"),
    ("case_reference", "a case reference"),
    ("case_number", "a case reference"),
    ("reference_number", "a case reference"),
    ("nhs_number", "a case reference"),
    ("postcode", "an address"),
    ("address", "an address"),
    ("phone", "contact details"),
    ("phone_number", "contact details"),
    ("mobile", "contact details"),
    ("email", "contact details"),
    ("email_address", "contact details"),
    ("device_id", "a device identifier"),
];

/// English phrases that ask for something identifying (matched as whole words, ignoring case
/// and punctuation; "what's" reads as "whats"), with what they ask for.
pub const IDENTIFYING_WORDS: [(&str, &str); 25] = [
    ("your name", "a name"),
    ("your first name", "a name"),
    ("your full name", "a name"),
    ("your surname", "a name"),
    ("your last name", "a name"),
    ("my name is", "a name"),
    ("what are you called", "a name"),
    ("childs name", "a name"),
    ("name of the child", "a name"),
    ("date of birth", "a date of birth"),
    ("birth date", "a date of birth"),
    ("when were you born", "a date of birth"),
    ("when is your birthday", "a date of birth"),
    ("dob", "a date of birth"),
    ("case reference", "a case reference"),
    ("case ref", "a case reference"),
    ("case number", "a case reference"),
    ("reference number", "a case reference"),
    ("postcode", "an address"),
    ("your address", "an address"),
    ("your phone number", "contact details"),
    ("your mobile number", "contact details"),
    ("your email", "contact details"),
    ("device id", "a device identifier"),
    ("device identifier", "a device identifier"),
];

/// Lower-case words separated by single spaces; apostrophes vanish ("what's" -> "whats").
fn normalise(text: &str) -> String {
    let mut out = String::new();
    let mut space = true;
    for c in text.chars() {
        if c == '\'' || c == '\u{2019}' {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_owned()
}

/// What an id or English wording asks for, if it is identifying.
fn identifying(id: &str, english: &[&str]) -> Option<&'static str> {
    let id = normalise(id).replace(' ', "_");
    if let Some((_, what)) = IDENTIFYING_IDS.iter().find(|(word, _)| *word == id) {
        return Some(what);
    }
    for text in english {
        let words = format!(" {} ", normalise(text));
        if let Some((_, what)) = IDENTIFYING_WORDS
            .iter()
            .find(|(phrase, _)| words.contains(&format!(" {phrase} ")))
        {
            return Some(what);
        }
    }
    None
}

/// Checks that no question asks for a name, a date of birth, a case reference, an address,
/// contact details or a device identifier,
/// by its id or its English wording (the question, its wording for each band, its help).
/// A question of the People kind may have an id such as `name` (it asks who the child would
/// like, not who the child is), but its wording is still checked: "What's your name?" is not
/// made safe by offering people to choose from.
/// [`validate`] applies this to every survey; the survey builder calls it as the author types.
pub fn check_anonymous(booklet: &Booklet) -> Result<(), Vec<BookletError>> {
    let en = LocaleCode::new("en");
    let mut errors = Vec::new();
    for (s, section) in booklet.sections.iter().enumerate() {
        for (n, q) in section.questions.iter().enumerate() {
            let id = match q.kind {
                AnswerKind::People { .. } => "",
                _ => q.id.as_str(),
            };
            let mut english: Vec<&str> = Vec::new();
            english.extend(q.text.0.get(&en).map(String::as_str));
            english.extend(
                q.text_by_band
                    .values()
                    .filter_map(|t| t.0.get(&en))
                    .map(String::as_str),
            );
            english.extend(
                q.help
                    .iter()
                    .filter_map(|t| t.0.get(&en))
                    .map(String::as_str),
            );
            if let Some(what) = identifying(id, &english) {
                errors.push(BookletError::at(
                    format!("sections[{s}].questions[{n}]"),
                    Problem::Identifying { what },
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booklet::QuestionId;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// A small valid booklet in English and Arabic:
    /// sections[0]: where (pick_one)
    /// sections[1]: feel_safe, happy, worries, who (pick_several), worry_details (own words, show_if).
    fn small() -> Value {
        let t = |en: &str| json!({"en": en, "ar": format!("{en} (ar)")});
        json!({
            "format": "my-say/booklet",
            "version": 1,
            "id": "test",
            "revision": 1,
            "kind": "review",
            "age_bands": ["7-9"],
            "locales": ["en", "ar"],
            "title": t("My Say"),
            "sections": [
                {"id": "planning", "title": t("Planning"), "questions": [
                    {"id": "where", "theme": "place_and_time", "text": t("Where?"),
                     "kind": {"type": "pick_one", "options": [
                         {"id": "home", "label": t("Home"), "picture": "house"},
                         {"id": "school", "label": t("School")}]}}
                ]},
                {"id": "life_now", "title": t("My life now"), "questions": [
                    {"id": "feel_safe", "theme": "home", "text": t("Do you feel safe?"),
                     "picture": "house", "kind": {"type": "yes_not_sure_no"},
                     "measure": {"key": "feel_safe", "kind": "safety", "label": t("said they feel safe"),
                                 "positive": ["yes"], "negative": ["no"]},
                     "worry_if": ["no", "not_sure"]},
                    {"id": "happy", "theme": "home", "text": t("How happy are you?"),
                     "kind": {"type": "faces"}, "worry_if": ["very_sad"]},
                    {"id": "worries", "theme": "worries", "text": t("Is anything worrying you?"),
                     "kind": {"type": "yes_not_sure_no"}, "worry_if": ["yes"]},
                    {"id": "who", "theme": "people", "text": t("Who?"),
                     "kind": {"type": "pick_several", "own_words": true, "options": [
                         {"id": "mum", "label": t("Mum")}, {"id": "dad", "label": t("Dad")}]}},
                    {"id": "worry_details", "theme": "worries", "text": t("Tell me about it"),
                     "kind": {"type": "own_words", "max_chars": 500},
                     "show_if": {"question": "worries", "any_of": ["yes", "not_sure"]}}
                ]}
            ]
        })
    }

    fn errors_of(value: &Value) -> Vec<String> {
        match parse_booklet(&value.to_string()) {
            Err(e) => vec![e.to_string()],
            Ok(b) => match validate(&b) {
                Ok(()) => Vec::new(),
                Err(es) => es.iter().map(ToString::to_string).collect(),
            },
        }
    }

    fn one_error(value: &Value) -> String {
        let errors = errors_of(value);
        assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
        errors.into_iter().next().unwrap()
    }

    fn mutate(f: impl FnOnce(&mut Value)) -> Value {
        let mut v = small();
        f(&mut v);
        v
    }

    #[test]
    fn a_yes_no_question_can_give_its_own_words_for_yes_and_no() {
        let with = |yes: Value, no: Value| {
            mutate(|v| {
                v["version"] = json!(2);
                v["sections"][1]["questions"][0]["yes"] = yes;
                v["sections"][1]["questions"][0]["no"] = no;
            })
        };
        // Only some languages: the others keep the app's words.
        let v = with(json!({"ar": "أجل"}), json!({"ar": "كلا"}));
        assert_eq!(errors_of(&v), Vec::<String>::new());
        let b = parse_booklet(&v.to_string()).unwrap();
        let q = b.question(&QuestionId::new("feel_safe")).unwrap();
        assert_eq!(q.own_label("yes", &LocaleCode::new("ar")), Some("أجل"));
        assert_eq!(q.own_label("no", &LocaleCode::new("ar")), Some("كلا"));
        assert_eq!(q.own_label("yes", &LocaleCode::new("en")), None);
        assert_eq!(q.own_label("not_sure", &LocaleCode::new("ar")), None);
        assert_eq!(b.needed_version(), 2);

        let p = "sections[1].questions[0]";
        assert_eq!(
            one_error(&with(json!({"ar": "نعم / أجل"}), json!({"ar": "كلا"}))),
            format!(
                "{p}.yes: must be one answer, without \"/\": it is read aloud. Give the words \
                 that fit this question (\"Hoffwn\", not \"Ydw / Hoffwn\")"
            )
        );
        assert_eq!(
            one_error(&with(json!({"ar": "أجل"}), json!({"ar": " "}))),
            format!("{p}.no: must not be empty")
        );
        assert_eq!(
            errors_of(&with(json!({"ar": "أجل"}), json!({"en": "Nope"}))),
            [
                format!(
                    "{p}.yes: has \"ar\" words, but the other of yes and no has none: give both"
                ),
                format!(
                    "{p}.no: has \"en\" words, but the other of yes and no has none: give both"
                ),
            ]
        );
        assert_eq!(
            errors_of(&with(
                json!({"ar": "أجل", "cy": "Ydw"}),
                json!({"ar": "كلا", "cy": "Nac ydw"})
            )),
            ["yes", "no"].map(|f| format!(
                "{p}.{f}: has \"cy\" wording, but \"cy\" is not in the booklet's locales"
            ))
        );

        // Only on yes / not sure / no questions, and only from format version 2.
        let v = mutate(|v| {
            v["version"] = json!(2);
            v["sections"][1]["questions"][1]["yes"] = json!({"ar": "أجل"});
            v["sections"][1]["questions"][1]["no"] = json!({"ar": "كلا"});
        });
        assert_eq!(
            errors_of(&v),
            [
                "sections[1].questions[1].yes: only a yes / not sure / no question can have its own words for yes and no",
                "sections[1].questions[1].no: only a yes / not sure / no question can have its own words for yes and no",
            ]
        );
        let mut v = with(json!({"ar": "أجل"}), json!({"ar": "كلا"}));
        v["version"] = json!(1);
        assert_eq!(
            errors_of(&v)[0],
            format!(
                "{p}.yes: is new in format version 2: set \"version\": 2 (older versions of My \
                 Say then ask to be updated)"
            )
        );
        assert_eq!(
            parse_booklet(&small().to_string())
                .unwrap()
                .needed_version(),
            1
        );
    }

    /// The small booklet with a third, optional section: its switch "more_sw", then
    /// "know_sw" (on the switch) and "sw_words" (after "know_sw").
    fn with_optional_section() -> Value {
        let t = |en: &str| json!({"en": en, "ar": format!("{en} (ar)")});
        mutate(|v| {
            v["version"] = json!(3);
            v["sections"].as_array_mut().unwrap().push(json!(
                {"id": "social_worker", "title": t("My social worker"), "optional": true, "questions": [
                    {"id": "more_sw", "theme": "support", "text": t("Questions about your social worker?"),
                     "kind": {"type": "yes_not_sure_no"}},
                    {"id": "know_sw", "theme": "support", "text": t("Do you know who they are?"),
                     "kind": {"type": "yes_not_sure_no"},
                     "measure": {"key": "know_sw", "kind": "heard", "label": t("said they know"),
                                 "positive": ["yes"], "negative": ["no"]},
                     "show_if": {"question": "more_sw", "any_of": ["yes"]}},
                    {"id": "sw_words", "theme": "being_heard", "text": t("Tell us more"),
                     "kind": {"type": "own_words", "max_chars": 500},
                     "show_if": {"question": "know_sw", "any_of": ["no"]}}
                ]}
            ));
        })
    }

    #[test]
    fn an_optional_section_starts_with_its_switch_and_shows_nothing_else_until_it_is_yes() {
        let v = with_optional_section();
        assert_eq!(errors_of(&v), Vec::<String>::new());
        let b = parse_booklet(&v.to_string()).unwrap();
        assert_eq!(b.needed_version(), 3);
        let optional: Vec<&str> = b.optional_sections().map(|s| s.id.as_str()).collect();
        assert_eq!(optional, ["social_worker"]);
        assert_eq!(b.sections[2].switch().unwrap().id.as_str(), "more_sw");
        assert!(b.sections[1].switch().is_none(), "not optional: no switch");
        // It reads back the same, and a section that is not optional does not write the field.
        let written = serde_json::to_value(&b).unwrap();
        assert_eq!(written["sections"][2]["optional"], json!(true));
        assert!(written["sections"][1].get("optional").is_none());

        let p = "sections[2]";
        // New in version 3, as are the "heard" measures and the "being heard" theme.
        let mut old = v.clone();
        old["version"] = json!(2);
        assert_eq!(
            errors_of(&old),
            [
                format!("{p}.optional"),
                format!("{p}.questions[1].measure.kind"),
                format!("{p}.questions[2].theme"),
            ]
            .map(|path| format!(
                "{path}: is new in format version 3: set \"version\": 3 (older versions of My \
                 Say then ask to be updated)"
            ))
        );
        // The switch is a plain yes / not sure / no question.
        let mut v2 = v.clone();
        v2["sections"][2]["questions"][0]["worry_if"] = json!(["no"]);
        assert_eq!(
            one_error(&v2),
            format!(
                "{p}.questions[0]: the first question of an optional section is its switch \
                 (\"Would you like to answer some questions about...?\"): it must be a yes / not \
                 sure / no question without a condition, a measure or worries"
            )
        );
        // Every other question waits for a "yes" to the switch, or for a question after it.
        let not_switched = |show_if: Value| {
            let mut v = v.clone();
            v["sections"][2]["questions"][1]["show_if"] = show_if;
            errors_of(&v)
        };
        let message = format!(
            "{p}.questions[1].show_if: is in an optional section: show it only when the section's \
             switch is answered yes (\"show_if\": {{\"question\": \"more_sw\", \"any_of\": \
             [\"yes\"]}}) or after another question of the section"
        );
        assert_eq!(not_switched(Value::Null), std::slice::from_ref(&message));
        assert_eq!(
            not_switched(json!({"question": "more_sw", "any_of": ["yes", "not_sure"]})),
            std::slice::from_ref(&message)
        );
        assert_eq!(
            not_switched(json!({"question": "feel_safe", "any_of": ["yes"]})),
            [message]
        );
        // No question of it raises a worry: a worry must never wait for a topic switched on.
        let mut v4 = v.clone();
        v4["sections"][2]["questions"][1]["worry_if"] = json!(["no"]);
        assert_eq!(
            one_error(&v4),
            format!(
                "{p}.questions[1].worry_if: is in an optional section, which a child may leave \
                 switched off: a question that can raise a worry belongs in a section every \
                 child is asked"
            )
        );
        // A switch with nothing after it switches nothing on.
        let mut v3 = v.clone();
        v3["sections"][2]["questions"]
            .as_array_mut()
            .unwrap()
            .truncate(1);
        assert_eq!(
            one_error(&v3),
            format!("{p}.questions: an optional section needs questions after its switch")
        );
    }

    #[test]
    fn the_small_booklet_is_valid() {
        assert_eq!(errors_of(&small()), Vec::<String>::new());
        let b = load_booklet(&small().to_string()).unwrap();
        assert_eq!(b.questions().count(), 6);
    }

    #[test]
    fn missing_wording_names_the_field_and_language() {
        let v = mutate(|v| {
            v["sections"][1]["questions"][3]["kind"]["options"][0]["label"]
                .as_object_mut()
                .unwrap()
                .remove("ar");
        });
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[3].kind.options[0].label: missing "ar" wording"#
        );
        let v = mutate(|v| v["title"]["ar"] = json!("  "));
        assert_eq!(one_error(&v), r#"title: missing "ar" wording"#);
        let v = mutate(|v| v["sections"][0]["title"]["fr"] = json!("Planifier"));
        assert_eq!(
            one_error(&v),
            r#"sections[0].title: has "fr" wording, but "fr" is not in the booklet's locales"#
        );
    }

    #[test]
    fn format_and_version_are_checked_first() {
        let v = mutate(|v| v["format"] = json!("viewpoint/form"));
        assert!(one_error(&v)
            .starts_with(r#"format: is "viewpoint/form", so this is not a My Say booklet"#));
        let v = mutate(|v| {
            v.as_object_mut().unwrap().remove("format");
        });
        assert!(one_error(&v).starts_with("format: missing"));

        // A newer file may have fields this build does not know: the version message wins.
        let v = mutate(|v| {
            v["version"] = json!(4);
            v["sections"][0]["questions"][0]["voice"] = json!("recorded.ogg");
        });
        let e = one_error(&v);
        assert!(
            e.starts_with("version: this booklet was made by a newer version of My Say"),
            "{e}"
        );
        assert!(e.contains("format version 4"), "{e}");

        let v = mutate(|v| v["version"] = json!(0));
        assert_eq!(
            one_error(&v),
            "version: must be a whole number from 1 to 3, found 0"
        );
        let v = mutate(|v| v["version"] = json!("1"));
        assert_eq!(
            one_error(&v),
            r#"version: must be a whole number from 1 to 3, found "1""#
        );

        assert!(parse_booklet("[1, 2]")
            .unwrap_err()
            .to_string()
            .contains("a booklet is a JSON object"));
    }

    #[test]
    fn ids_must_be_present_and_unique() {
        let v = mutate(|v| v["sections"][1]["questions"][0]["id"] = json!("where"));
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[0].id: the id "where" is already used at sections[0].questions[0].id"#
        );
        let v =
            mutate(|v| v["sections"][1]["questions"][3]["kind"]["options"][1]["id"] = json!("mum"));
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[3].kind.options[1].id: the id "mum" is already used at sections[1].questions[3].kind.options[0].id"#
        );
        // The same option id in two questions is fine.
        let v = mutate(|v| {
            v["sections"][1]["questions"][3]["kind"]["options"][1]["id"] = json!("home")
        });
        assert_eq!(errors_of(&v), Vec::<String>::new());

        let v = mutate(|v| {
            v["sections"][1]["questions"][3]["kind"]["options"][1]["id"] = json!("rather_not_say")
        });
        assert!(one_error(&v).starts_with(
            r#"sections[1].questions[3].kind.options[1].id: "rather_not_say" cannot be an option id"#
        ));
        let v = mutate(|v| v["sections"][0]["questions"][0]["id"] = json!(""));
        assert_eq!(
            one_error(&v),
            "sections[0].questions[0].id: must not be empty"
        );
        let v = mutate(|v| v["id"] = json!(" test"));
        assert_eq!(one_error(&v), "id: must not start or end with spaces");
        let v = mutate(|v| v["sections"][1]["id"] = json!("planning"));
        assert_eq!(
            one_error(&v),
            r#"sections[1].id: the id "planning" is already used at sections[0].id"#
        );
        let v = mutate(|v| {
            v["sections"][1]["questions"][1]["measure"] =
                v["sections"][1]["questions"][0]["measure"].clone()
        });
        let errors = errors_of(&v);
        assert!(
            errors.contains(&r#"sections[1].questions[1].measure.key: the id "feel_safe" is already used at sections[1].questions[0].measure.key"#.to_owned()),
            "{errors:#?}"
        );
    }

    #[test]
    fn pictures_come_from_the_shipped_set() {
        let v = mutate(|v| {
            v["sections"][0]["questions"][0]["kind"]["options"][0]["picture"] = json!("castle")
        });
        assert!(one_error(&v).starts_with(
            r#"sections[0].questions[0].kind.options[0].picture: "castle" is not a picture My Say has (it has: house, school"#
        ));
        let v = mutate(|v| v["sections"][1]["questions"][0]["picture"] = json!("House"));
        assert!(one_error(&v)
            .starts_with(r#"sections[1].questions[0].picture: "House" is not a picture"#));
    }

    #[test]
    fn values_must_fit_the_referenced_question() {
        let v = mutate(|v| {
            v["sections"][1]["questions"][0]["measure"]["positive"] = json!(["yes", "maybe"])
        });
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[0].measure.positive[1]: "maybe" is not an answer question "feel_safe" can have (it can be: yes, not_sure, no, rather_not_say)"#
        );
        let v = mutate(|v| v["sections"][1]["questions"][1]["worry_if"] = json!(["very_unhappy"]));
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[1].worry_if[0]: "very_unhappy" is not an answer question "happy" can have (it can be: very_sad, sad, ok, happy, very_happy, rather_not_say)"#
        );
        let v = mutate(|v| {
            v["sections"][1]["questions"][4]["show_if"]["any_of"] = json!(["yes", "sometimes"])
        });
        assert!(one_error(&v).starts_with(
            r#"sections[1].questions[4].show_if.any_of[1]: "sometimes" is not an answer question "worries" can have"#
        ));
        // Option ids and rather_not_say are values too.
        let v = mutate(|v| {
            v["sections"][1]["questions"][3]["worry_if"] = json!(["dad", "rather_not_say"]);
            v["sections"][1]["questions"][4]["show_if"]["any_of"] = json!(["rather_not_say"]);
        });
        assert_eq!(errors_of(&v), Vec::<String>::new());
        let v = mutate(|v| v["sections"][1]["questions"][3]["worry_if"] = json!(["Dad"]));
        assert!(one_error(&v).contains("(it can be: mum, dad, rather_not_say)"));

        let v = mutate(|v| {
            v["sections"][1]["questions"][0]["measure"]["negative"] = json!(["no", "yes"])
        });
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[0].measure.negative[1]: "yes" cannot count as both positive and negative"#
        );
        let v = mutate(|v| v["sections"][1]["questions"][0]["worry_if"] = json!(["no", "no"]));
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[0].worry_if[1]: "no" is listed more than once"#
        );
        let v = mutate(|v| v["sections"][1]["questions"][4]["worry_if"] = json!(["help"]));
        assert!(one_error(&v).starts_with(
            "sections[1].questions[4].worry_if[0]: an own-words question has no values"
        ));
    }

    #[test]
    fn conditions_refer_to_earlier_questions_only() {
        let v = mutate(|v| {
            v["sections"][1]["questions"][0]["show_if"] =
                json!({"question": "worries", "any_of": ["yes"]})
        });
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[0].show_if.question: refers to "worries", which comes later: a question can only depend on an earlier one"#
        );
        let v = mutate(|v| {
            v["sections"][1]["questions"][2]["show_if"] =
                json!({"question": "worries", "any_of": ["yes"]})
        });
        assert_eq!(
            one_error(&v),
            "sections[1].questions[2].show_if.question: a question cannot depend on its own answer"
        );
        let v =
            mutate(|v| v["sections"][1]["questions"][4]["show_if"]["question"] = json!("worry"));
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[4].show_if.question: refers to "worry", which is not a question in this booklet"#
        );
        let v = mutate(|v| v["sections"][1]["questions"][4]["show_if"]["any_of"] = json!([]));
        assert_eq!(
            one_error(&v),
            "sections[1].questions[4].show_if.any_of: must list at least one value"
        );
        // A condition on a question in an earlier section is fine.
        let v = mutate(|v| {
            v["sections"][1]["questions"][4]["show_if"] =
                json!({"question": "where", "any_of": ["school"]})
        });
        assert_eq!(errors_of(&v), Vec::<String>::new());
    }

    #[test]
    fn own_words_length_is_bounded() {
        for bad in [0, 5001] {
            let v = mutate(|v| v["sections"][1]["questions"][4]["kind"]["max_chars"] = json!(bad));
            assert_eq!(
                one_error(&v),
                format!("sections[1].questions[4].kind.max_chars: must be between 1 and 5000, found {bad}")
            );
        }
        for good in [1, 5000] {
            let v = mutate(|v| v["sections"][1]["questions"][4]["kind"]["max_chars"] = json!(good));
            assert_eq!(errors_of(&v), Vec::<String>::new());
        }
    }

    #[test]
    fn lists_must_not_be_empty() {
        let v = mutate(|v| v["sections"] = json!([]));
        assert_eq!(one_error(&v), "sections: must list at least one section");
        let v = mutate(|v| v["sections"][0]["questions"] = json!([]));
        assert_eq!(
            one_error(&v),
            "sections[0].questions: must list at least one question"
        );
        let v = mutate(|v| v["age_bands"] = json!([]));
        assert_eq!(one_error(&v), "age_bands: must list at least one age band");
        let v = mutate(|v| v["age_bands"] = json!(["7-9", "7-9"]));
        assert_eq!(
            one_error(&v),
            r#"age_bands[1]: "7-9" is listed more than once"#
        );
        let v = mutate(|v| v["sections"][1]["questions"][3]["kind"]["options"] = json!([]));
        assert_eq!(
            one_error(&v),
            "sections[1].questions[3].kind.options: must list at least one option"
        );
        let v = mutate(|v| {
            v["sections"][0]["questions"][0]["kind"]["options"]
                .as_array_mut()
                .unwrap()
                .pop();
        });
        assert_eq!(
            one_error(&v),
            "sections[0].questions[0].kind.options: a pick-one question needs at least two options"
        );
        let v = mutate(|v| v["sections"][1]["questions"][0]["measure"]["positive"] = json!([]));
        assert_eq!(
            one_error(&v),
            "sections[1].questions[0].measure.positive: must list at least one value"
        );
        let v = mutate(|v| {
            v["sections"][1]["questions"][0]["text_by_band"] =
                json!({"16+": {"en": "Safe?", "ar": "?"}})
        });
        assert_eq!(
            one_error(&v),
            r#"sections[1].questions[0].text_by_band.16+: the booklet is not for 16+: add "16+" to age_bands or remove this wording"#
        );
    }

    #[test]
    fn a_booklet_can_have_several_errors_at_once() {
        let v = mutate(|v| {
            v["title"].as_object_mut().unwrap().remove("ar");
            v["sections"][1]["questions"][0]["picture"] = json!("castle");
            v["sections"][1]["questions"][4]["kind"]["max_chars"] = json!(0);
        });
        let errors = errors_of(&v);
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(errors[0].starts_with("title:"));
        assert!(errors[1].starts_with("sections[1].questions[0].picture:"));
        assert!(errors[2].starts_with("sections[1].questions[4].kind.max_chars:"));
    }

    fn shape(json: &str) -> BookletError {
        parse_booklet(json).unwrap_err()
    }

    #[test]
    fn an_answer_kinds_problems_name_its_field_in_any_order() {
        // Each kind is put in as text, so the order of its fields is the one written here.
        let problem = |kind: &str| {
            let file = mutate(|v| v["sections"][0]["questions"][0]["kind"] = json!("KIND"))
                .to_string()
                .replace(r#""KIND""#, kind);
            let e = parse_booklet(&file).unwrap_err();
            let path = e
                .path
                .strip_prefix("sections[0].questions[0].kind")
                .unwrap()
                .to_owned();
            (path, e.problem.to_string())
        };
        let cases = [
            (r#"{}"#, ".type", "is missing (this field is required)"),
            (
                r#"{"options":[]}"#,
                ".type",
                "is missing (this field is required)",
            ),
            (
                r#"{"type":"stars"}"#,
                ".type",
                r#""stars" is not allowed here (expected one of "yes_not_sure_no", "faces", "pick_one", "pick_several", "pick_and_order", "people", "own_words")"#,
            ),
            (
                r#"{"type":3}"#,
                ".type",
                r#"has the wrong type: expected a string, found integer "3""#,
            ),
            (
                r#"{"type":"people"}"#,
                ".options",
                "is missing (this field is required)",
            ),
            (
                r#"{"type":"own_words"}"#,
                ".max_chars",
                "is missing (this field is required)",
            ),
            (
                r#"{"max_chars":-1,"type":"own_words"}"#,
                ".max_chars",
                r#"has a value that is not allowed: integer "-1", expected u32"#,
            ),
            (
                r#"{"type":"pick_several","options":[],"own_words":"yes"}"#,
                ".own_words",
                r#"has the wrong type: expected true or false, found string "yes""#,
            ),
            (
                r#"{"options":{},"type":"pick_one"}"#,
                ".options",
                "has the wrong type: expected a list, found an object",
            ),
            // A field of another type, or of none, before or after the type.
            (
                r#"{"own_words":true,"type":"pick_one","options":[]}"#,
                ".own_words",
                r#"is not a field of the booklet format here (expected "options")"#,
            ),
            (
                r#"{"type":"pick_and_order","options":[],"colour":"red"}"#,
                ".colour",
                r#"is not a field of the booklet format here (expected "options" or "own_words")"#,
            ),
            (
                r#"{"type":"people","max_chars":3}"#,
                ".max_chars",
                r#"is not a field of the booklet format here (expected "options")"#,
            ),
            // A kind without details has no other field (serde's tagged enums let these by).
            (
                r#"{"options":[],"type":"faces"}"#,
                ".options",
                "is not a field of the booklet format here",
            ),
            (
                r#"{"type":"yes_not_sure_no","colour":1}"#,
                ".colour",
                "is not a field of the booklet format here",
            ),
            (
                r#"{"type":"pick_one","options":[],"options":[]}"#,
                "",
                "duplicate field \"options\"",
            ),
            (
                r#"[]"#,
                "",
                "has the wrong type: expected an object, found a list",
            ),
            (
                r#"null"#,
                "",
                "has the wrong type: expected an object, found null",
            ),
        ];
        for (kind, path, text) in cases {
            assert_eq!(problem(kind), (path.to_owned(), text.to_owned()), "{kind}");
        }
    }

    #[test]
    fn json_errors_name_the_field_with_line_and_column() {
        // Wrong type.
        let text = serde_json::to_string_pretty(&mutate(|v| v["revision"] = json!("one"))).unwrap();
        let e = shape(&text);
        assert_eq!(e.path, "revision");
        assert!(e.position.is_some());
        let shown = e.to_string();
        assert!(
            shown.starts_with(
                r#"revision: has the wrong type: expected a whole number, found string "one""#
            ),
            "{shown}"
        );
        assert!(shown.contains("(line "), "{shown}");

        // Unknown field in a question.
        let e = shape(
            &mutate(|v| v["sections"][1]["questions"][2]["colour"] = json!("red")).to_string(),
        );
        assert_eq!(e.path, "sections[1].questions[2].colour");
        assert!(
            e.to_string()
                .contains("is not a field of the booklet format here"),
            "{e}"
        );

        // Missing field in an option.
        let e = shape(
            &mutate(|v| {
                v["sections"][0]["questions"][0]["kind"]["options"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("label");
            })
            .to_string(),
        );
        assert_eq!(e.path, "sections[0].questions[0].kind.options[1].label");
        assert!(e.to_string().contains("is missing"), "{e}");

        // Unknown answer kind.
        let e = shape(
            &mutate(|v| v["sections"][1]["questions"][1]["kind"]["type"] = json!("stars"))
                .to_string(),
        );
        assert_eq!(e.path, "sections[1].questions[1].kind.type");
        assert!(
            e.to_string().contains(r#""stars" is not allowed here"#),
            "{e}"
        );

        // A wrong type inside an option of a kind.
        let e = shape(
            &mutate(|v| v["sections"][1]["questions"][3]["kind"]["options"][1]["id"] = json!(7))
                .to_string(),
        );
        assert_eq!(e.path, "sections[1].questions[3].kind.options[1].id");
        assert!(
            e.to_string()
                .contains("expected a string, found integer \"7\""),
            "{e}"
        );

        // Unknown field inside an answer kind.
        let e = shape(
            &mutate(|v| v["sections"][1]["questions"][4]["kind"]["min_chars"] = json!(1))
                .to_string(),
        );
        assert_eq!(e.path, "sections[1].questions[4].kind.min_chars");

        // The same when the kind is the last field of its question (serde then reports the
        // problem after the question).
        let e = shape(
            r#"{"format":"my-say/booklet","version":1,"id":"t","revision":1,"kind":"review",
            "age_bands":["7-9"],"locales":["en"],"title":{"en":"T"},"sections":[{"id":"s",
            "title":{"en":"S"},"questions":[{"id":"q","theme":"people","text":{"en":"Who?"},
            "kind":{"type":"people","options":[{"id":"mum","label":{"en":"Mum"},"colour":"red"}]}}]}]}"#,
        );
        assert_eq!(e.path, "sections[0].questions[0].kind.options[0].colour");
        assert!(e.position.is_some());

        // Unknown theme and unknown age band.
        let e = shape(
            &mutate(|v| v["sections"][1]["questions"][0]["theme"] = json!("safety")).to_string(),
        );
        assert_eq!(e.path, "sections[1].questions[0].theme");
        let e = shape(&mutate(|v| v["age_bands"] = json!(["7-9", "11-14"])).to_string());
        assert_eq!(e.path, "age_bands[1]");
        assert!(
            e.to_string()
                .starts_with(r#"age_bands[1]: "11-14" is not allowed here (expected one of "4-6""#),
            "{e}"
        );

        // A list where a map was expected.
        let e = shape(&mutate(|v| v["sections"][1]["title"] = json!(["My life now"])).to_string());
        assert_eq!(e.path, "sections[1].title");
        assert!(
            e.to_string()
                .contains("has the wrong type: expected an object, found a list"),
            "{e}"
        );

        // Unknown top-level field.
        let e = shape(&mutate(|v| v["author"] = json!("CICC")).to_string());
        assert_eq!(e.path, "author");
    }

    #[test]
    fn broken_json_gives_line_and_column() {
        let e = shape("{\n  \"format\": \"my-say/booklet\",\n  \"version\": 1,\n  \"id\": \n}");
        assert_eq!(e.path, "");
        assert_eq!(e.position, Some((5, 1)));
        assert!(
            e.to_string()
                .starts_with("this is not a booklet file (not valid JSON: expected value)"),
            "{e}"
        );
        assert!(shape("").to_string().contains("not valid JSON"));
    }

    #[test]
    fn a_survey_id_is_survey_then_lowercase_letters_digits_and_hyphens() {
        let with_id = |kind: &str, id: &str| {
            mutate(|v| {
                v["kind"] = json!(kind);
                v["id"] = json!(id);
            })
        };
        for good in [
            "survey-3f9a0c2e71b4d856",
            "survey-cicc-reviews-2026",
            "survey-1",
            &format!("survey-{}", "a".repeat(MAX_SURVEY_ID_CHARS - 7)),
        ] {
            assert!(is_survey_id(good), "{good}");
            assert_eq!(errors_of(&with_id("survey", good)), Vec::<String>::new());
        }
        for bad in [
            "test",
            "survey-",
            "survey",
            "Survey-1",
            "survey-ABC",
            "survey-a/b",
            "survey-1 2",
            "survey-a_b",
            "survey-a.b",
            "survey-ŵ",
            "review-7-9",
            "my-survey-1",
            &format!("survey-{}", "a".repeat(MAX_SURVEY_ID_CHARS - 6)),
        ] {
            assert!(!is_survey_id(bad), "{bad}");
            let errors = errors_of(&with_id("survey", bad));
            assert_eq!(errors.len(), 1, "{bad}: {errors:?}");
            assert!(
                errors[0].starts_with(
                    "id: a survey's id must be \"survey-\" followed by lowercase letters, digits and hyphens"
                ),
                "{}",
                errors[0]
            );
            assert!(
                errors[0].contains(&format!("found \"{bad}\"")),
                "{}",
                errors[0]
            );
        }
        // Review booklets keep any id; blank ids get the blank message only.
        assert_eq!(errors_of(&with_id("review", "test")), Vec::<String>::new());
        assert_eq!(
            errors_of(&with_id("survey", " ")),
            ["id: must not be empty"]
        );
    }

    #[test]
    fn surveys_must_be_anonymous() {
        let survey = |f: &dyn Fn(&mut Value)| {
            let mut v = small();
            v["kind"] = json!("survey");
            v["id"] = json!("survey-test");
            f(&mut v);
            v
        };
        assert_eq!(errors_of(&survey(&|_| {})), Vec::<String>::new());

        let v = survey(&|v| v["sections"][1]["questions"][4]["id"] = json!("name"));
        assert!(one_error(&v)
            .starts_with("sections[1].questions[4]: an anonymous survey must not ask for a name"));
        let v = survey(&|v| {
            v["sections"][1]["questions"][4]["text"] =
                json!({"en": "What's your name?", "ar": "ما اسمك؟"})
        });
        assert!(one_error(&v).contains("must not ask for a name"));
        let v = survey(&|v| {
            v["sections"][1]["questions"][4]["text"] =
                json!({"en": "When were you born?", "ar": "؟"})
        });
        assert!(one_error(&v).contains("must not ask for a date of birth"));
        let v = survey(&|v| {
            v["sections"][1]["questions"][4]["help"] =
                json!({"en": "Put your Date-of-Birth here", "ar": "؟"})
        });
        assert!(one_error(&v).contains("must not ask for a date of birth"));
        let v = survey(&|v| v["sections"][1]["questions"][4]["id"] = json!("Case-Ref"));
        assert!(one_error(&v).contains("must not ask for a case reference"));
        let v = survey(&|v| {
            v["sections"][1]["questions"][4]["text"] =
                json!({"en": "What is your case number?", "ar": "؟"})
        });
        assert!(one_error(&v).contains("must not ask for a case reference"));

        // Not identifying: asking about the IRO, or who the child would like (People kind).
        let v = survey(&|v| {
            v["sections"][1]["questions"][4]["text"] =
                json!({"en": "Do you know your IRO's name?", "ar": "؟"})
        });
        assert_eq!(errors_of(&v), Vec::<String>::new());
        let v = survey(&|v| {
            v["sections"][1]["questions"][3]["kind"]["type"] = json!("people");
            v["sections"][1]["questions"][3]["kind"]
                .as_object_mut()
                .unwrap()
                .remove("own_words");
            v["sections"][1]["questions"][3]["id"] = json!("name");
            v["sections"][1]["questions"][3]["text"] =
                json!({"en": "Write the name of who you want to come", "ar": "؟"});
        });
        assert_eq!(errors_of(&v), Vec::<String>::new());
        // A People question's wording is still checked.
        let v = survey(&|v| {
            v["sections"][1]["questions"][3]["kind"]["type"] = json!("people");
            v["sections"][1]["questions"][3]["kind"]
                .as_object_mut()
                .unwrap()
                .remove("own_words");
            v["sections"][1]["questions"][3]["text"] =
                json!({"en": "What's your name?", "ar": "؟"});
        });
        assert!(one_error(&v).contains("must not ask for a name"));
        // Contact details and device identifiers.
        let v = survey(&|v| {
            v["sections"][1]["questions"][4]["text"] =
                json!({"en": "What is your mobile number?", "ar": "؟"})
        });
        assert!(one_error(&v).contains("must not ask for contact details"));
        let v = survey(&|v| v["sections"][1]["questions"][4]["id"] = json!("Device-ID"));
        assert!(one_error(&v).contains("must not ask for a device identifier"));

        // A review booklet may ask (the child's details are sealed for the IRO).
        let mut v = small();
        v["sections"][1]["questions"][4]["id"] = json!("name");
        assert_eq!(errors_of(&v), Vec::<String>::new());
        let b = parse_booklet(&v.to_string()).unwrap();
        assert!(check_anonymous(&b).is_err(), "the builder can still ask");
    }

    #[test]
    fn the_documented_example_is_valid() {
        let doc = include_str!("../../../docs/booklet-format.md");
        let example = doc
            .split("```json")
            .skip(1)
            .filter_map(|block| block.split("```").next())
            .find(|block| block.contains(r#""format": "my-say/booklet""#))
            .expect("docs/booklet-format.md has a complete example");
        let b = load_booklet(example).unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(b.kind, BookletKind::Survey);
        assert_eq!(b.questions().count(), 4);
    }

    proptest! {
        #[test]
        fn any_string_is_rejected_or_read_without_panicking(s in ".*") {
            let _ = parse_booklet(&s);
            let _ = load_booklet(&s);
        }

        #[test]
        fn any_bytes_are_rejected_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let s = String::from_utf8_lossy(&bytes);
            let _ = load_booklet(&s);
        }

        #[test]
        fn damaged_booklets_never_panic(cut in 0usize..2000, insert in any::<char>(), at in 0usize..2000) {
            let text = serde_json::to_string_pretty(&small()).unwrap();
            let mut chars: Vec<char> = text.chars().collect();
            let cut = cut % chars.len();
            chars.remove(cut);
            let at = at % chars.len();
            chars.insert(at, insert);
            let damaged: String = chars.into_iter().collect();
            if let Err(errors) = load_booklet(&damaged) {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }

        #[test]
        fn path_scanning_never_panics(s in ".*", line in 0usize..10, column in 0usize..200) {
            let _ = path_at(&s, line, column);
        }
    }
}
