#!/usr/bin/env node
// `npm start`: builds when needed, then serves the console and the APIs on $PORT (default 3000); arguments go to scripts/server.mjs.
import { buildIfNeeded } from "./build-if-needed.mjs";

buildIfNeeded();
await import("./server.mjs");
