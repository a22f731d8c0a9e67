/**
 * Which questions are asked: the questionnaire's conditions (`showIf`, `applicableIf`), which live in
 * questionnaires/conditions.ts; scoring reads them from here.
 */
export * from '../questionnaires/conditions.js';
