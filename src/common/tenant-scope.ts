import type {
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import { DomainError } from './domain-error.js';

interface TenantOwned extends ObjectLiteral {
  organisationId: string;
}

/**
 * The only way services touch tenant-owned tables: every read and write is narrowed to one
 * organisation, so another organisation's row is simply not found (404), never shown.
 */
export class TenantScope<T extends TenantOwned> {
  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<T>,
    readonly organisationId: string,
    private readonly what: string,
  ) {}

  private where(where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    return { ...where, organisationId: this.organisationId } as FindOptionsWhere<T>;
  }

  private get repo() {
    return this.manager.getRepository(this.entity);
  }

  find(where: FindOptionsWhere<T> = {}, options: Omit<FindManyOptions<T>, 'where'> = {}): Promise<T[]> {
    return this.repo.find({ ...options, where: this.where(where) });
  }

  findOne(where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repo.findOne({ where: this.where(where) });
  }

  async get(where: FindOptionsWhere<T>): Promise<T> {
    const row = await this.findOne(where);
    if (!row) throw DomainError.notFound(this.what);
    return row;
  }

  async insert(values: DeepPartial<T>): Promise<T> {
    const entity = this.repo.create({ ...values, organisationId: this.organisationId } as DeepPartial<T>);
    return this.repo.save(entity);
  }

  async update(where: FindOptionsWhere<T>, patch: Partial<T>): Promise<number> {
    const res = await this.repo.update(this.where(where), patch as never);
    return res.affected ?? 0;
  }

  async delete(where: FindOptionsWhere<T>): Promise<number> {
    const res = await this.repo.delete(this.where(where));
    return res.affected ?? 0;
  }

  count(where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repo.count({ where: this.where(where) });
  }

  /** A query builder already narrowed to the organisation (`<alias>.organisationId = :organisationId`). */
  query(alias: string): SelectQueryBuilder<T> {
    return this.repo.createQueryBuilder(alias).where(`${alias}.organisationId = :organisationId`, { organisationId: this.organisationId });
  }
}

export function tenantScope<T extends TenantOwned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  organisationId: string,
  what: string,
): TenantScope<T> {
  return new TenantScope(manager, entity, organisationId, what);
}
