#!/usr/bin/env node
// `npm start`: builds when needed, then serves the console and the APIs on $PORT (default 3000).
import { spawn } from "node:child_process";
import { buildIfNeeded, nextBin, root } from "./build-if-needed.mjs";

buildIfNeeded();
const port = process.env.PORT ?? "3000";
const server = spawn(nextBin, ["start", "-p", port, ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
