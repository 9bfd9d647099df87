// Run by test/node-lines.test.ts under each Node binary (type stripping runs
// this .ts as is): the shared contract suite on the built @claid/node, as
// Node users import it. Prints one JSON report.
import * as sdk from "@claid/node";
import { runContract } from "../contract/suite.ts";

const { CLAID_MOCK_URL: baseUrl, CLAID_API_KEY: apiKey, CLAID_DEAD_URL: deadUrl } = process.env;
if (!baseUrl || !apiKey || !deadUrl) throw new Error("run through test/node-lines.test.ts");

// The key reaches @claid/node through CLAID_API_KEY, as in a user's shell.
const results = await runContract({ sdk, clientOptions: { baseUrl }, keyed: true, deadUrl });
console.log(JSON.stringify({ node: process.version, results }));
