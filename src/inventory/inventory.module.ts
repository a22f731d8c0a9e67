import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { templatesDir } from '../config/app.config.js';
import { InventoryImportsController, InventorySettingsController } from './inventory.controller.js';
import { loadInventoryContent } from './inventory-content.js';
import { INVENTORY_CONTENT, InventoryService } from './inventory.service.js';
import { UploadProblemsInterceptor } from './upload.interceptor.js';

/**
 * Inventory import from asset-management exports: upload -> parse (worker thread) -> classify ->
 * derive -> preview -> apply. The content (formats, rules, class -> question table) is read from
 * templates/inventory at start; a malformed file stops the start naming it.
 */
@Module({
  imports: [AssessmentsModule],
  controllers: [InventoryImportsController, InventorySettingsController],
  providers: [
    { provide: INVENTORY_CONTENT, useFactory: () => loadInventoryContent(templatesDir()) },
    InventoryService,
    UploadProblemsInterceptor,
  ],
  exports: [InventoryService],
})
export class InventoryModule {}
