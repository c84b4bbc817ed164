// How the bench's command-line scripts end: with the status their main() resolves to, or 1 on an
// error, printed as its message (or whole, with its stack, when `stack` is set).
"use strict";

/** Runs `main` (resolving to an exit status) and exits the process with it. */
function runScript(main, { stack = false } = {}) {
  main().then(
    (status) => process.exit(status),
    (err) => {
      console.error(stack ? err : err.message);
      process.exit(1);
    },
  );
}

module.exports = { runScript };
