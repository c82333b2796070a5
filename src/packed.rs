//! A file's data packed once for a package (ZIP: DOCX, OFD): what a font
//! subset keeps between builds, so that the next package carrying it does
//! not deflate it again. Here rather than in `write::zip`, so that what
//! keeps it (`opentype`, held by the typesetting environment) reaches no
//! writer.

use std::borrow::Cow;
use std::io::Write;

use flate2::Compression;
use flate2::write::DeflateEncoder;

/// A file's data as a package holds it: deflated, or stored (borrowed)
/// when that is smaller, with its checksum and size.
#[derive(Debug, Clone)]
pub struct Packed<'a> {
    /// CRC-32 of the data.
    pub(crate) crc: u32,
    /// 8 deflated, 0 stored.
    pub(crate) method: u16,
    /// The bytes as the package holds them.
    pub(crate) stored: Cow<'a, [u8]>,
    /// The data's own size.
    pub(crate) size: u32,
}

impl<'a> Packed<'a> {
    /// Packs `data`.
    pub fn new(data: &'a [u8]) -> Packed<'a> {
        let deflated = {
            let mut encoder = DeflateEncoder::new(Vec::new(), Compression::new(6));
            // Writing into a Vec cannot fail.
            encoder.write_all(data).expect("deflate into memory");
            encoder.finish().expect("deflate into memory")
        };
        let (method, stored) = if deflated.len() < data.len() {
            (8, Cow::Owned(deflated))
        } else {
            (0, Cow::Borrowed(data))
        };
        Packed {
            crc: crc32fast::hash(data),
            method,
            stored,
            size: data.len() as u32,
        }
    }

    /// The same, owning its bytes (to be kept).
    pub fn into_owned(self) -> Packed<'static> {
        Packed {
            stored: Cow::Owned(self.stored.into_owned()),
            ..self
        }
    }
}
