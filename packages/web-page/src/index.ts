/** @toolchain/web-page: what the tools' browser pages (`kogine ui`, `loopai serve`'s dashboard) share. */
export { findPageDir, registerStaticPage, type StaticPageOptions } from "./static-page.js";
