import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { LoadedContent } from './template-loader.js';
import type { Action, AnswerValue, KeyMessage, Question, QuestionnaireTemplate, Section } from './template.types.js';
import { DEFAULT_WORDING, applyWording, wordingVariant } from './wording.js';

/** Where a question sits in its template. */
export interface LocatedQuestion {
  question: Question;
  section: Section;
  /** Position in the whole template, from 0. */
  index: number;
}

/** A template with its questions indexed by id, built once at start. */
export class IndexedTemplate {
  readonly questions = new Map<string, LocatedQuestion>();
  readonly order: Question[] = [];

  constructor(readonly template: QuestionnaireTemplate) {
    for (const section of template.sections) {
      for (const question of section.questions) {
        this.questions.set(question.id, { question, section, index: this.order.length });
        this.order.push(question);
      }
    }
  }

  get id(): string {
    return this.template.id;
  }

  get version(): number {
    return this.template.version;
  }
}

export const TEMPLATE_CONTENT = Symbol('TemplateContent');

/**
 * The questionnaire templates, the action catalogue and the key messages, validated at
 * start-up (a malformed template stops the start). Immutable afterwards: an assessment is
 * pinned to the (id, version) it started on and later versions never change it.
 */
@Injectable()
export class QuestionnairesService {
  private readonly templates = new Map<string, IndexedTemplate>();
  /** `id@version#variant` -> the template worded for that kind of organisation (built once at start). */
  private readonly worded = new Map<string, IndexedTemplate>();
  private readonly actionsById: Map<string, Action>;

  constructor(private readonly content: LoadedContent) {
    for (const t of content.questionnaires) {
      this.templates.set(`${t.id}@${t.version}`, new IndexedTemplate(t));
      const variants = t.wording ? Object.keys(Object.values(t.wording.terms)[0] ?? {}) : [];
      for (const variant of variants) this.worded.set(`${t.id}@${t.version}#${variant}`, new IndexedTemplate(applyWording(t, variant)));
    }
    this.actionsById = new Map(content.actions.actions.map((a) => [a.id, a]));
  }

  list(): QuestionnaireTemplate[] {
    return this.content.questionnaires;
  }

  /** The newest version of a questionnaire. */
  latest(id: string): IndexedTemplate {
    const versions = this.content.questionnaires.filter((t) => t.id === id);
    if (versions.length === 0) throw DomainError.notFound(`Questionnaire "${id}"`);
    const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    return this.get(id, newest.version);
  }

  /** A template as written: texts of version 2 on keep their `{people}` placeholders (see `wordedFor`). */
  get(id: string, version: number): IndexedTemplate {
    const t = this.templates.get(`${id}@${version}`);
    if (!t) throw DomainError.notFound(`Questionnaire "${id}" version ${version}`);
    return t;
  }

  /**
   * The template in an organisation's words, picked by its answer to the wording question (the kind
   * of organisation): employees, agents, staff and volunteers; the neutral words while it is not
   * answered. The same template when it has no wording (version 1).
   */
  wordedFor(id: string, version: number, answers: Readonly<Record<string, AnswerValue | undefined>>): IndexedTemplate {
    const t = this.get(id, version);
    if (!t.template.wording) return t;
    return this.worded.get(`${id}@${version}#${wordingVariant(t.template.wording, answers)}`) ?? t;
  }

  /** The template worded for a kind of organisation (`default`: the neutral words); 400 for a kind the template has no words for. */
  wordedForKind(id: string, version: number, kind: string): IndexedTemplate {
    const t = this.get(id, version);
    if (!t.template.wording) return t;
    const found = this.worded.get(`${id}@${version}#${kind}`);
    if (!found) {
      const kinds = Object.keys(Object.values(t.template.wording.terms)[0] ?? {}).filter((k) => k !== DEFAULT_WORDING);
      throw new DomainError(ErrorCode.InvalidInput, `kind must be one of ${[...kinds, DEFAULT_WORDING].join(', ')}`, {}, [
        { field: 'kind', rule: 'isIn', message: `kind must be one of ${[...kinds, DEFAULT_WORDING].join(', ')}` },
      ]);
    }
    return found;
  }

  /** The questionnaire used when a client does not name one. */
  defaultId(): string {
    const ids = [...new Set(this.content.questionnaires.map((t) => t.id))];
    return ids.includes('fresque-numerique') ? 'fresque-numerique' : ids[0];
  }

  catalogueVersion(): number {
    return this.content.actions.version;
  }

  actions(): Action[] {
    return this.content.actions.actions;
  }

  action(id: string): Action | undefined {
    return this.actionsById.get(id);
  }

  keyMessages(): KeyMessage[] {
    return this.content.keyMessages;
  }
}
