#!/usr/bin/env node
// `npx opencode-cloud <command>`: runs the native `occ` from the platform package npm installed
// alongside (@opencode-cloud/<platform>-<arch>, an optional dependency limited by "os" and "cpu", the
// pattern esbuild and opencode use). Arguments, stdio, the exit code and signals pass through.
// OCC_BINARY=/path/to/occ overrides the lookup (for development and unsupported platforms).
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const SUPPORTED = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"];

function fail(message) {
  process.stderr.write(`opencode-cloud: ${message}\n`);
  process.exit(1);
}

function findBinary() {
  if (process.env.OCC_BINARY) {
    return process.env.OCC_BINARY;
  }
  const platform = `${process.platform}-${process.arch}`;
  if (!SUPPORTED.includes(platform)) {
    fail(
      `no prebuilt occ for ${platform} (there are: ${SUPPORTED.join(", ")}).\n` +
        "Build it from source (https://github.com/opencode-cloud/opencode-cloud#building) and set\n" +
        "OCC_BINARY=/path/to/occ, or use the cargo installer: cargo install opencode-cloud"
    );
  }
  const pkg = `@opencode-cloud/${platform}`;
  let dir;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch (e) {
    fail(
      `the package ${pkg}, which holds occ for this platform, is not installed.\n` +
        "npm skips optional dependencies with --omit=optional or --no-optional; reinstall without it:\n" +
        "  npm install opencode-cloud   (or: npx --yes opencode-cloud@latest ...)"
    );
  }
  return path.join(dir, "bin", process.platform === "win32" ? "occ.exe" : "occ");
}

const binary = findBinary();
if (!fs.existsSync(binary)) {
  fail(`${binary} is missing; the package is damaged, reinstall opencode-cloud`);
}

const child = spawn(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: false });

child.on("error", (err) => {
  fail(`cannot run ${binary}: ${err.message}`);
});

// Forward signals sent to this process. A terminal already sends Ctrl-C / Ctrl-\ to the whole
// foreground process group, occ included; forwarding them too would deliver them twice.
const forwarded = ["SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2"];
if (!process.stdin.isTTY) {
  forwarded.push("SIGINT", "SIGQUIT");
}
const handlers = {};
for (const signal of process.platform === "win32" ? ["SIGINT", "SIGTERM"] : forwarded) {
  handlers[signal] = () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
  };
  process.on(signal, handlers[signal]);
}
if (process.stdin.isTTY && process.platform !== "win32") {
  // Keep node alive on Ctrl-C so occ decides what happens, and we report its exit status.
  process.on("SIGINT", () => {});
  process.on("SIGQUIT", () => {});
}

child.on("exit", (code, signal) => {
  if (signal) {
    // Die of the same signal, so the caller sees what occ saw.
    for (const [s, h] of Object.entries(handlers)) {
      process.removeListener(s, h);
    }
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code === null ? 1 : code);
});
