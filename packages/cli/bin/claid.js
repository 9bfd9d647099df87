#!/usr/bin/env node
// Committed (dist/ is not) so that npm links `claid` at install time, before the first build.
import "../dist/cli.js";
