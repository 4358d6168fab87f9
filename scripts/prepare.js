#!/usr/bin/env node
// A fresh clone has no .tmp/: SQLite cannot create its database file without the folder.
const fs = require('fs');
const path = require('path');

for (const dir of ['.tmp', 'public/uploads']) {
  fs.mkdirSync(path.join(__dirname, '..', dir), { recursive: true });
}
