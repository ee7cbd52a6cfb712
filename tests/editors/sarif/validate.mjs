// Validates a SARIF log against the SARIF 2.1.0 schema: node validate.mjs SCHEMA LOG
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_PATH + "/");
// The schema is JSON Schema draft-04.
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const [schemaPath, logPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const log = JSON.parse(readFileSync(logPath, "utf8"));
// The schema has a pattern that is invalid under the `u` flag ("]?" in the language pattern).
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(log)) {
  for (const e of validate.errors.slice(0, 20)) console.error(`${e.instancePath} ${e.message}`);
  process.exit(1);
}
const results = log.runs.reduce((n, r) => n + r.results.length, 0);
if (results === 0) {
  console.error("the sample produced no results: nothing was validated");
  process.exit(1);
}
console.log(`valid SARIF 2.1.0: ${results} results`);
