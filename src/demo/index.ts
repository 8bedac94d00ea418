/**
 * The demo school: a deterministic generator of a realistic school year (`generateSchool`) and the
 * accounts for trying it (`ensureSuperAdmin`, `ensureDemoAccounts`). Used by scripts/seed.js.
 */
export { generateSchool, DEFAULT_DEMO_PASSWORD, type GenerateSchoolOptions, type GenerateSchoolSummary } from './generate';
export { planSchool, DEFAULT_OPTIONS, type DemoSchoolOptions, type SchoolPlan } from './plan';
export { planJournalEntries, schoolClock } from './entries';
export {
  ensureDemoAccounts,
  ensureStaffAdminAccounts,
  ensureSuperAdmin,
  DEMO_ACCOUNTS,
  STAFF_ADMIN_ACCOUNTS,
  type DemoAccount,
} from './accounts';
