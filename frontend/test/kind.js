// The document kind as the page builds it, from the service's own answers
// to GET /schema and GET /conventions (asked of the Flask app in Python, so
// the tests use the server's truth, not a copy of it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";

import { documentKind } from "../src/model/kind.js";
import { DocumentSchema } from "../src/model/schema.js";

export const root = new URL("../../", import.meta.url).pathname;
const venv = `${root}.venv/bin/python`;
export const python = fs.existsSync(venv) ? venv : "python3";
const ASK = `
import json
from app import create_app
client = create_app({"TESTING": True, "PDF_BACKEND": "none"}).test_client()
print(json.dumps({"schema": client.get("/schema").get_json(), "conventions": client.get("/conventions").get_json()}))
`;

export const answers = JSON.parse(execFileSync(python, ["-c", ASK], { cwd: root, encoding: "utf8" }));

export const kind = documentKind(new DocumentSchema(answers.schema), answers.conventions);
