/** @toolchain/stats: the statistics that more than one tool needs, written once. */
export * from "./normal-distribution.js";
export * from "./proportions.js";
