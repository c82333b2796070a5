//! The YAML reader on a series file, checked as `jianbao check` checks one.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jianbao::fuzzing::yaml_series(data));
