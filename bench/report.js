// Formats bench results: median of several runs, peak RSS, the goal next to the figure, and the
// ratio to a reference tool's figure when a result names one with `compareTo`.
"use strict";

/** The median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const seconds = (s) => `${s.toFixed(3)} s`;

/** @returns {{ text: string, missedGoal: boolean }} */
function formatResults(results) {
  const medians = new Map(results.map((r) => [r.name, median(r.runs)]));
  const width = Math.max(...results.map((r) => r.name.length));
  let missedGoal = false;
  const lines = results.map((r) => {
    const m = medians.get(r.name);
    const parts = [
      `${r.name.padEnd(width)}  median ${seconds(m)}`,
      `(${r.runs.length} runs, min ${seconds(Math.min(...r.runs))}, max ${seconds(Math.max(...r.runs))})`,
    ];
    if (r.rssMB !== undefined) parts.push(`peak RSS ${Math.round(r.rssMB)} MB`);
    if (r.goal !== undefined) {
      const met = m < r.goal;
      if (!met) missedGoal = true;
      parts.push(`goal < ${r.goal} s${r.goalNote ? ` (${r.goalNote})` : ""}: ${met ? "met" : "MISSED"}`);
    }
    if (r.compareTo !== undefined && medians.has(r.compareTo)) {
      parts.push(`${(m / medians.get(r.compareTo)).toFixed(2)}x the time of ${r.compareTo}`);
    }
    if (r.note) parts.push(r.note);
    return parts.join("  ");
  });
  return { text: lines.join("\n"), missedGoal };
}

module.exports = { median, formatResults };
