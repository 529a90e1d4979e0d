// The same in JavaScript: runs as `node hello.mjs` too, thanks to the main guard.
export const name = "world";
const greeting = `hello, ${name}`;

export function main() {
  console.log(greeting);
  return { greeting };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
