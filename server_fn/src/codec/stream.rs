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
//! On the client, the transports read whole responses, so the stream a call answers
//! yields the whole body as one chunk; the chunks are delivered one by one to HTTP clients
//! that read the body as it arrives (the browser's `fetch` body reader, `curl -N`).
//! Only the output side streams: there is no streaming input encoding yet.

use std::fmt;
use std::pin::Pin;

use bytes::Bytes;
use futures::{stream, Stream, StreamExt};
use http::{header, Method, Response, StatusCode};

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
}

impl Encoding for StreamingText {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";
    const METHOD: Method = Method::POST;
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
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type)
        .body(ResponseBody::Stream(chunks))
        .map_err(|e| CodecError::Serialization(e.to_string()))
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
    /// The body as one chunk (the transports read whole responses).
    fn from_res(res: Response<Bytes>) -> Result<Self, CodecError> {
        let body = res.into_body();
        Ok(Self::new(stream::once(async move { Ok(body) })))
    }
}

impl FromRes<StreamingText> for TextStream {
    /// The body as one chunk (the transports read whole responses).
    fn from_res(res: Response<Bytes>) -> Result<Self, CodecError> {
        let text = String::from_utf8(res.into_body().to_vec())
            .map_err(|e| CodecError::Deserialization(e.to_string()))?;
        Ok(Self::from(text))
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
            res.headers()[header::CONTENT_TYPE],
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
