#!/usr/bin/env node
// Entry point: runs the compiled CLI, so a start pays no TypeScript compile.
import '../dist/cli.js';
