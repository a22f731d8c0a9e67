import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { I18nText } from '../questionnaires/template.types.js';
import type { ApplyRecord } from './inventory.dto.js';
import type { ClassRule, ColumnMapping, DeviceClass, RejectedRow, SignatureGroup } from './inventory.types.js';

/**
 * One uploaded export, as kept once its file is parsed and dropped: what was read (format,
 * encoding, headers, mapping, row counts), the per-signature aggregates and the rejected rows'
 * lines and reasons. No cell of a name, serial number, user or e-mail column is ever stored.
 */
@Entity({ name: 'inventory_imports' })
@Index('idx_inventory_imports_organisation_id', ['organisationId'])
export class InventoryImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'file_bytes', type: 'int' }) fileBytes: number;
  @Column({ name: 'file_kind', type: 'text' }) fileKind: 'csv' | 'xlsx';
  @Column({ type: 'text', nullable: true }) encoding: string | null;
  @Column({ type: 'text', nullable: true }) delimiter: string | null;
  @Column({ type: 'text', nullable: true }) sheet: string | null;
  @Column({ name: 'format_id', type: 'text', nullable: true }) formatId: string | null;
  @Column({ type: 'jsonb' }) headers: string[];
  @Column({ type: 'jsonb' }) mapping: ColumnMapping;
  @Column({ name: 'default_class', type: 'text', nullable: true }) defaultClass: DeviceClass | null;
  /** The day the export was taken (ages are counted to it), YYYY-MM-DD. */
  @Column({ name: 'as_of', type: 'date' }) asOf: string;
  @Column({ name: 'row_count', type: 'int' }) rowCount: number;
  @Column({ name: 'accepted_count', type: 'int' }) acceptedCount: number;
  @Column({ name: 'rejected_count', type: 'int' }) rejectedCount: number;
  @Column({ type: 'jsonb' }) rejected: RejectedRow[];
  @Column({ name: 'rejected_by_reason', type: 'jsonb' }) rejectedByReason: Record<string, number>;
  @Column({ type: 'jsonb' }) groups: SignatureGroup[];
  @Column({ type: 'jsonb' }) warnings: I18nText[];
  @Column({ name: 'age_from', type: 'text', nullable: true }) ageFrom: 'purchaseDate' | 'firstSeenDate' | null;
  @Column({ name: 'parse_ms', type: 'int', nullable: true }) parseMs: number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true }) appliedAt: Date | null;
  @Column({ name: 'applied_by', type: 'uuid', nullable: true }) appliedBy: string | null;
  @Column({ type: 'jsonb', nullable: true }) applied: ApplyRecord | null;
}

/** A mapping a person gave for a file no format recognises, found again by the file's headers. */
@Entity({ name: 'inventory_mappings' })
@Index('idx_inventory_mappings_organisation_id', ['organisationId'])
export class InventoryMapping {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ type: 'text' }) fingerprint: string;
  @Column({ type: 'jsonb' }) headers: string[];
  @Column({ type: 'jsonb' }) mapping: ColumnMapping;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** An organisation's own classification rules, tried before the defaults of templates/inventory. */
@Entity({ name: 'inventory_rules' })
export class InventoryRules {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ type: 'jsonb' }) rules: ClassRule[];
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
