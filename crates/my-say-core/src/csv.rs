//! A small CSV writer that Excel opens correctly and safely, and a reader for our own files.
//!
//! The writer follows RFC 4180: fields separated by commas, rows ended by CRLF, a field is
//! quoted when it holds a comma, a double quote, a CR or an LF (or when neutralised, below),
//! and a double quote inside a field is doubled. The text is UTF-8 and starts with one byte
//! order mark, which is how Excel knows it is UTF-8 (so "ŵ" and "مرحبا" survive).
//!
//! **Formula injection.** OWASP's "CSV Injection" page says to make sure no cell begins with
//! `=`, `+`, `-`, `@`, TAB (0x09) or CR (0x0D), and, for text that should be read as text,
//! to prefix the cell with a single quote and wrap it in double quotes. Every text cell
//! written through [`CsvWriter::text`] that starts with one of those characters is written
//! as `"'…"`. OWASP's list is about the first character only; because spreadsheets can be
//! told to trim leading spaces on import (LibreOffice's "Trim spaces"), this writer goes a
//! step further and also neutralises a cell whose first character after leading whitespace
//! is `=`, `+`, `-` or `@` (`"  =1+1"` is written `"'  =1+1"`). Numbers the app computes
//! itself (such as a change of -3 percentage points) are written with
//! [`CsvWriter::number`], which never adds the quote.

use std::fmt;

/// The byte order mark every file starts with.
pub const BOM: char = '\u{feff}';

/// Whether a text cell must be neutralised before a spreadsheet sees it (see the module
/// documentation).
pub fn needs_neutralising(value: &str) -> bool {
    let formula = |c: char| matches!(c, '=' | '+' | '-' | '@');
    match value.chars().next() {
        Some('\t' | '\r') => true,
        Some(c) if formula(c) => true,
        Some(c) if c.is_whitespace() => value.trim_start().chars().next().is_some_and(formula),
        _ => false,
    }
}

/// Builds a CSV file in memory.
#[derive(Clone, Debug)]
pub struct CsvWriter {
    out: String,
    row_open: bool,
}

impl Default for CsvWriter {
    fn default() -> Self {
        CsvWriter::new()
    }
}

impl CsvWriter {
    /// An empty file (just the byte order mark).
    pub fn new() -> CsvWriter {
        let mut out = String::with_capacity(4096);
        out.push(BOM);
        CsvWriter {
            out,
            row_open: false,
        }
    }

    fn separator(&mut self) {
        if self.row_open {
            self.out.push(',');
        }
        self.row_open = true;
    }

    /// Adds a text cell, neutralised and quoted as needed.
    pub fn text(&mut self, value: &str) -> &mut CsvWriter {
        self.separator();
        let neutralise = needs_neutralising(value);
        let quote = neutralise
            || value.contains([',', '"', '\r', '\n'])
            || value.starts_with(' ')
            || value.ends_with(' ');
        if !quote {
            self.out.push_str(value);
            return self;
        }
        self.out.push('"');
        if neutralise {
            self.out.push('\'');
        }
        for c in value.chars() {
            if c == '"' {
                self.out.push('"');
            }
            self.out.push(c);
        }
        self.out.push('"');
        self
    }

    /// Adds a number the app computed (never neutralised: `-3` stays a number).
    pub fn number(&mut self, value: i64) -> &mut CsvWriter {
        self.separator();
        self.out.push_str(&value.to_string());
        self
    }

    /// Adds an empty cell.
    pub fn empty(&mut self) -> &mut CsvWriter {
        self.separator();
        self
    }

    /// Ends the row (CRLF).
    pub fn end_row(&mut self) {
        self.out.push_str("\r\n");
        self.row_open = false;
    }

    /// Adds a whole row of text cells and ends it.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        for c in cells {
            self.text(c.as_ref());
        }
        self.end_row();
    }

    /// The finished file. A row left open is ended first.
    pub fn finish(mut self) -> String {
        if self.row_open {
            self.end_row();
        }
        self.out
    }
}

/// Why a CSV file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// The line (from 1) where the problem is.
    pub line: usize,
    /// What is wrong.
    pub message: &'static str,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for CsvError {}

/// Reads RFC 4180 CSV (as this module writes it) into rows of cells. A leading byte order
/// mark is skipped; rows may end in CRLF or LF; a final row needs no line end. Cells are
/// returned exactly as stored: a neutralised cell keeps its leading single quote.
pub fn parse(input: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let input = input.strip_prefix(BOM).unwrap_or(input);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = input.chars().peekable();
    let mut line = 1;
    let mut quoted = false; // inside a quoted cell
    let mut was_quoted = false; // the current cell was quoted and has closed
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => {
                    quoted = false;
                    was_quoted = true;
                }
                '\n' => {
                    line += 1;
                    cell.push(c);
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                was_quoted = false;
                line += 1;
            }
            '"' if cell.is_empty() && !was_quoted => quoted = true,
            _ if was_quoted => {
                return Err(CsvError {
                    line,
                    message: "text after a closing quote",
                })
            }
            '"' => {
                return Err(CsvError {
                    line,
                    message: "a quote inside a cell that does not start with one",
                })
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            line,
            message: "a quoted cell is never closed",
        });
    }
    if !cell.is_empty() || !row.is_empty() || was_quoted {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(value: &str) -> String {
        let mut w = CsvWriter::new();
        w.text(value);
        let out = w.finish();
        out.strip_prefix(BOM)
            .unwrap()
            .strip_suffix("\r\n")
            .unwrap()
            .to_owned()
    }

    #[test]
    fn formula_injection_is_neutralised() {
        for bad in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://x\",\"click\")",
            "=cmd|' /C calc'!A0",
        ] {
            let written = one(bad);
            assert!(written.starts_with("\"'"), "{bad:?} -> {written}");
            assert_eq!(parse(&written).unwrap(), vec![vec![format!("'{bad}")]]);
        }
        // Leading spaces (and other whitespace) before a formula character.
        assert_eq!(one("  =1+1"), "\"'  =1+1\"");
        assert_eq!(one("\n@x"), "\"'\n@x\"");
        assert_eq!(one("\u{a0}-2"), "\"'\u{a0}-2\"");
        // Harmless cells are left alone, including formula characters later on.
        assert_eq!(one("a=1"), "a=1");
        assert_eq!(one("x-y@z"), "x-y@z");
        assert_eq!(one("'quoted"), "'quoted");
        assert_eq!(one(""), "");
        assert_eq!(one("  "), "\"  \"");
        // A comma cannot start a new cell with a formula: the cell is quoted.
        assert_eq!(one("a,=1+1"), "\"a,=1+1\"");
        assert_eq!(parse(&one("a,=1+1")).unwrap(), vec![vec!["a,=1+1"]]);
        // Computed numbers are not neutralised.
        let mut w = CsvWriter::new();
        w.number(-3).number(5).text("-3");
        assert_eq!(w.finish(), "\u{feff}-3,5,\"'-3\"\r\n");
    }

    #[test]
    fn quotes_commas_and_newlines_round_trip() {
        let cells = [
            "plain",
            "with, comma",
            "with \"quotes\"",
            "two\r\nlines",
            "line\nfeed",
            " padded ",
            "",
            "\"",
            "end",
        ];
        let mut w = CsvWriter::new();
        w.row(&cells);
        w.row(&["second", "row"]);
        let out = w.finish();
        assert!(out.contains("\"with \"\"quotes\"\"\""));
        assert!(out.ends_with("second,row\r\n"));
        let rows = parse(&out).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], cells);
        assert_eq!(rows[1], ["second", "row"]);
    }

    #[test]
    fn unicode_round_trips_and_the_bom_is_there_once() {
        let cells = ["Rwy'n teimlo'n saff ŵ", "مرحبا", "😀 ok", "=مرحبا"];
        let mut w = CsvWriter::new();
        w.row(&cells);
        w.row(&cells);
        let out = w.finish();
        assert!(out.starts_with('\u{feff}'));
        assert_eq!(out.matches('\u{feff}').count(), 1);
        assert_eq!(&out.as_bytes()[..3], &[0xEF, 0xBB, 0xBF]);
        let rows = parse(&out).unwrap();
        assert_eq!(rows[0][..3], cells[..3]);
        assert_eq!(rows[0][3], "'=مرحبا");
        assert_eq!(rows[0], rows[1]);
    }

    #[test]
    fn rows_end_in_crlf() {
        let mut w = CsvWriter::new();
        w.text("a").text("b");
        w.end_row();
        w.text("c").empty();
        let out = w.finish();
        assert_eq!(out, "\u{feff}a,b\r\nc,\r\n");
        assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
        assert_eq!(parse(&out).unwrap(), vec![vec!["a", "b"], vec!["c", ""]]);
        assert_eq!(CsvWriter::new().finish(), "\u{feff}");
    }

    #[test]
    fn reader_accepts_lf_and_reports_errors() {
        assert_eq!(
            parse("a,b\nc,d").unwrap(),
            vec![vec!["a", "b"], vec!["c", "d"]]
        );
        assert_eq!(parse("").unwrap(), Vec::<Vec<String>>::new());
        assert_eq!(parse("\"\"").unwrap(), vec![vec![""]]);
        assert_eq!(parse("a,\"b\nc\"\n\"oops").unwrap_err().line, 3);
        assert_eq!(
            parse("\"a\"b").unwrap_err().message,
            "text after a closing quote"
        );
        assert!(parse("a\"b").is_err());
    }
}
