export * from './view-graph.js';
export * from './aggregate.js';
export * from './layout.js';
export * from './render.js';
export { forceLayout } from './force-layout.js';
