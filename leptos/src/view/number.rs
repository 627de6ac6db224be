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
    /// The decimal text of this integer, written into `buffer`.
    pub(crate) fn write(self, buffer: &mut DigitBuffer) -> &str {
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
        std::str::from_utf8(&buffer[at..]).expect("ASCII digits")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_digits_as_display() {
        let mut buffer = DigitBuffer::default();
        for n in [0i64, 7, -7, 10, 1_000, -1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(Integer::Signed(n).write(&mut buffer), n.to_string());
        }
        for n in [0u64, 9, 10, 99, 12_345, u64::MAX] {
            assert_eq!(Integer::Unsigned(n).write(&mut buffer), n.to_string());
        }
    }
}
