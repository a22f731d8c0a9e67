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
import { parseArgs } from 'node:util';
import { templatesDir } from '../config/app.config.js';
import { validateEnvironment } from '../config/env.validation.js';
import { footprintFactorsIn } from '../footprint/footprint.module.js';
import { checkAnswerValue } from '../questionnaires/answer-validation.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import { loadTemplates } from '../questionnaires/template-loader.js';
import type { AnswerValue, Lang } from '../questionnaires/template.types.js';
import { computeFullResults } from '../results/full-results.js';
import { renderReport } from '../reports/pdf-renderer.js';
import { buildReportViewModel, type ReportAnswer } from '../reports/report.loader.js';
import type { ReportViewModel } from '../reports/report.view-model.js';

interface AnswersFile {
  organisation?: string;
  year?: number;
  lang?: Lang;
  questionnaireId?: string;
  templateVersion?: number;
  answers: Record<string, AnswerValue> | Array<{ questionId: string; value: AnswerValue; comment?: string }>;
}

const USAGE = 'usage: npm run report -- (--answers <file.json> | --assessment <id>) --out <file.pdf> [--lang fr|en] [--date <ISO date>]';

/** The questionnaires (the service the app uses) and the footprint factors under the validated TEMPLATES_DIR. */
async function content(): Promise<{ questionnaires: QuestionnairesService; factors: ReturnType<typeof footprintFactorsIn> }> {
  validateEnvironment({ TEMPLATES_DIR: process.env.TEMPLATES_DIR });
  const dir = templatesDir();
  return { questionnaires: new QuestionnairesService(await loadTemplates(dir)), factors: footprintFactorsIn(dir) };
}

export async function fromAnswersFile(path: string, langArg: Lang | undefined, generatedAt: string): Promise<ReportViewModel> {
  const { questionnaires, factors } = await content();
  let file: AnswersFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as AnswersFile;
  } catch (e) {
    throw new Error(`${path}: not a readable JSON file (${(e as Error).message})`, { cause: e });
  }
  const questionnaireId = file.questionnaireId ?? questionnaires.defaultId();
  const pinned = (() => {
    try {
      return file.templateVersion ? questionnaires.get(questionnaireId, file.templateVersion) : questionnaires.latest(questionnaireId);
    } catch {
      throw new Error(`${path}: unknown questionnaire ${questionnaireId} v${file.templateVersion ?? '?'}`);
    }
  })();
  const list = Array.isArray(file.answers)
    ? file.answers
    : Object.entries(file.answers ?? {}).map(([questionId, value]) => ({ questionId, value, comment: undefined }));
  const problems: string[] = [];
  const values: Record<string, AnswerValue> = {};
  const answers: ReportAnswer[] = [];
  for (const a of list) {
    const q = pinned.questions.get(a.questionId)?.question;
    if (!q) {
      problems.push(`${a.questionId}: not a question of ${questionnaireId} v${pinned.version}`);
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
  // Version 2 on: the texts in the organisation's words (employees, agents, staff and volunteers), as the app picks them.
  const worded = questionnaires.wordedFor(questionnaireId, pinned.version, values).template;
  const results = computeFullResults({
    assessment: {
      id: 'answers-file',
      year: file.year ?? new Date().getUTCFullYear(),
      status: 'draft',
      questionnaireId,
      templateVersion: pinned.version,
    },
    template: worded,
    actions: questionnaires.actions(),
    values,
    factors,
  });
  return buildReportViewModel({
    lang: langArg ?? file.lang ?? 'fr',
    organisationName: file.organisation ?? 'Organisation',
    generatedAt,
    template: worded,
    actions: questionnaires.actions(),
    catalogueVersion: questionnaires.catalogueVersion(),
    keyMessages: questionnaires.keyMessages(),
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
  const { ReportsService } = await import('../reports/reports.service.js');
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
