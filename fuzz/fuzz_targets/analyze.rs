//! libFuzzer target: arbitrary bytes (lossy UTF-8) into `depeche::analyze`; panics,
//! hangs (`-timeout`) and spans that do not slice the input are failures.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(problems) = depeche_fuzz::check_bytes(data) {
        panic!("spans do not slice the input:\n{problems}");
    }
});
