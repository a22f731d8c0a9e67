/**
 * The read model of one assessment: its pinned template in the organisation's words, its answers,
 * and what follows from them (what is visible, the progress overall and by section, the required
 * questions still open, the next open question). Pure: built once per request from what the
 * service loaded, then read by the walk page, the dashboard, `next`, the submit check, the results
 * and the report, so that visibility is computed once.
 */
import type { IndexedTemplate } from '../questionnaires/questionnaires.service.js';
import type { AnswerValue, I18nText, Question, Section } from '../questionnaires/template.types.js';
import { isAnswered, visibleQuestionIds } from '../questionnaires/conditions.js';
import type { Answer } from './answer.entity.js';
import type { Assessment } from './assessment.entity.js';

export interface Progress {
  answered: number;
  /** Visible questions only. */
  total: number;
  /** Rounded to the unit; 100 when nothing is asked. */
  percent: number;
}

export interface SectionProgress extends Progress {
  id: string;
  title: I18nText;
}

export interface MissingQuestion {
  questionId: string;
  sectionId: string;
  label: I18nText;
}

/** An assessment with its template and current answers: what every read needs, computed once. */
export interface LoadedAssessment {
  readonly assessment: Assessment;
  /** The pinned template, in the organisation's words (employees, agents, staff and volunteers). */
  readonly template: IndexedTemplate;
  readonly answers: Answer[];
  /** Current values by question id (cleared answers left out). */
  readonly values: Record<string, AnswerValue>;
  /** The questions asked given the answers (showIf and applicableIf). */
  readonly visible: ReadonlySet<string>;
  /** Visible questions answered, over the whole questionnaire. */
  readonly progress: Progress;
  /** The same, section by section, in template order. */
  readonly sections: SectionProgress[];
  /** Required visible questions still unanswered, in template order. */
  readonly missingRequired: MissingQuestion[];
  /** The first visible question without an answer, with its section; null when all are answered. */
  readonly nextOpen: { question: Question; section: Section } | null;
  /** Answers carried over from an earlier year and neither confirmed nor changed. */
  readonly pendingConfirmation: number;
}

export const percent = (answered: number, total: number): number => (total === 0 ? 100 : Math.round((answered / total) * 100));

/**
 * Builds the read model. `templateFor` picks the template from the current values (its wording
 * depends on the kind of organisation answered); it is called once.
 */
export function buildLoadedAssessment(
  assessment: Assessment,
  answers: Answer[],
  templateFor: (values: Readonly<Record<string, AnswerValue>>) => IndexedTemplate,
): LoadedAssessment {
  const values: Record<string, AnswerValue> = {};
  for (const a of answers) if (a.value !== null) values[a.questionId] = a.value;
  const template = templateFor(values);
  const visible = visibleQuestionIds(template.template, values);

  const sections: SectionProgress[] = [];
  const missingRequired: MissingQuestion[] = [];
  let nextOpen: LoadedAssessment['nextOpen'] = null;
  let answered = 0;
  let total = 0;
  for (const section of template.template.sections) {
    let sectionAnswered = 0;
    let sectionTotal = 0;
    for (const question of section.questions) {
      if (!visible.has(question.id)) continue;
      sectionTotal++;
      if (isAnswered(values[question.id])) {
        sectionAnswered++;
        continue;
      }
      nextOpen ??= { question, section };
      if (question.required) missingRequired.push({ questionId: question.id, sectionId: section.id, label: question.label });
    }
    answered += sectionAnswered;
    total += sectionTotal;
    sections.push({
      id: section.id,
      title: section.title,
      answered: sectionAnswered,
      total: sectionTotal,
      percent: percent(sectionAnswered, sectionTotal),
    });
  }
  return {
    assessment,
    template,
    answers,
    values,
    visible,
    progress: { answered, total, percent: percent(answered, total) },
    sections,
    missingRequired,
    nextOpen,
    pendingConfirmation: answers.filter((a) => a.carriedOver && a.value !== null).length,
  };
}

/** Answers of the questions shown; hidden ones are kept in the database but ignored. */
export function visibleValues(loaded: Pick<LoadedAssessment, 'values' | 'visible'>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(loaded.values)) if (loaded.visible.has(id)) out[id] = value;
  return out;
}
