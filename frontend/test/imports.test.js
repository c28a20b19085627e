// node --test: the form's modules import only downwards, and never in a circle.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

const src = new URL("../src/", import.meta.url).pathname;

// Lowest first; a module may import from its own layer or a lower one.
const LAYERS = [
  ["model/", "api/", "editor/model/"],
  ["editor/state/", "session/"],
  ["editor/view/"],
  ["editor/index.js"],
  ["view/"],
  ["main.js"],
];
const layerOf = (file) => LAYERS.findIndex((prefixes) => prefixes.some((prefix) => file.startsWith(prefix)));

function modules() {
  const found = {};
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(src, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".js")) {
        const text = fs.readFileSync(path.join(src, relative), "utf8");
        found[relative] = [...text.matchAll(/^(?:import|export)[^;]*?from "(\.[^"]+)"/gms)]
          .map((match) => path.normalize(path.join(path.dirname(relative), match[1])));
      }
    }
  };
  walk("");
  return found;
}

test("every module belongs to a layer and imports none above it", () => {
  const graph = modules();
  for (const [file, imports] of Object.entries(graph)) {
    assert.notEqual(layerOf(file), -1, `${file} is in no layer`);
    for (const target of imports) {
      assert.ok(graph[target], `${file} imports ${target}, which does not exist`);
      assert.ok(layerOf(target) <= layerOf(file), `${file} imports ${target} from a layer above`);
    }
  }
});

test("no import circle", () => {
  const graph = modules();
  const state = {};
  const visit = (file, trail) => {
    if (state[file] === "done") return;
    assert.notEqual(state[file], "open", `import circle: ${[...trail, file].join(" → ")}`);
    state[file] = "open";
    for (const target of graph[file]) visit(target, [...trail, file]);
    state[file] = "done";
  };
  for (const file of Object.keys(graph)) visit(file, []);
});
