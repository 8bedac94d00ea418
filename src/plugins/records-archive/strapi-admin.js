// The admin part of the plugin: the Strapi admin bundler imports `<plugin>/strapi-admin` for a local
// plugin that has this file (or a "./strapi-admin" export in package.json) and compiles the TSX itself.
export { default } from './admin/src';
