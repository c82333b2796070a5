//! A ZIP package (PKWARE APPNOTE 6.3, the subset DOCX and OFD need): files in
//! the order given, deflated (or stored when that is smaller), every date the
//! DOS epoch, no extra fields, no comments. Same files, same bytes.

/// The DOS date of 1980-01-01 (the earliest a ZIP can say), so the bytes do
/// not depend on the clock.
const DOS_DATE: u16 = (1 << 5) | 1;

pub use crate::packed::Packed;

/// Builds a package in memory.
#[derive(Debug, Default)]
pub struct Zip {
    bytes: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    /// An empty package.
    pub fn new() -> Zip {
        Zip::default()
    }

    /// Adds a file at `name` (forward slashes, no leading slash).
    pub fn file(&mut self, name: &str, data: &[u8]) {
        self.add(name, &Packed::new(data));
    }

    /// Adds a file packed before (one that many packages carry, packed once).
    pub fn add(&mut self, name: &str, packed: &Packed<'_>) {
        let Packed {
            crc,
            method,
            ref stored,
            size,
        } = *packed;
        let offset = self.bytes.len() as u32;
        let header = |out: &mut Vec<u8>, central: bool| {
            out.extend_from_slice(if central {
                &[0x50, 0x4b, 0x01, 0x02]
            } else {
                &[0x50, 0x4b, 0x03, 0x04]
            });
            if central {
                out.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
            }
            out.extend_from_slice(&20u16.to_le_bytes()); // needed: 2.0
            out.extend_from_slice(&(1u16 << 11).to_le_bytes()); // names are UTF-8
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // time 00:00
            out.extend_from_slice(&DOS_DATE.to_le_bytes());
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&(stored.len() as u32).to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra field
            if central {
                out.extend_from_slice(&0u16.to_le_bytes()); // comment
                out.extend_from_slice(&0u16.to_le_bytes()); // disk
                out.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
                out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(name.as_bytes());
        };
        header(&mut self.bytes, false);
        self.bytes.extend_from_slice(stored);
        header(&mut self.central, true);
        self.count += 1;
    }

    /// The package's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let offset = self.bytes.len() as u32;
        let size = self.central.len() as u32;
        self.bytes.append(&mut self.central);
        self.bytes.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06]);
        self.bytes.extend_from_slice(&0u16.to_le_bytes()); // this disk
        self.bytes.extend_from_slice(&0u16.to_le_bytes()); // central directory's disk
        self.bytes.extend_from_slice(&self.count.to_le_bytes());
        self.bytes.extend_from_slice(&self.count.to_le_bytes());
        self.bytes.extend_from_slice(&size.to_le_bytes());
        self.bytes.extend_from_slice(&offset.to_le_bytes());
        self.bytes.extend_from_slice(&0u16.to_le_bytes()); // comment
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_has_its_files_in_order_and_the_same_bytes_twice() {
        let build = || {
            let mut zip = Zip::new();
            zip.file("a.xml", "<a/>".repeat(100).as_bytes());
            zip.file("b/c.txt", b"x");
            zip.finish()
        };
        let bytes = build();
        assert_eq!(bytes, build());
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        assert_eq!(&bytes[30..35], b"a.xml");
        // End record: two entries.
        let end = bytes.len() - 22;
        assert_eq!(&bytes[end..end + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]), 2);
    }
}
