#!/usr/bin/env node
"use strict";
// First, before any other module loads: V8 applies a profiler budget set at run time well only
// to code loaded after it (set after the CLI's modules, a 2,000-table check took 1.7x longer).
require("../dist/src/short-run-v8").tuneV8ForShortRun();
require("../dist/src/main").main(process.argv);
