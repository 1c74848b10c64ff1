#!/usr/bin/env node
// The bundled CLI (scripts/bundle.js): one file to load instead of ~500.
import '../dist/bundle/main.js';
