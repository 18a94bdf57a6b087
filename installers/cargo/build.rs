//! Builds occ's C++ sources with CMake (Qt 6.4+, nlohmann-json, spdlog from the system) and links them
//! into the Rust `occ` binary. No crates.io dependencies: it runs offline.
//!
//! Source tree: $OCC_SOURCE_DIR, else cpp/src inside the crate (a published crate, see vendor.sh),
//! else the repository two levels up (`cargo install --path installers/cargo`).
//! $OCC_CMAKE_ARGS adds arguments to the configure step (e.g. -DCMAKE_PREFIX_PATH=/opt/Qt/6.8.0/gcc_64).

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn fail(message: &str) -> ! {
    eprintln!("\nerror: {message}\n");
    // A panic would bury the message under a backtrace hint; exit quietly with it instead.
    std::process::exit(1);
}

fn have(program: &str) -> bool {
    Command::new(program).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

fn source_dir(manifest: &Path) -> PathBuf {
    if let Ok(dir) = env::var("OCC_SOURCE_DIR") {
        return PathBuf::from(dir);
    }
    let vendored = manifest.join("cpp").join("src");
    if vendored.join("CMakeLists.txt").exists() {
        return vendored;
    }
    manifest.join("..").join("..")
}

fn explain_configure_failure(log: &str) -> String {
    let mut hint = String::from("CMake could not configure opencode-cloud.");
    if log.contains("Qt6") {
        hint += "\nQt 6.4 or newer (Core, Network) was not found. Install it:\n  \
                 Debian/Ubuntu: sudo apt install qt6-base-dev\n  \
                 Fedora:        sudo dnf install qt6-qtbase-devel\n  \
                 macOS:         brew install qt@6   (then OCC_CMAKE_ARGS=-DCMAKE_PREFIX_PATH=$(brew --prefix qt@6))\n\
                 or point CMake at a Qt install: OCC_CMAKE_ARGS=-DCMAKE_PREFIX_PATH=/path/to/Qt/6.x/gcc_64";
    }
    if log.contains("nlohmann_json") {
        hint += "\nnlohmann-json 3.10+ is missing: sudo apt install nlohmann-json3-dev (brew install nlohmann-json)";
    }
    if log.contains("spdlog") {
        hint += "\nspdlog 1.9+ is missing: sudo apt install libspdlog-dev (brew install spdlog)";
    }
    if log.contains("CMAKE_CXX_COMPILER") || log.contains("No CMAKE_CXX_COMPILER") {
        hint += "\nNo C++17 compiler: sudo apt install g++ (xcode-select --install)";
    }
    hint + "\nscripts/install-deps.sh installs everything on Debian and Ubuntu."
}

fn run(cmd: &mut Command, what: &str) -> String {
    let output = cmd.output().unwrap_or_else(|e| fail(&format!("{what}: {e}")));
    let text = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        eprintln!("{text}");
        if what == "configure" {
            fail(&explain_configure_failure(&text));
        }
        fail(&format!("the C++ build failed ({what}); its output is above"));
    }
    text
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let src = source_dir(&manifest);
    if !src.join("cli").join("main.cpp").exists() {
        fail(&format!(
            "the opencode-cloud C++ sources are not at {} (set OCC_SOURCE_DIR)",
            src.display()
        ));
    }
    if env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("msvc") {
        fail("building with cargo on Windows is not supported; use the Windows installer");
    }
    if !have("cmake") {
        fail("cmake was not found. Install CMake 3.22 or newer: sudo apt install cmake (brew install cmake)");
    }

    for dir in ["CMakeLists.txt", "core", "cli", "docker"] {
        println!("cargo:rerun-if-changed={}", src.join(dir).display());
    }
    println!("cargo:rerun-if-changed=cpp");
    println!("cargo:rerun-if-env-changed=OCC_SOURCE_DIR");
    println!("cargo:rerun-if-env-changed=OCC_CMAKE_ARGS");

    let build = out.join("cmake-build");
    let mut configure = Command::new("cmake");
    configure
        .arg("-S")
        .arg(manifest.join("cpp"))
        .arg("-B")
        .arg(&build)
        .arg(format!("-DOCC_SOURCE_DIR={}", src.display()))
        .arg("-DCMAKE_BUILD_TYPE=Release");
    if have("ninja") {
        configure.args(["-G", "Ninja"]);
    }
    if let Ok(extra) = env::var("OCC_CMAKE_ARGS") {
        configure.args(extra.split_whitespace());
    }
    run(&mut configure, "configure");

    let jobs = env::var("NUM_JOBS").unwrap_or_else(|_| "2".into());
    run(
        Command::new("cmake").arg("--build").arg(&build).args(["--target", "occ_cargo_probe", "-j", &jobs]),
        "build",
    );

    // Replay the link line CMake computed for a C++ executable of these libraries (record-link.sh):
    // object files (e.g. the compiled-in Docker build context, an object library), static libraries in
    // order, Qt and the other shared libraries, rpaths. The probe's own objects (its main) and compiler
    // flags are left out; rustc provides main, cc links.
    let recorded = std::fs::read_to_string(build.join("link-line.txt"))
        .unwrap_or_else(|_| fail("CMake did not record the link line (Makefile or Ninja generator needed)"));
    let mut lines = recorded.lines();
    let cwd = PathBuf::from(lines.next().unwrap_or("."));
    let mut skip_next = false;
    for arg in lines.skip(1) {
        if skip_next {
            skip_next = false;
            continue;
        }
        if arg == "-o" {
            skip_next = true;
            continue;
        }
        if arg.contains("occ_cargo_probe.dir") {
            continue; // the probe's main and moc objects
        }
        let is_lib = arg.ends_with(".o") || arg.ends_with(".obj") || arg.ends_with(".a") || arg.contains(".so") || arg.ends_with(".dylib") || arg.ends_with(".tbd");
        if is_lib {
            let p = Path::new(arg);
            let abs = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
            println!("cargo:rustc-link-arg={}", abs.display());
        } else if arg.starts_with("-l") || arg.starts_with("-L") || arg.starts_with("-Wl,") || arg == "-pthread"
            || arg.starts_with("-F") || arg == "-framework"
        {
            println!("cargo:rustc-link-arg={arg}");
        } else if arg.ends_with(".framework") || (arg.starts_with('/') && arg.contains(".framework/")) {
            println!("cargo:rustc-link-arg={arg}");
        }
    }
    // rustc links with cc, which does not add the C++ runtime the way c++ does.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("macos") {
        println!("cargo:rustc-link-arg=-lc++");
    } else {
        println!("cargo:rustc-link-arg=-lstdc++");
    }
}
