//! Reading a server function's request body whole, into one [`Bytes`], up to a limit.
//!
//! `http_body_util`'s `collect` keeps every chunk in a list and copies them into one buffer
//! at the end; most calls are a small form or JSON body that arrives as a single chunk,
//! which is kept as it is here (no list, no copy).

use axum::body::Body;
use axum::body::HttpBody as _;
use bytes::{BufMut, Bytes, BytesMut};
use http_body_util::BodyExt;

/// Why a request body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// The body has more bytes than the limit.
    TooLarge,
    /// The body broke off before its end (the client went away, a malformed chunk).
    Broken(axum::Error),
}

/// Reads `body` whole, refusing it as soon as it has more than `limit` bytes.
pub(crate) async fn read_body(mut body: Body, limit: usize) -> Result<Bytes, BodyError> {
    let mut first = Bytes::new();
    let mut joined: Option<BytesMut> = None;
    let mut length = 0usize;
    while !body.is_end_stream() {
        let Some(frame) = body.frame().await else {
            break;
        };
        // Trailers carry no data.
        let Ok(data) = frame.map_err(BodyError::Broken)?.into_data() else {
            continue;
        };
        length = length.saturating_add(data.len());
        if length > limit {
            return Err(BodyError::TooLarge);
        }
        match &mut joined {
            Some(buffer) => buffer.put(data),
            None if first.is_empty() => first = data,
            None => {
                let mut buffer = BytesMut::with_capacity(length);
                buffer.put(std::mem::take(&mut first));
                buffer.put(data);
                joined = Some(buffer);
            }
        }
    }
    Ok(match joined {
        Some(buffer) => buffer.freeze(),
        None => first,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::stream;

    fn chunked(chunks: &[&'static str]) -> Body {
        let chunks: Vec<Result<Bytes, std::io::Error>> = chunks
            .iter()
            .map(|chunk| Ok(Bytes::from_static(chunk.as_bytes())))
            .collect();
        Body::from_stream(stream::iter(chunks))
    }

    fn read(body: Body, limit: usize) -> Result<Bytes, BodyError> {
        futures::executor::block_on(read_body(body, limit))
    }

    #[test]
    fn one_chunk_is_returned_as_it_is() {
        let bytes = read(Body::from("a=3&b=4"), 100).unwrap();
        assert_eq!(&bytes[..], b"a=3&b=4");
    }

    #[test]
    fn chunks_are_joined_in_order_and_empty_ones_skipped() {
        let bytes = read(chunked(&["", "a=3", "", "&b=", "4"]), 100).unwrap();
        assert_eq!(&bytes[..], b"a=3&b=4");
    }

    #[test]
    fn an_empty_body_is_empty() {
        assert!(read(Body::empty(), 0).unwrap().is_empty());
        assert!(read(chunked(&[]), 0).unwrap().is_empty());
    }

    #[test]
    fn a_body_over_the_limit_is_refused_even_in_chunks() {
        assert!(matches!(
            read(Body::from("12345"), 4),
            Err(BodyError::TooLarge)
        ));
        assert!(matches!(
            read(chunked(&["12", "34", "5"]), 4),
            Err(BodyError::TooLarge)
        ));
        assert_eq!(&read(chunked(&["12", "34"]), 4).unwrap()[..], b"1234");
    }

    #[test]
    fn a_broken_body_says_so() {
        let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
            Ok(Bytes::from_static(b"a=")),
            Err(std::io::Error::other("connection reset")),
        ];
        let error = read(Body::from_stream(stream::iter(chunks)), 100).unwrap_err();
        assert!(
            matches!(&error, BodyError::Broken(e) if e.to_string().contains("connection reset"))
        );
    }
}
