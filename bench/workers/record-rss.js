// Preloaded into a timed CLI process (NODE_OPTIONS=--require): writes the process's peak RSS
// in MB to AUTOGEN_BENCH_RSS_FILE when it exits, since the parent cannot read a child's rusage.
"use strict";
const fs = require("node:fs");

const file = process.env.AUTOGEN_BENCH_RSS_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));
