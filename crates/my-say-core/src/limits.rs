//! The largest file of each kind My Say reads. Each file picker checks the file's size against
//! its kind's limit before reading a byte, so a huge or hostile file cannot exhaust a tablet's
//! memory. The limits are far above any real file (docs/sealed-format.md, "Limits").

/// An answers file (`.mysay`): about 35,000 booklets at the usual 1.8 KB each.
pub const ANSWERS_FILE_MAX_BYTES: u64 = 64 << 20;
/// A workspace export (JSON, every booklet in plain text).
pub const WORKSPACE_FILE_MAX_BYTES: u64 = 128 << 20;
/// An IRO's public key file (a few hundred bytes).
pub const KEY_FILE_MAX_BYTES: u64 = 64 << 10;
/// An IRO's recovery file (under a kilobyte).
pub const RECOVERY_FILE_MAX_BYTES: u64 = 64 << 10;
/// A council survey file (a survey in every language it is written in).
pub const SURVEY_FILE_MAX_BYTES: u64 = 1 << 20;

/// Why a file over `limit` bytes was not read, for the picker's message.
pub fn too_large(limit: u64) -> String {
    let words = if limit >= 1 << 20 {
        format!("{} MB", limit >> 20)
    } else {
        format!("{} KB", limit >> 10)
    };
    format!("the file is larger than {words}, the most My Say reads for this kind of file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_states_each_limit() {
        assert!(too_large(ANSWERS_FILE_MAX_BYTES).contains("larger than 64 MB"));
        assert!(too_large(WORKSPACE_FILE_MAX_BYTES).contains("128 MB"));
        assert!(too_large(KEY_FILE_MAX_BYTES).contains("64 KB"));
        assert!(too_large(RECOVERY_FILE_MAX_BYTES).contains("64 KB"));
        assert!(too_large(SURVEY_FILE_MAX_BYTES).contains("1 MB"));
    }
}
