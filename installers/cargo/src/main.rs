//! `occ`, the opencode-cloud CLI. The whole program is C++ (Qt); build.rs builds it with CMake into
//! static libraries and links them here, so `cargo install` puts one ordinary `occ` binary on the PATH.
//! This file only hands the command line to the C++ entry point `occ_main` (installers/cargo/cpp).

use std::ffi::CString;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn occ_main(argc: c_int, argv: *mut *mut c_char) -> c_int;
}

#[cfg(unix)]
fn to_cstring(arg: std::ffi::OsString) -> CString {
    use std::os::unix::ffi::OsStringExt;
    // An argument with a NUL byte cannot come from execve(); drop the impossible tail.
    let mut bytes = arg.into_vec();
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        bytes.truncate(nul);
    }
    CString::new(bytes).expect("NUL removed")
}

#[cfg(not(unix))]
fn to_cstring(arg: std::ffi::OsString) -> CString {
    // Qt on Windows reads the real (UTF-16) command line itself; argv is only a fallback.
    CString::new(arg.to_string_lossy().replace('\0', "")).expect("NUL removed")
}

fn main() {
    let args: Vec<CString> = std::env::args_os().map(to_cstring).collect();
    let mut argv: Vec<*mut c_char> = args.iter().map(|a| a.as_ptr() as *mut c_char).collect();
    argv.push(std::ptr::null_mut());
    // SAFETY: argv holds args.len() valid NUL-terminated strings followed by a null pointer, and
    // `args` outlives the call.
    let code = unsafe { occ_main(args.len() as c_int, argv.as_mut_ptr()) };
    std::process::exit(code);
}
