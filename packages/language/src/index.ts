export * from './territory-module.js';
export * from './generated/ast.js';
export * from './prelude.js';
export * from './names.js';
export * from './analysis/model-from-documents.js';
export { IssueCodes } from './validation/issue-codes.js';
export { isCalendarDate, today } from './validation/dates.js';
export { parentOf, relationDirection } from './validation/territory-validator.js';
export type { ModelFacts, Declaration } from './workspace/model-index.js';
