//! The YAML reader on an issue file, alone and under a series file: any
//! bytes give a model or located diagnostics, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jianbao::fuzzing::yaml_issue(data));
