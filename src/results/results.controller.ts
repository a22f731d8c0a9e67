import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountsService } from '../accounts/accounts.service.js';
import { CurrentCaller, type Caller } from '../accounts/caller.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { ComparisonDto, ExportQueryDto, MethodologyQueryDto, ResultsDto, TrendDto } from './results.dto.js';
import { csvConvention } from './csv.js';
import { buildExport, exportCsv } from './export.js';
import { EXPORT_TABLES, exportTable, tableCsv, tablesXlsx } from './export-tables.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { ResultsService } from './results.service.js';

@ApiTags('results')
@ApiBearerAuth()
@Controller('api/v1/assessments')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly assessments: AssessmentsService,
    private readonly accounts: AccountsService,
  ) {}

  /** Declared before `:id` routes so that "trend" is never read as an id. */
  @Get('trend')
  @ApiOkResponse({ type: TrendDto, description: 'Scores and footprint totals over every year of the organisation' })
  trend(@CurrentCaller() caller: Caller, @Query() query: MethodologyQueryDto) {
    return this.results.trend(caller, query.methodology);
  }

  @Get(':id/results')
  @ApiOkResponse({
    type: ResultsDto,
    description:
      'Scores, maturity, priorities with explanations, footprint; works on drafts (see confidence). ?methodology=scoring-1 computes them with the earlier methodology',
  })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: MethodologyQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    // Sent as stored: the cached document is not parsed and serialised again.
    const body = await this.results.resultsDocument(caller, id, query.methodology);
    res.type('application/json').send(body);
  }

  @Get(':id/compare/:otherId')
  @ApiOkResponse({ type: ComparisonDto, description: 'Year-on-year deltas; the earlier year is "previous"' })
  compare(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('otherId', uuidPipe('otherId')) otherId: string,
    @Query() query: MethodologyQueryDto,
  ) {
    return this.results.compare(caller, id, otherId, query.methodology);
  }

  @Get(':id/export')
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({
    description:
      "Answers with labels, scores, priorities and footprint: JSON; CSV (UTF-8 with BOM, in the language's convention: fr semicolon and decimal comma), one table per file with `table`, else every kind of row in one; XLSX with one sheet per table",
  })
  async export(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { years, context } = await this.results.yearContext(caller, id, query.methodology);
    const loaded = context.loaded;
    const organisation = await this.accounts.organisation(caller);
    const data = buildExport(
      { id: organisation.id, name: organisation.name },
      loaded.template,
      await this.assessments.answersOf(caller, loaded),
      // The figures under the asked methodology, as computed (without the submitted ones beside them).
      years.results(loaded),
    );
    const base = `assessment-${loaded.assessment.year}`;
    const format = query.format ?? 'json';
    if (format === 'json') {
      res.setHeader('Content-Disposition', `attachment; filename="${base}.json"`);
      return data;
    }
    const lang = query.lang ?? (organisation.language === 'en' ? 'en' : 'fr');
    if (format === 'xlsx') {
      const tables = EXPORT_TABLES.map((name) => exportTable(data, name, lang));
      res.setHeader('Content-Type', XLSX);
      res.setHeader('Content-Disposition', `attachment; filename="${base}.xlsx"`);
      return new StreamableFile(
        await tablesXlsx(tables, { organisation: organisation.name, year: loaded.assessment.year, exportedAt: data.exportedAt }),
      );
    }
    const convention = csvConvention(lang, query.delimiter);
    const csv = query.table ? tableCsv(exportTable(data, query.table, lang), convention) : exportCsv(data, lang, convention);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${query.table ? `${base}-${query.table}` : base}.csv"`);
    return new StreamableFile(Buffer.from(csv, 'utf8'));
  }
}
