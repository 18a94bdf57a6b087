#!/usr/bin/env bash
# Compiles the product's sources as Windows sees them, with MinGW-w64's g++ (-fsyntax-only), so the
# Windows-only code (the *_win.cpp files, the `#ifdef Q_OS_WIN` branches, the named pipe path) is compiled
# on every CI run although no Windows machine builds it. Registered with CTest (tests/unit/windows.cmake).
#
#   windows-syntax.sh [BUILD_DIR]    exit 0 when every file compiled; prints each error
#
# Which files (26 today, 1.5 minutes of CPU):
# - the sources CMake adds only under if(WIN32), or that the Linux build leaves out (such as
#   core/osservice/WindowsServiceManager_win.cpp; compiled with the flags of a neighbour in its folder);
# - every source of core/, cli/, app/, wizard/ and tests/ in BUILD_DIR/compile_commands.json (with the
#   Linux build's defines and include paths) that has a platform branch (#if on Q_OS_*, _WIN32, WIN32,
#   __APPLE__, __linux__) in itself or in a project header it includes, directly or not: only there can
#   Windows see other code than Linux does;
# - all of core/transport/: its local socket is a named pipe on Windows, and qlocalsocket.h and qprocess.h
#   have Windows branches of their own.
# With OCC_WINSYNTAX_ALL=1, every product source (132 files, about 8 minutes of CPU). Sources CMake builds
# only on Linux or macOS are left out (OCC_WINSYNTAX_SKIP below).
#
# How: Debian has no Qt for Windows, so the Linux Qt 6 headers stand in. Qt's headers choose the platform
# from the compiler's own macros (_WIN32 makes Q_OS_WIN, and Q_OS_UNIX is then undefined), the win32-g++
# mkspec replaces linux-g++, and the defines Qt's CMake package adds on Windows (UNICODE, _UNICODE, WIN32)
# are added. windows.h and the Win32 API come from MinGW-w64: real Windows declarations, with Windows' type
# sizes (LLP64: 32-bit long, 16-bit wchar_t).
#
# What this proves: the Windows branches and files parse and type-check against the Win32 API and Qt 6's
# public API, as g++ sees them. What it does not: linking (advapi32, Qt's Windows libraries), anything at
# run time, MSVC's own diagnostics (the Windows packages are built with MSVC, see
# installers/windows/windows.cmake), and Qt's Windows configuration (qconfig.h here is Linux's: a feature
# that differs between the two builds of Qt is seen as on Linux).
#
# Environment:
#   OCC_MINGW_CXX          the compiler (default x86_64-w64-mingw32-g++-posix: std::thread needs the
#                          posix thread model with GCC 12)
#   OCC_WINSYNTAX_JOBS     parallel compiles (default 2)
#   OCC_WINSYNTAX_ALL=1    compile every product source, not only those with a platform branch
#   OCC_WINSYNTAX_ONLY     a regular expression: compile only the chosen files that match it
set -euo pipefail
export OCC_LOG_TAG=windows-syntax
# shellcheck source=tests/harness/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir="${1:-${BUILD_DIR:-$OCC_REPO_ROOT/build}}"
cxx="${OCC_MINGW_CXX:-x86_64-w64-mingw32-g++-posix}"
jobs="${OCC_WINSYNTAX_JOBS:-2}"

occ_require_cmd "$cxx" "Install g++-mingw-w64-x86-64-posix (scripts/install-deps.sh does)."
occ_require_cmd python3 "Install python3 (scripts/install-deps.sh does)."
[[ -f "$build_dir/compile_commands.json" ]] ||
    occ_die "no $build_dir/compile_commands.json: configure the project first (scripts/build.sh)"

start=$SECONDS
# Sources the Linux build compiles that Windows never does (see wizard/CMakeLists.txt).
export OCC_WINSYNTAX_SKIP="wizard/autostart/XdgAutostart.cpp wizard/autostart/LaunchAgentAutostart.cpp"
python3 - "$OCC_REPO_ROOT" "$build_dir" "$cxx" "$jobs" <<'EOF'
import concurrent.futures, glob, json, os, re, shlex, subprocess, sys, tempfile

root, build, cxx, jobs = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3], int(sys.argv[4])
skip = set(os.environ["OCC_WINSYNTAX_SKIP"].split())
compile_all = os.environ.get("OCC_WINSYNTAX_ALL") == "1"
product = ("core/", "cli/", "app/", "wizard/")
always = ("core/transport/",)  # the named pipe path: QLocalSocket and QProcess differ on Windows
windows_branch = re.compile(r"Q_OS_WIN|_WIN32")
platform_branch = re.compile(r"^\s*#\s*(if|ifdef|ifndef|elif)\b.*\b(Q_OS_\w+|_WIN32|WIN32|__APPLE__|__linux__)\b", re.M)
include_line = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

def read(f):
    with open(os.path.join(root, f), errors="replace") as fh:
        return fh.read()

branch_memo = {}
def has_platform_branch(f, seen=None):
    """Whether f, or a project header it includes (directly or not), has a platform #if."""
    if f in branch_memo:
        return branch_memo[f]
    seen = seen if seen is not None else set()
    seen.add(f)
    text = read(f)
    found = bool(platform_branch.search(text))
    for inc in include_line.findall(text):
        for candidate in (inc, os.path.normpath(os.path.join(os.path.dirname(f), inc))):
            if os.path.isfile(os.path.join(root, candidate)) and candidate not in seen:
                found = has_platform_branch(candidate, seen) or found
                break
    branch_memo[f] = found
    return found

# The header-only libraries we use live in /usr/include with glibc's headers, which must not be seen: link
# just them into a folder of their own.
third_party = tempfile.mkdtemp(prefix="occ-windows-syntax-")
for lib in ("nlohmann", "spdlog", "fmt"):
    if os.path.isdir(f"/usr/include/{lib}"):
        os.symlink(f"/usr/include/{lib}", os.path.join(third_party, lib))

def windows_args(command):
    """The Linux compile command turned into a MinGW -fsyntax-only one."""
    args, out, drop_next = shlex.split(command)[1:], [], False
    for a in args:
        if drop_next:
            drop_next = False
            continue
        if a in ("-o", "-c", "-MT", "-MF"):
            drop_next = True
        elif a in ("-fPIC", "-g", "-MD") or a.startswith("-O") or a.endswith(".cpp"):
            pass
        elif a.endswith("/mkspecs/linux-g++"):
            out.append(a[: -len("linux-g++")] + "win32-g++")
        else:
            out.append(a)
    return out + ["-isystem", third_party, "-DUNICODE", "-D_UNICODE", "-DWIN32", "-fsyntax-only"]

entries = json.load(open(os.path.join(build, "compile_commands.json")))
by_file, by_dir = {}, {}
for e in entries:
    f = os.path.relpath(os.path.realpath(e["file"]), root)
    if f.startswith("..") or os.path.realpath(e["file"]).startswith(build + os.sep):
        continue  # generated (moc, configured files)
    by_file.setdefault(f, (e["directory"], e["command"]))
    by_dir.setdefault(os.path.dirname(f), (e["directory"], e["command"]))

def cmake_windows_sources():
    """The .cpp files a CMakeLists.txt adds only inside if(WIN32) / elseif(WIN32)."""
    found = set()
    for top in product:
        for lists in glob.glob(os.path.join(root, top, "**", "CMakeLists.txt"), recursive=True):
            inside = False
            for line in read(os.path.relpath(lists, root)).splitlines():
                stripped = line.strip()
                if re.match(r"(else)?if\s*\(", stripped) or re.match(r"(else|endif)\s*\(", stripped):
                    inside = bool(re.match(r"(else)?if\s*\(\s*WIN32\s*\)", stripped))
                elif inside:
                    for name in re.findall(r"[\w/.-]+\.cpp", stripped):
                        found.add(os.path.normpath(os.path.join(os.path.dirname(os.path.relpath(lists, root)), name)))
    return found

windows_sources = cmake_windows_sources()
jobs_list = []  # (file, why, directory, command)
for f, (d, c) in sorted(by_file.items()):
    if f in skip:
        continue
    if f in windows_sources:
        jobs_list.append((f, "Windows only", d, c))
    elif f.startswith(always):
        jobs_list.append((f, "named pipe / process path", d, c))
    elif f.startswith(product) and compile_all:
        jobs_list.append((f, "built on Linux too", d, c))
    elif f.startswith(product + ("tests/",)) and has_platform_branch(f):
        jobs_list.append((f, "platform branch", d, c))
for top in product:
    for path in sorted(glob.glob(os.path.join(root, top, "**", "*.cpp"), recursive=True)):
        f = os.path.relpath(path, root)
        if f in by_file or f in skip:
            continue
        d = os.path.dirname(f)
        while d and d not in by_dir:
            d = os.path.dirname(d)
        if d not in by_dir:
            print(f"[windows-syntax] error: no flags for {f} (no neighbour in compile_commands.json)", file=sys.stderr)
            sys.exit(1)
        jobs_list.append((f, "Windows only", *by_dir[d]))

only = os.environ.get("OCC_WINSYNTAX_ONLY")
if only:
    jobs_list = [j for j in jobs_list if re.search(only, j[0])]

def compile_one(job):
    f, why, d, c = job
    cmd = [cxx] + windows_args(c) + [os.path.join(root, f)]
    r = subprocess.run(cmd, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return f, why, r.returncode, r.stdout

failed, windows_only, branches = [], 0, 0
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
    for f, why, rc, output in pool.map(compile_one, jobs_list):
        windows_only += why == "Windows only"
        branches += bool(windows_branch.search(read(f)))
        print(f"[windows-syntax] {'ok  ' if rc == 0 else 'FAIL'} {f} ({why})", file=sys.stderr)
        if output:
            sys.stderr.write(output)
        if ".moc: No such file" in output:
            print("[windows-syntax] hint: build the tests first (their .moc files come from the build)", file=sys.stderr)
        if rc != 0:
            failed.append(f)
print(f"[windows-syntax] {len(jobs_list)} files compiled for Windows with {cxx}: {windows_only} Windows-only, "
      f"{branches} with a Windows branch; {len(failed)} failed", file=sys.stderr)
if not only and (not jobs_list or windows_only == 0):
    print("[windows-syntax] error: no Windows-only source found; the file list is wrong", file=sys.stderr)
    sys.exit(1)
for f in failed:
    print(f"[windows-syntax] failed: {f}", file=sys.stderr)
for lib in os.listdir(third_party):
    os.unlink(os.path.join(third_party, lib))
os.rmdir(third_party)
sys.exit(1 if failed else 0)
EOF
occ_log "done in $((SECONDS - start))s"
