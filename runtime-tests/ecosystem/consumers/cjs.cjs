// Node CommonJS.
const { createClaid } = require("@claid/node");

createClaid()
  .batches.createAndWait({ input: "storage://s/in/", operations: {} }, { pollIntervalMs: 50 })
  .then((result) => console.log(`cjs: ${result.status} ${result.results.length}`));
