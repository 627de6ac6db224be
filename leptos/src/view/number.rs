//! Integers as text without `core::fmt`. Where HTML is written, `itoa` puts the digits in a
//! buffer on the stack. A client-only browser build gives integers exact in an `f64` to
//! JavaScript as numbers when it creates their nodes; larger ones, and the text compared when
//! a dynamic part updates in place, are made one character at a time (a short `String`).

/// An integer a view shows as decimal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    Signed(i64),
    Unsigned(u64),
}

impl Integer {
    /// This integer as an `f64`, if it is exactly representable there (|n| ≤ 2^53), so that
    /// JavaScript's number-to-text gives the same digits.
    pub(crate) fn as_exact_f64(self) -> Option<f64> {
        const LIMIT: u64 = 1 << 53;
        match self {
            Integer::Signed(n) if n.unsigned_abs() <= LIMIT => Some(n as f64),
            Integer::Unsigned(n) if n <= LIMIT => Some(n as f64),
            _ => None,
        }
    }

    /// Calls `f` with the decimal text of this integer.
    ///
    /// Where HTML is written (the server), `itoa` formats it on the stack, two digits at a
    /// time. A client-only browser build shows integers exact in an `f64` through JavaScript
    /// and needs this only for larger ones: there the digits go into a small `String` one
    /// character at a time, since `itoa`'s `unwrap`s would bring `core::fmt`'s debug
    /// builders into the bundle.
    pub(crate) fn with_digits<R>(self, f: impl FnOnce(&str) -> R) -> R {
        #[cfg(any(render_html, hydration))]
        {
            let mut buffer = itoa::Buffer::new();
            f(match self {
                Integer::Signed(n) => buffer.format(n),
                Integer::Unsigned(n) => buffer.format(n),
            })
        }
        #[cfg(not(any(render_html, hydration)))]
        {
            f(&self.digits_as_chars())
        }
    }

    /// The decimal text made one character at a time (see [`Integer::with_digits`]).
    #[cfg_attr(any(render_html, hydration), allow(dead_code))]
    fn digits_as_chars(self) -> String {
        let (negative, mut n) = match self {
            Integer::Signed(n) => (n < 0, n.unsigned_abs()),
            Integer::Unsigned(n) => (false, n),
        };
        // Room for the longest `i64` or `u64` (`-9223372036854775808` is 20 bytes).
        let mut buffer = [0u8; 20];
        let mut at = buffer.len();
        loop {
            at -= 1;
            buffer[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if negative {
            at -= 1;
            buffer[at] = b'-';
        }
        buffer[at..].iter().map(|&b| char::from(b)).collect()
    }

    /// Appends the decimal text of this integer to `out`.
    #[cfg(render_html)]
    pub(crate) fn push_to(self, out: &mut String) {
        self.with_digits(|digits| out.push_str(digits));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_integers_exact_in_a_float_go_to_the_browser_as_numbers() {
        assert_eq!(Integer::Signed(-5).as_exact_f64(), Some(-5.0));
        assert_eq!(
            Integer::Unsigned(1 << 53).as_exact_f64(),
            Some(9007199254740992.0)
        );
        assert_eq!(Integer::Unsigned((1 << 53) + 1).as_exact_f64(), None);
        assert_eq!(Integer::Signed(i64::MIN).as_exact_f64(), None);
    }

    #[test]
    fn writes_the_same_digits_as_display() {
        for n in [0i64, 7, -7, 10, 1_000, -1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(Integer::Signed(n).with_digits(str::to_owned), n.to_string());
            assert_eq!(Integer::Signed(n).digits_as_chars(), n.to_string());
        }
        for n in [0u64, 9, 10, 99, 12_345, u64::MAX] {
            assert_eq!(
                Integer::Unsigned(n).with_digits(str::to_owned),
                n.to_string()
            );
            assert_eq!(Integer::Unsigned(n).digits_as_chars(), n.to_string());
        }
        for n in [0i64, -7, i64::MIN] {
            let mut out = String::from("n=");
            Integer::Signed(n).push_to(&mut out);
            assert_eq!(out, format!("n={n}"));
        }
    }
}
