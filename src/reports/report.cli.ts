/**
 * Produces the PDF action plan from the command line, for scripts and a first try:
 *
 *   npm run report -- --answers answers.json --out plan.pdf [--lang en]
 *       an answers file; no server, no database
 *   npm run report -- --assessment <id> --out plan.pdf [--lang en]
 *       an assessment in the database (DATABASE_URL, or the embedded one under DATA_DIR)
 *
 * The answers file: { "organisation": "Name", "year": 2026, "lang": "fr",
 *   "questionnaireId": "fresque-numerique", "templateVersion": 1,
 *   "answers": { "<questionId>": <value>, ... } }  (or a list of {questionId, value, comment}).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFootprintFactors } from '../footprint/index.js';
import { checkAnswerValue } from '../questionnaires/answer-validation.js';
import { loadTemplates } from '../questionnaires/template-loader.js';
import type { AnswerValue, Lang } from '../questionnaires/template.types.js';
import { computeFullResults } from '../results/full-results.js';
import { renderReport } from './pdf-renderer.js';
import { buildReportViewModel, type ReportAnswer } from './report.loader.js';
import type { ReportViewModel } from './report.view-model.js';
import { applyWording, wordingVariant } from '../questionnaires/wording.js';

interface AnswersFile {
  organisation?: string;
  year?: number;
  lang?: Lang;
  questionnaireId?: string;
  templateVersion?: number;
  answers: Record<string, AnswerValue> | Array<{ questionId: string; value: AnswerValue; comment?: string }>;
}

const USAGE = 'usage: npm run report -- (--answers <file.json> | --assessment <id>) --out <file.pdf> [--lang fr|en] [--date <ISO date>]';

export async function fromAnswersFile(path: string, langArg: Lang | undefined, generatedAt: string): Promise<ReportViewModel> {
  const templatesDir = resolve(process.env.TEMPLATES_DIR ?? 'templates');
  const content = await loadTemplates(templatesDir);
  const factors = loadFootprintFactors(join(templatesDir, 'footprint-factors.json'));
  let file: AnswersFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as AnswersFile;
  } catch (e) {
    throw new Error(`${path}: not a readable JSON file (${(e as Error).message})`, { cause: e });
  }
  const questionnaireId = file.questionnaireId ?? 'fresque-numerique';
  const versions = content.questionnaires.filter((q) => q.id === questionnaireId);
  const template = file.templateVersion ? versions.find((v) => v.version === file.templateVersion) : versions.at(-1);
  if (!template) throw new Error(`${path}: unknown questionnaire ${questionnaireId} v${file.templateVersion ?? '?'}`);
  const list = Array.isArray(file.answers)
    ? file.answers
    : Object.entries(file.answers ?? {}).map(([questionId, value]) => ({ questionId, value, comment: undefined }));
  const questions = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const problems: string[] = [];
  const values: Record<string, AnswerValue> = {};
  const answers: ReportAnswer[] = [];
  for (const a of list) {
    const q = questions.get(a.questionId);
    if (!q) {
      problems.push(`${a.questionId}: not a question of ${questionnaireId} v${template.version}`);
      continue;
    }
    const problem = checkAnswerValue(q, a.value);
    if (problem) {
      problems.push(`${a.questionId}: ${problem.message}`);
      continue;
    }
    values[a.questionId] = a.value;
    answers.push({ questionId: a.questionId, value: a.value, comment: a.comment ?? null, answeredBy: null, updatedAt: null });
  }
  if (problems.length) throw new Error(`${path}: ${problems.length} invalid answer(s):\n  ${problems.join('\n  ')}`);
  // Version 2 on: the texts in the organisation's words (employees, agents, staff and volunteers).
  const worded = applyWording(template, wordingVariant(template.wording, values));
  const results = computeFullResults({
    assessment: {
      id: 'answers-file',
      year: file.year ?? new Date().getUTCFullYear(),
      status: 'draft',
      questionnaireId,
      templateVersion: template.version,
    },
    template: worded,
    actions: content.actions.actions,
    values,
    factors,
  });
  return buildReportViewModel({
    lang: langArg ?? file.lang ?? 'fr',
    organisationName: file.organisation ?? 'Organisation',
    generatedAt,
    template: worded,
    actions: content.actions.actions,
    catalogueVersion: content.actions.version,
    keyMessages: content.keyMessages,
    factors,
    results,
    answers,
  });
}

async function fromDatabase(id: string, lang: Lang | undefined, generatedAt: string): Promise<ReportViewModel> {
  process.env.LOG_LEVEL ??= 'error';
  const { NestFactory } = await import('@nestjs/core');
  const { DataSource } = await import('typeorm');
  const { AppModule } = await import('../app.module.js');
  const { ReportsService } = await import('./reports.service.js');
  const { Assessment } = await import('../assessments/assessment.entity.js');
  const app = await NestFactory.createApplicationContext(await AppModule.forRoot(), { logger: ['error'] });
  try {
    // The command line acts for the organisation that owns the assessment.
    const assessment = await app.get(DataSource).getRepository(Assessment).findOne({ where: { id } });
    if (!assessment) throw new Error(`no assessment ${id} in this database`);
    const caller = { userId: '', organisationId: assessment.organisationId, role: 'owner' as const, email: 'cli' };
    return await app.get(ReportsService).viewModel(caller, id, lang, new Date(generatedAt));
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      answers: { type: 'string' },
      assessment: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      date: { type: 'string' },
    },
  });
  if (!values.out || !values.answers === !values.assessment) throw new Error(USAGE);
  if (values.lang && values.lang !== 'fr' && values.lang !== 'en') throw new Error('--lang must be fr or en');
  const lang = values.lang as Lang | undefined;
  const date = values.date ? new Date(values.date) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error('--date must be an ISO date, e.g. 2026-11-29');
  const vm = values.answers
    ? await fromAnswersFile(values.answers, lang, date.toISOString())
    : await fromDatabase(values.assessment!, lang, date.toISOString());
  // A fixed --date gives the same bytes for the same data.
  const pdf = await renderReport(vm, { deterministic: Boolean(values.date) });
  writeFileSync(values.out, pdf);
  process.stdout.write(`${values.out}: ${pdf.length} bytes, ${vm.meta.organisationName} ${vm.meta.year} (${vm.meta.lang})\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
