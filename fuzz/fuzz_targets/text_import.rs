//! The text importer (decode, import, YAML writer, read-back check).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jianbao::fuzzing::text_import(data));
