//! Reading ZIP packages (a Word document): the central directory, then only
//! the entries asked for, each inflated under a size limit, so a hostile
//! package (a ZIP bomb, a lying header, a truncated file) is an error, not a
//! hang or an exhausted memory.

use std::io::Read;

/// The most an entry may inflate to.
pub const MAX_ENTRY: u64 = 64 << 20;

/// A package's entries: name, compression method, sizes, where its data is.
pub struct Package<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

struct Entry {
    name: String,
    method: u16,
    compressed: u64,
    size: u64,
    header: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Package<'a> {
    /// Reads the central directory; the error says what is wrong.
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, String> {
        // The end record: within the last 64 KiB + 22 bytes.
        let start = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (start..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or("it is not a ZIP package (no end of central directory): a damaged or truncated file")?;
        let count = u16_at(bytes, end + 10).ok_or("truncated")? as usize;
        let mut at = u32_at(bytes, end + 16).ok_or("truncated")? as usize;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if !bytes
                .get(at..)
                .is_some_and(|b| b.starts_with(b"PK\x01\x02"))
            {
                return Err("its central directory is damaged".into());
            }
            let method = u16_at(bytes, at + 10).ok_or("truncated")?;
            let compressed = u64::from(u32_at(bytes, at + 20).ok_or("truncated")?);
            let size = u64::from(u32_at(bytes, at + 24).ok_or("truncated")?);
            let name_len = u16_at(bytes, at + 28).ok_or("truncated")? as usize;
            let extra = u16_at(bytes, at + 30).ok_or("truncated")? as usize;
            let comment = u16_at(bytes, at + 32).ok_or("truncated")? as usize;
            let header = u32_at(bytes, at + 42).ok_or("truncated")? as usize;
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or("its central directory is truncated")?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                method,
                compressed,
                size,
                header,
            });
            at += 46 + name_len + extra + comment;
        }
        Ok(Package { bytes, entries })
    }

    /// The names of the entries.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The content of entry `name`, if it is there; an error when it is
    /// damaged, encrypted or too large.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(entry) = self.entries.iter().find(|e| e.name == name) else {
            return Ok(None);
        };
        if entry.size > MAX_ENTRY {
            return Err(format!(
                "{name} would be {} MB; at most {} MB is read",
                entry.size >> 20,
                MAX_ENTRY >> 20
            ));
        }
        let h = entry.header;
        if !self
            .bytes
            .get(h..)
            .is_some_and(|b| b.starts_with(b"PK\x03\x04"))
        {
            return Err(format!("{name} is damaged"));
        }
        if u16_at(self.bytes, h + 6).unwrap_or(0) & 1 == 1 {
            return Err(format!("{name} is encrypted"));
        }
        let name_len = u16_at(self.bytes, h + 26).unwrap_or(0) as usize;
        let extra = u16_at(self.bytes, h + 28).unwrap_or(0) as usize;
        let data_at = h + 30 + name_len + extra;
        let data = self
            .bytes
            .get(data_at..data_at.saturating_add(entry.compressed as usize))
            .ok_or_else(|| format!("{name} is truncated"))?;
        match entry.method {
            0 => Ok(Some(data.to_vec())),
            8 => {
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(data)
                    .take(MAX_ENTRY + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("{name} does not inflate ({e})"))?;
                if out.len() as u64 > MAX_ENTRY {
                    return Err(format!("{name} inflates past {} MB", MAX_ENTRY >> 20));
                }
                Ok(Some(out))
            }
            m => Err(format!(
                "{name} uses compression method {m}, which is not read"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::zip::Zip;

    #[test]
    fn what_is_written_reads_back() {
        let mut zip = Zip::new();
        zip.file("a.xml", "<a>汉字</a>".repeat(50).as_bytes());
        zip.file("b", b"x");
        let bytes = zip.finish();
        let package = Package::open(&bytes).unwrap();
        assert_eq!(package.names().collect::<Vec<_>>(), ["a.xml", "b"]);
        assert_eq!(package.read("b").unwrap().unwrap(), b"x");
        assert_eq!(
            package.read("a.xml").unwrap().unwrap(),
            "<a>汉字</a>".repeat(50).as_bytes()
        );
        assert!(package.read("c").unwrap().is_none());
    }

    #[test]
    fn a_truncated_package_is_an_error() {
        let mut zip = Zip::new();
        zip.file("a.xml", b"<a/>");
        let bytes = zip.finish();
        assert!(Package::open(&bytes[..bytes.len() / 2]).is_err());
        assert!(Package::open(b"PK").is_err());
    }
}
