//! Photo vetting and preparation (limits before decoding, orientation,
//! downsampling, re-encoding) on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| jianbao::fuzzing::photo(data));
