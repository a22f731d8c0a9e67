import request from 'supertest';
import type { App } from 'supertest/types.js';
import { answerFor } from './answers.js';
import { bearer, type Account } from './test-app.js';

export interface WalkOptions {
  /** Answers given first, by question id (inventory, country...). */
  overrides?: Record<string, unknown>;
  /** Comments to give with some of the overrides, by question id. */
  comments?: Record<string, string>;
  /** Start from this earlier assessment (copy-forward). */
  copyFrom?: string;
}

/** Creates the year's assessment and answers through `next` until every visible question is answered. */
export async function walkAssessment(
  http: App,
  who: Account,
  year: number,
  quality: 'best' | 'worst',
  options: WalkOptions = {},
): Promise<string> {
  const api = '/api/v1';
  const a = (
    await request(http)
      .post(`${api}/assessments`)
      .set(bearer(who))
      .send({ year, ...(options.copyFrom ? { copyFromAssessmentId: options.copyFrom } : {}) })
      .expect(201)
  ).body;
  for (const [questionId, value] of Object.entries(options.overrides ?? {})) {
    const comment = options.comments?.[questionId];
    await request(http)
      .put(`${api}/assessments/${a.id}/answers/${questionId}`)
      .set(bearer(who))
      .send({ value, ...(comment ? { comment } : {}) })
      .expect(200);
  }
  for (let guard = 0; guard < 1000; guard++) {
    const next = await request(http).get(`${api}/assessments/${a.id}/next`).set(bearer(who));
    if (next.status === 204) return a.id as string;
    const q = next.body.question;
    await request(http)
      .put(`${api}/assessments/${a.id}/answers/${q.id}`)
      .set(bearer(who))
      .send({ value: answerFor(q, quality) })
      .expect(200);
  }
  throw new Error('the walk did not end');
}
