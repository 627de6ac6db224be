//! The default URL path of a server function: `{prefix}/{fn name}{hash}`, computed at
//! compile time.
//!
//! The hash is FNV-1a (64 bits) over the module path, seeded with a hash the macro takes of
//! the function's name and signature tokens. It depends only on the source, so a browser
//! bundle and a server built separately from the same code agree on every path, and two
//! functions of the same name in different modules get different paths.

/// The 64-bit FNV-1a hash of `bytes`, continuing from `seed` (use [`FNV_OFFSET`] to start).
pub const fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = seed;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The FNV-1a offset basis: the seed of a fresh hash.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The length of `{prefix}{name}{16 hex digits}`.
pub const fn hashed_path_len(prefix: &str, name: &str) -> usize {
    prefix.len() + name.len() + 16
}

/// `{prefix}{name}{hash as 16 lowercase hex digits}` as bytes; `N` must be
/// [`hashed_path_len`]`(prefix, name)`.
pub const fn hashed_path<const N: usize>(prefix: &str, name: &str, hash: u64) -> [u8; N] {
    assert!(
        N == hashed_path_len(prefix, name),
        "wrong length for a server function path"
    );
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < prefix.len() {
        out[at] = prefix.as_bytes()[i];
        at += 1;
        i += 1;
    }
    i = 0;
    while i < name.len() {
        out[at] = name.as_bytes()[i];
        at += 1;
        i += 1;
    }
    i = 0;
    while i < 16 {
        let nibble = ((hash >> (60 - 4 * i)) & 0xf) as u8;
        out[at] = if nibble < 10 {
            b'0' + nibble
        } else {
            b'a' + nibble - 10
        };
        at += 1;
        i += 1;
    }
    out
}

/// `bytes` as a `&str`; only called on what [`hashed_path`] wrote, which is UTF-8 whenever
/// the prefix and name are.
pub const fn path_str(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(path) => path,
        Err(_) => panic!("a server function path is not UTF-8"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        assert_eq!(fnv1a(FNV_OFFSET, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn hashed_path_writes_prefix_name_and_hex() {
        const BYTES: [u8; 24] = hashed_path("/api/", "add", 0x0123_4567_89ab_cdef);
        assert_eq!(path_str(&BYTES), "/api/add0123456789abcdef");
    }
}
