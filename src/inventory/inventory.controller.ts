import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentCaller, RequireRole, type Caller } from '../accounts/caller.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { ApplyImportDto, ApplyResultDto, InventoryImportDto, MappingDto, PutRulesDto, RulesDto, UploadFieldsDto } from './inventory.dto.js';
import { InventoryService, type UploadedExport } from './inventory.service.js';
import { LIMITS } from './limits.js';
import { InventoryFileInterceptor, UploadProblemsInterceptor } from './upload.interceptor.js';

const LIMITS_TEXT = `At most ${LIMITS.maxFileBytes / 1024 / 1024} MB, ${LIMITS.maxRows.toLocaleString('en')} rows and ${LIMITS.maxColumns} columns (413 beyond).`;

/** Inventory imports of an assessment: editors and owners import and apply, viewers read. */
@ApiTags('inventory')
@ApiBearerAuth()
@Controller('api/v1/assessments')
export class InventoryImportsController {
  constructor(private readonly inventory: InventoryService) {}

  @Post(':id/inventory-imports')
  @RequireRole('editor')
  @UseInterceptors(UploadProblemsInterceptor, InventoryFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: `The asset-management export: CSV (any delimiter; UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252) or XLSX. ${LIMITS_TEXT} The file is parsed and dropped: only counts per type and model, ages and the rejected rows' lines are kept.`,
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        mapping: {
          type: 'string',
          description: 'JSON: {"columns": {"model": "Référence", ...}, "dateOrder": "dmy"} for a file no format recognises',
        },
        asOf: { type: 'string', format: 'date' },
        defaultClass: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({
    type: InventoryImportDto,
    description: 'The preview: counts per device type, unclassified and rejected rows, the answers that would change',
  })
  @ApiPayloadTooLargeResponse({ description: LIMITS_TEXT })
  @ApiTooManyRequestsResponse({ description: 'Too many files being read at once (Retry-After)' })
  @ApiForbiddenResponse({ description: 'Viewers cannot import' })
  upload(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @UploadedFile() file: UploadedExport | undefined,
    @Body() fields: UploadFieldsDto,
  ): Promise<InventoryImportDto> {
    return this.inventory.upload(caller, id, file, fields);
  }

  @Get(':id/inventory-imports')
  @ApiOkResponse({
    type: [InventoryImportDto],
    description: 'The latest 20 imports, newest first, previewed with the current answers and rules',
  })
  list(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<InventoryImportDto[]> {
    return this.inventory.list(caller, id);
  }

  @Get(':id/inventory-imports/:importId')
  @ApiOkResponse({ type: InventoryImportDto })
  @ApiNotFoundResponse()
  get(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('importId', uuidPipe('importId')) importId: string,
  ): Promise<InventoryImportDto> {
    return this.inventory.get(caller, id, importId);
  }

  @Post(':id/inventory-imports/:importId/apply')
  @RequireRole('editor')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplyResultDto, description: 'The answers written (from, to, version) and those left alone with why' })
  @ApiConflictResponse({
    description: 'An answer changed since the preview (its current value in the body), or the assessment is submitted',
  })
  @ApiForbiddenResponse({ description: 'Viewers cannot import' })
  apply(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('importId', uuidPipe('importId')) importId: string,
    @Body() dto: ApplyImportDto,
  ): Promise<ApplyResultDto> {
    return this.inventory.apply(caller, id, importId, dto);
  }
}

/** The organisation's classification rules and saved column mappings. */
@ApiTags('inventory')
@ApiBearerAuth()
@Controller('api/v1/inventory')
export class InventorySettingsController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('rules')
  @ApiOkResponse({ type: RulesDto })
  rules(@CurrentCaller() caller: Caller): Promise<RulesDto> {
    return this.inventory.rules(caller);
  }

  @Put('rules')
  @RequireRole('editor')
  @ApiOkResponse({ type: RulesDto })
  @ApiConflictResponse({ description: 'Stale expectedVersion' })
  putRules(@CurrentCaller() caller: Caller, @Body() dto: PutRulesDto): Promise<RulesDto> {
    return this.inventory.putRules(caller, dto);
  }

  @Get('mappings')
  @ApiOkResponse({ type: [MappingDto] })
  mappings(@CurrentCaller() caller: Caller): Promise<MappingDto[]> {
    return this.inventory.listMappings(caller);
  }

  @Delete('mappings/:mappingId')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteMapping(@CurrentCaller() caller: Caller, @Param('mappingId', uuidPipe('mappingId')) mappingId: string): Promise<void> {
    await this.inventory.deleteMapping(caller, mappingId);
  }
}
