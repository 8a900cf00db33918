//! Small, strict encoders and a bounds-checked reader for the sealed formats.
//! Nothing here is cryptography: only byte layout and text encodings.

use base64ct::{Base64UrlUnpadded, Encoding};

/// Reads a byte slice front to back; every read is bounds-checked and fails with
/// [`Short`] instead of panicking or allocating.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// The input ended before a field it announced.
#[derive(Debug)]
pub(crate) struct Short;

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Short> {
        let end = self.pos.checked_add(n).ok_or(Short)?;
        let out = self.bytes.get(self.pos..end).ok_or(Short)?;
        self.pos = end;
        Ok(out)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], Short> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Short> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u32_be(&mut self) -> Result<u32, Short> {
        Ok(u32::from_be_bytes(self.array::<4>()?))
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    pub(crate) fn is_at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
}

/// Crockford's base32 alphabet (no I, L, O, U).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Crockford base32 of `bytes`, most significant bit first, without padding; a final partial
/// group of bits is padded with zero bits on the right.
pub(crate) fn crockford_base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(CROCKFORD[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(CROCKFORD[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Exactly `2 * N` lowercase hex digits into `N` bytes. Uppercase is refused so that one id has
/// exactly one spelling.
pub(crate) fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let text = text.as_bytes();
    if text.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (i, pair) in text.chunks_exact(2).enumerate() {
        out[i] = (digit(pair[0])? << 4) | digit(pair[1])?;
    }
    Some(out)
}

/// Unpadded base64url (RFC 4648 §5), as used in every text field of the sealed formats.
pub(crate) fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Strict unpadded base64url: padding, whitespace, other alphabets and non-zero trailing bits
/// are refused, so each value has exactly one spelling.
pub(crate) fn unb64(text: &str) -> Option<Vec<u8>> {
    let bytes = Base64UrlUnpadded::decode_vec(text).ok()?;
    // Belt and braces: only the canonical spelling round-trips.
    (b64(&bytes) == text).then_some(bytes)
}

/// [`unb64`] into a fixed-size array.
pub(crate) fn unb64_array<const N: usize>(text: &str) -> Option<[u8; N]> {
    unb64(text)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crockford_matches_known_values() {
        assert_eq!(crockford_base32(&[]), "");
        assert_eq!(crockford_base32(&[0xff; 5]), "ZZZZZZZZ");
        assert_eq!(crockford_base32(&[0; 5]), "00000000");
        // 0x08 0x42 = 00001 00001 00001 0(0000) -> "1110"
        assert_eq!(crockford_base32(&[0x08, 0x42]), "1110");
    }

    #[test]
    fn hex_round_trips_and_is_strict() {
        let bytes = [0x00, 0x9a, 0xff, 0x10];
        assert_eq!(hex(&bytes), "009aff10");
        assert_eq!(unhex::<4>("009aff10"), Some(bytes));
        assert_eq!(unhex::<4>("009AFF10"), None);
        assert_eq!(unhex::<4>("009aff1"), None);
        assert_eq!(unhex::<4>("009aff1g"), None);
    }

    #[test]
    fn base64_is_strict() {
        assert_eq!(b64(b"hi"), "aGk");
        assert_eq!(unb64("aGk").as_deref(), Some(&b"hi"[..]));
        assert_eq!(unb64("aGk="), None, "padding refused");
        assert_eq!(unb64("aGl"), None, "non-zero trailing bits refused");
        assert_eq!(unb64("aG k"), None);
        assert_eq!(unb64("a+/="), None);
    }
}
