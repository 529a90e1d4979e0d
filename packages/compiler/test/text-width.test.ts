import assert from "node:assert/strict";
import { test } from "node:test";
import { charWidth, textWidth } from "../src/index.js";

test("ASCII and Latin letters take one column", () => {
  assert.equal(textWidth("abc"), 3);
  assert.equal(charWidth("é"), 1);
});

test("CJK, fullwidth forms and emoji take two columns", () => {
  assert.equal(textWidth("日本"), 4);
  assert.equal(charWidth("Ａ"), 2);
  assert.equal(charWidth("😀"), 2);
});

test("combining marks take none", () => {
  assert.equal(textWidth("e\u0301"), 1);
});
