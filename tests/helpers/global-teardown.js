'use strict';
// Releases the checkout's test-run lock taken in global-setup.js.
const fs = require('fs');
const { LOCK_DIR } = require('./global-setup');

module.exports = async () => {
  fs.rmSync(LOCK_DIR, { recursive: true, force: true });
};
