//! The streaming output encodings: [`Streaming`] sends a [`ByteStream`], [`StreamingText`]
//! a [`TextStream`], each chunk as soon as the server produces it (a chunked HTTP body).
//!
//! ```
//! use futures::stream;
//! use server_fn::codec::{StreamingText, TextStream};
//! use server_fn::{server, ServerFnError};
//!
//! /// Counts to `n`, one line per chunk.
//! #[server(output = StreamingText)]
//! pub async fn count(n: u32) -> Result<TextStream, ServerFnError> {
//!     let lines = (1..=n).map(|i| Ok(format!("{i}\n")));
//!     Ok(TextStream::new(stream::iter(lines)))
//! }
//! ```
//!
//! On the client, a call answers as soon as the response's headers arrive, and the stream
//! it returns yields each chunk as the server sends it (`fetch`'s body reader in the
//! browser, `reqwest`'s byte stream natively). A [`TextStream`] never splits a character:
//! bytes of a character cut between two chunks wait for the next one.
//! Only the output side streams: there is no streaming input encoding yet.

use std::fmt;
use std::pin::Pin;

use bytes::Bytes;
use futures::{stream, Stream, StreamExt};
use http::{Method, Response, StatusCode};

use super::body::{BodyStream, ResponseBody};
use super::{CodecError, Encoding, FromRes, IntoRes};
use crate::ServerFnError;

/// The output encoding of a [`ByteStream`]: `application/octet-stream`, chunked.
#[derive(Clone, Copy, Debug, Default)]
pub struct Streaming;

/// The output encoding of a [`TextStream`]: `text/plain; charset=utf-8`, chunked.
#[derive(Clone, Copy, Debug, Default)]
pub struct StreamingText;

impl Encoding for Streaming {
    const CONTENT_TYPE: &'static str = "application/octet-stream";
    const METHOD: Method = Method::POST;
    const STREAMS_RESPONSE: bool = true;
}

impl Encoding for StreamingText {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";
    const METHOD: Method = Method::POST;
    const STREAMS_RESPONSE: bool = true;
}

/// A stream of byte chunks, the result of a function with `output = Streaming`.
pub struct ByteStream(Pin<Box<dyn Stream<Item = Result<Bytes, ServerFnError>> + Send>>);

impl ByteStream {
    /// A stream of the chunks `stream` yields.
    pub fn new<T: Into<Bytes>>(
        stream: impl Stream<Item = Result<T, ServerFnError>> + Send + 'static,
    ) -> Self {
        Self(Box::pin(stream.map(|chunk| chunk.map(Into::into))))
    }

    /// The chunks.
    pub fn into_inner(self) -> impl Stream<Item = Result<Bytes, ServerFnError>> + Send {
        self.0
    }
}

/// A stream of text chunks, the result of a function with `output = StreamingText`.
pub struct TextStream(Pin<Box<dyn Stream<Item = Result<String, ServerFnError>> + Send>>);

impl TextStream {
    /// A stream of the chunks `stream` yields.
    pub fn new(stream: impl Stream<Item = Result<String, ServerFnError>> + Send + 'static) -> Self {
        Self(Box::pin(stream))
    }

    /// The chunks.
    pub fn into_inner(self) -> impl Stream<Item = Result<String, ServerFnError>> + Send {
        self.0
    }
}

impl From<String> for TextStream {
    /// A stream of one chunk.
    fn from(text: String) -> Self {
        Self::new(stream::once(async move { Ok(text) }))
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ByteStream(..)")
    }
}

impl fmt::Debug for TextStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TextStream(..)")
    }
}

/// A `200 OK` response of `content_type` whose body is `chunks`.
fn streaming_response(
    content_type: &'static str,
    chunks: BodyStream,
) -> Result<Response<ResponseBody>, CodecError> {
    Ok(super::typed_response(
        StatusCode::OK,
        content_type,
        ResponseBody::Stream(chunks),
    ))
}

impl IntoRes<Streaming> for ByteStream {
    fn into_res(self) -> Result<Response<ResponseBody>, CodecError> {
        let chunks = self.0.map(|chunk| chunk.map_err(|e| e.to_string()));
        streaming_response(Streaming::CONTENT_TYPE, Box::pin(chunks))
    }
}

impl IntoRes<StreamingText> for TextStream {
    fn into_res(self) -> Result<Response<ResponseBody>, CodecError> {
        let chunks = self
            .0
            .map(|chunk| chunk.map(Bytes::from).map_err(|e| e.to_string()));
        streaming_response(StreamingText::CONTENT_TYPE, Box::pin(chunks))
    }
}

impl FromRes<Streaming> for ByteStream {
    /// The body as one chunk (a client that reads whole responses).
    fn from_res(res: Response<Bytes>) -> Result<Self, CodecError> {
        let body = res.into_body();
        Ok(Self::new(stream::once(async move { Ok(body) })))
    }

    /// Each chunk as it arrives; a failure to read the rest ends the stream with
    /// [`ServerFnError::Response`].
    fn from_streaming_res(res: Response<BodyStream>) -> Result<Self, CodecError> {
        let chunks = res
            .into_body()
            .map(|chunk| chunk.map_err(ServerFnError::Response));
        Ok(Self(Box::pin(chunks)))
    }
}

impl FromRes<StreamingText> for TextStream {
    /// The body as one chunk (a client that reads whole responses).
    fn from_res(res: Response<Bytes>) -> Result<Self, CodecError> {
        let text = String::from_utf8(res.into_body().to_vec())
            .map_err(|e| CodecError::Deserialization(e.to_string()))?;
        Ok(Self::from(text))
    }

    /// Each chunk as it arrives, as text; a character cut between two chunks is yielded
    /// whole, with the second.
    fn from_streaming_res(res: Response<BodyStream>) -> Result<Self, CodecError> {
        let text = stream::unfold(
            (res.into_body(), Utf8Chunks::default(), false),
            |(mut body, mut decoder, ended)| async move {
                if ended {
                    return None;
                }
                loop {
                    let failed = match body.next().await {
                        Some(Ok(chunk)) => match decoder.decode(&chunk) {
                            Ok(text) if text.is_empty() => continue,
                            Ok(text) => return Some((Ok(text), (body, decoder, false))),
                            Err(error) => error,
                        },
                        Some(Err(message)) => ServerFnError::Response(message),
                        None if decoder.pending.is_empty() => return None,
                        None => ServerFnError::Deserialization(
                            "the text stream ended in the middle of a character".into(),
                        ),
                    };
                    // An error ends the stream.
                    return Some((Err(failed), (body, decoder, true)));
                }
            },
        );
        Ok(Self::new(text))
    }
}

/// Turns byte chunks into text chunks without splitting a character: the bytes of a
/// character cut at the end of one chunk are kept for the next.
#[derive(Default)]
struct Utf8Chunks {
    pending: Vec<u8>,
}

impl Utf8Chunks {
    /// The text of `chunk` (after what the previous chunk left), or an error for bytes
    /// that are not UTF-8.
    fn decode(&mut self, chunk: &[u8]) -> Result<String, ServerFnError> {
        self.pending.extend_from_slice(chunk);
        let complete = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(error) => {
                return Err(ServerFnError::Deserialization(format!(
                    "the text stream is not UTF-8: {error}"
                )))
            }
        };
        let rest = self.pending.split_off(complete);
        let text = std::mem::replace(&mut self.pending, rest);
        // Checked above: the first `complete` bytes are UTF-8.
        String::from_utf8(text).map_err(|e| ServerFnError::Deserialization(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    fn chunks(body: ResponseBody) -> Vec<Result<Bytes, String>> {
        match body {
            ResponseBody::Stream(stream) => block_on(stream.collect()),
            ResponseBody::Full(_) => panic!("not a stream"),
        }
    }

    #[test]
    fn a_text_stream_answers_its_chunks_in_order() {
        let lines = stream::iter(["a", "b", "c"].map(|s| Ok(s.to_owned())));
        let res = IntoRes::<StreamingText>::into_res(TextStream::new(lines)).unwrap();
        assert_eq!(
            res.headers()[http::header::CONTENT_TYPE],
            StreamingText::CONTENT_TYPE
        );
        let got: Vec<_> = chunks(res.into_body())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(got, ["a", "b", "c"]);
    }

    #[test]
    fn an_error_in_a_byte_stream_ends_it() {
        let items = stream::iter([
            Ok(Bytes::from_static(b"1")),
            Err(ServerFnError::new("disk gone")),
        ]);
        let res = IntoRes::<Streaming>::into_res(ByteStream::new(items)).unwrap();
        let got = chunks(res.into_body());
        assert_eq!(got[0], Ok(Bytes::from_static(b"1")));
        assert!(matches!(&got[1], Err(m) if m.contains("disk gone")));
    }

    fn arriving(chunks: &[&'static [u8]]) -> Response<BodyStream> {
        let chunks: Vec<Result<Bytes, String>> =
            chunks.iter().map(|c| Ok(Bytes::from_static(c))).collect();
        Response::new(Box::pin(stream::iter(chunks)) as BodyStream)
    }

    #[test]
    fn a_streamed_text_keeps_its_chunks_and_never_splits_a_character() {
        // "é" is two bytes, cut between the second and third chunk.
        let res = arriving(&[b"ab", b"c\xc3", b"\xa9d", b"!"]);
        let text = <TextStream as FromRes<StreamingText>>::from_streaming_res(res).unwrap();
        let got: Vec<_> = block_on(text.into_inner().collect::<Vec<_>>());
        let got: Vec<String> = got.into_iter().map(Result::unwrap).collect();
        assert_eq!(got, ["ab", "c", "éd", "!"]);
    }

    #[test]
    fn bytes_that_are_not_text_end_a_text_stream_with_an_error() {
        let res = arriving(&[b"ok", b"\xff"]);
        let text = <TextStream as FromRes<StreamingText>>::from_streaming_res(res).unwrap();
        let got: Vec<_> = block_on(text.into_inner().collect::<Vec<_>>());
        assert_eq!(got[0], Ok("ok".to_owned()));
        assert!(matches!(&got[1], Err(ServerFnError::Deserialization(m)) if m.contains("UTF-8")));
    }

    #[test]
    fn a_text_stream_cut_in_the_middle_of_a_character_ends_with_an_error() {
        let res = arriving(&[b"ab\xc3"]);
        let text = <TextStream as FromRes<StreamingText>>::from_streaming_res(res).unwrap();
        let got: Vec<_> = block_on(text.into_inner().collect::<Vec<_>>());
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], Ok("ab".to_owned()));
        assert!(matches!(&got[1], Err(ServerFnError::Deserialization(m)) if m.contains("middle")));
    }

    #[test]
    fn a_streamed_byte_body_keeps_its_chunks_and_reports_a_broken_connection() {
        let chunks: Vec<Result<Bytes, String>> = vec![
            Ok(Bytes::from_static(b"1")),
            Ok(Bytes::from_static(b"23")),
            Err("connection reset".into()),
        ];
        let res = Response::new(Box::pin(stream::iter(chunks)) as BodyStream);
        let bytes = <ByteStream as FromRes<Streaming>>::from_streaming_res(res).unwrap();
        let got: Vec<_> = block_on(bytes.into_inner().collect::<Vec<_>>());
        assert_eq!(got[0], Ok(Bytes::from_static(b"1")));
        assert_eq!(got[1], Ok(Bytes::from_static(b"23")));
        assert!(matches!(&got[2], Err(ServerFnError::Response(m)) if m == "connection reset"));
    }

    #[test]
    fn only_the_streaming_encodings_read_responses_as_streams() {
        fn streams<E: Encoding>() -> bool {
            E::STREAMS_RESPONSE
        }
        assert!(streams::<Streaming>() && streams::<StreamingText>());
        assert!(!streams::<crate::codec::Json>() && !streams::<crate::codec::Cbor>());
        let res = arriving(&[b"1"]);
        assert!(<i32 as FromRes<crate::codec::Json>>::from_streaming_res(res).is_err());
    }

    #[test]
    fn the_client_reads_a_whole_body_as_one_chunk() {
        let res = Response::new(Bytes::from_static(b"abc\ndef"));
        let text = <TextStream as FromRes<StreamingText>>::from_res(res).unwrap();
        let got: Vec<_> = block_on(text.into_inner().collect::<Vec<_>>());
        assert_eq!(got, [Ok("abc\ndef".to_owned())]);
        let res = Response::new(Bytes::from_static(&[0, 1]));
        let bytes = <ByteStream as FromRes<Streaming>>::from_res(res).unwrap();
        let got: Vec<_> = block_on(bytes.into_inner().collect::<Vec<_>>());
        assert_eq!(got, [Ok(Bytes::from_static(&[0, 1]))]);
    }
}
