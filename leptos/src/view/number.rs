//! Integers as text without an allocation or `core::fmt`: the digits are written into a
//! buffer on the stack when the view is written or built.

/// An integer a view shows as decimal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    Signed(i64),
    Unsigned(u64),
}

/// Room for the longest `i64` or `u64` in decimal (`-9223372036854775808` is 20 bytes).
pub(crate) type DigitBuffer = [u8; 20];

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

    /// Writes the decimal digits (and sign) at the end of `buffer`; returns where they start.
    fn digits(self, buffer: &mut DigitBuffer) -> usize {
        let (negative, mut n) = match self {
            Integer::Signed(n) => (n < 0, n.unsigned_abs()),
            Integer::Unsigned(n) => (false, n),
        };
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
        at
    }

    /// The decimal text of this integer, written into `buffer` (server rendering and
    /// hydration).
    #[cfg(any(render_html, hydration))]
    pub(crate) fn write(self, buffer: &mut DigitBuffer) -> &str {
        let at = self.digits(buffer);
        // Only ASCII digits and '-' were written, so this is never the empty default.
        // (`expect` would bring `Utf8Error`'s `Debug` and `core::fmt`'s builders along.)
        std::str::from_utf8(&buffer[at..]).unwrap_or_default()
    }

    /// The decimal text of this integer as a `String`, made from the digits as characters:
    /// no UTF-8 validation, so a browser bundle carries neither `str::from_utf8` nor
    /// `core::fmt` for it.
    pub(crate) fn to_text(self) -> String {
        let mut buffer = DigitBuffer::default();
        let at = self.digits(&mut buffer);
        buffer[at..].iter().map(|&b| char::from(b)).collect()
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
        let mut buffer = DigitBuffer::default();
        for n in [0i64, 7, -7, 10, 1_000, -1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(Integer::Signed(n).write(&mut buffer), n.to_string());
        }
        for n in [0u64, 9, 10, 99, 12_345, u64::MAX] {
            assert_eq!(Integer::Unsigned(n).write(&mut buffer), n.to_string());
            assert_eq!(Integer::Unsigned(n).to_text(), n.to_string());
        }
        for n in [0i64, -7, i64::MIN] {
            assert_eq!(Integer::Signed(n).to_text(), n.to_string());
        }
    }
}
