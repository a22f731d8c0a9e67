/** Types of the page script visibility.js (for the test that checks it against the scoring rule). */
export type Value = string | string[] | boolean | number;
export interface ShowIfLike {
  questionId: string;
  in?: Array<string | boolean> | null;
  gte?: number | null;
}
export function isAnswered(value: unknown): boolean;
export function isDontKnow(value: unknown): boolean;
export function conditionMatches(condition: ShowIfLike, value: Value | undefined): boolean;
export function visibleQuestionIds(
  questions: Array<{ id: string; showIf?: ShowIfLike | null; applicableIf?: ShowIfLike | null }>,
  answers: Record<string, Value>,
): Set<string>;
