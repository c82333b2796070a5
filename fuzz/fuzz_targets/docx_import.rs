//! The Word importer (package, story, assembler, YAML writer, read-back
//! check) and the submitted-article reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jianbao::fuzzing::docx_import(data));
