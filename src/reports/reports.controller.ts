import { Controller, Get, Header, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, type Caller } from '../accounts/caller.js';
import { LangQueryDto } from '../assessments/assessments.dto.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { ReportsService } from './reports.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/assessments')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/report.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({ description: 'The prioritised action plan as a PDF, in French or English (default: the organisation language)' })
  @ApiServiceUnavailableResponse({ description: 'Too many reports at once, or the report took too long' })
  @ApiTooManyRequestsResponse({ description: 'The organisation already has its share of reports being produced (Retry-After)' })
  async report(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: LangQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.send(caller, id, query, res, 'pdf');
  }

  @Get(':id/report.docx')
  @ApiProduces(DOCX)
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({
    description:
      'The same report as an editable Word document (headings, tables, charts as images), in French or English (default: the organisation language)',
  })
  @ApiServiceUnavailableResponse({ description: 'Too many reports at once, or the report took too long' })
  @ApiTooManyRequestsResponse({ description: 'The organisation already has its share of reports being produced (Retry-After)' })
  async docx(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: LangQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.send(caller, id, query, res, 'docx');
  }

  /** Renders and sends a report; a client that goes away before it is ready frees its place in the queue or its worker. */
  private async send(caller: Caller, id: string, query: LangQueryDto, res: Response, format: 'pdf' | 'docx'): Promise<StreamableFile> {
    const disconnected = new AbortController();
    const gone = () => !res.writableFinished && disconnected.abort();
    if (res.destroyed) gone();
    else res.once('close', gone);
    const report = await this.reports.render(caller, id, query.lang, disconnected.signal, format);
    res.setHeader('Content-Type', format === 'pdf' ? 'application/pdf' : DOCX);
    res.setHeader('Content-Disposition', `attachment; filename="${report.filename}"`);
    res.setHeader('X-Template-Version', String(report.templateVersion));
    return new StreamableFile(report.pdf);
  }
}
