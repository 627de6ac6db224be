//! [`ResponseBody`]: the body of a server function's response, whole or streamed.

use std::fmt;
use std::pin::Pin;

use bytes::Bytes;
use futures::{Stream, StreamExt};

/// The chunks of a streamed body; an `Err` ends the stream early (the integration aborts
/// the response, so the client sees a truncated body rather than a clean end).
pub type BodyStream = Pin<Box<dyn Stream<Item = Result<Bytes, String>> + Send>>;

/// The body of a server function's response: the whole body (every encoding but the
/// streaming ones), or a stream of chunks sent as they come ([`super::Streaming`],
/// [`super::StreamingText`]).
pub enum ResponseBody {
    /// The whole body.
    Full(Bytes),
    /// Chunks, each sent as soon as it is produced.
    Stream(BodyStream),
}

impl ResponseBody {
    /// The body if it is whole.
    pub fn as_full(&self) -> Option<&Bytes> {
        match self {
            Self::Full(bytes) => Some(bytes),
            Self::Stream(_) => None,
        }
    }

    /// The whole body, reading a stream to its end; the stream's error if it fails.
    pub async fn collect(self) -> Result<Bytes, String> {
        match self {
            Self::Full(bytes) => Ok(bytes),
            Self::Stream(mut stream) => {
                let mut all = Vec::new();
                while let Some(chunk) = stream.next().await {
                    all.extend_from_slice(&chunk?);
                }
                Ok(Bytes::from(all))
            }
        }
    }
}

impl From<Bytes> for ResponseBody {
    fn from(bytes: Bytes) -> Self {
        Self::Full(bytes)
    }
}

impl fmt::Debug for ResponseBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Full(bytes) => f.debug_tuple("Full").field(bytes).finish(),
            Self::Stream(_) => f.write_str("Stream(..)"),
        }
    }
}
