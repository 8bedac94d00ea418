'use strict';
// The server code is TypeScript compiled by the app's root tsconfig into dist/.
module.exports = require('../../../dist/src/plugins/records-archive/server/src').default;
