import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, isValidOrgNumber, normaliseOrgNumber, Role } from '@laerenett/shared-domain';
import { canManageAgency, canManageArea, canReadAgency, canReadArea } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AreasService, isUniqueViolation } from '../areas/areas.service';
import { AgenciesException } from './agencies.exception';
import { CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs';
import { AgencyEntity } from './entities/agency.entity';

const notFound = () => new AgenciesException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to it');

@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
    private readonly areas: AreasService,
  ) {}

  /** An agency by id, without an access check (the caller checks): null when there is none. */
  find(id: string): Promise<AgencyEntity | null> {
    return this.agencies.findOne({ where: { id } });
  }

  async get(actor: Actor, id: string): Promise<AgencyEntity> {
    const a = await this.agencies.findOne({ where: { id } });
    if (!a || !canReadAgency(actor, a)) throw notFound();
    return a;
  }

  /** An agency the actor may change, or NOT_FOUND / FORBIDDEN. */
  async getManageable(actor: Actor, id: string): Promise<AgencyEntity> {
    const a = await this.agencies.findOne({ where: { id } });
    if (!a || !canReadAgency(actor, a)) throw notFound();
    if (!canManageAgency(actor, a)) throw new AgenciesException(ErrorCode.FORBIDDEN, 'You can only change your own agency');
    return a;
  }

  async list(actor: Actor, areaId: string | undefined): Promise<AgencyEntity[]> {
    if (actor.role === Role.AGENCY_COORDINATOR || actor.role === Role.APPRENTICE) {
      return this.agencies.find({ where: { id: actor.agencyId as string } });
    }
    const area = areaId ?? actor.areaId;
    if (!area) return this.agencies.find({ order: { name: 'ASC' }, take: 2000 });
    if (!canReadArea(actor, area))
      throw new AgenciesException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    return this.agencies.find({ where: { areaId: area }, order: { isMinistry: 'DESC', name: 'ASC' } });
  }

  private checkOrgNumber(raw: string): string {
    const n = normaliseOrgNumber(raw);
    if (!isValidOrgNumber(n)) {
      throw new AgenciesException(
        ErrorCode.VALIDATION_FAILED,
        `${raw} is not a valid organisation number: it needs 9 digits and a correct check digit (modulus 11)`,
        { fields: { orgNumber: ['invalid organisation number'] } },
      );
    }
    return n;
  }

  private async checkOffice(id: string | null | undefined): Promise<void> {
    if (id && !(await this.areas.trainingOfficeExists(id)))
      throw new AgenciesException(ErrorCode.VALIDATION_FAILED, 'The training office does not exist', {
        fields: { trainingOfficeId: ['unknown training office'] },
      });
  }

  private async saveUnique(entity: AgencyEntity): Promise<AgencyEntity> {
    const taken = await this.agencies.findOne({ where: { orgNumber: entity.orgNumber }, select: { id: true } });
    if (taken && taken.id !== entity.id) {
      throw new AgenciesException(ErrorCode.CONFLICT, `Another agency already has the organisation number ${entity.orgNumber}`, {
        fields: { orgNumber: ['already registered'] },
      });
    }
    try {
      return await this.agencies.save(entity);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AgenciesException(ErrorCode.CONFLICT, `Another agency already has the organisation number ${entity.orgNumber}`, {
          fields: { orgNumber: ['already registered'] },
        });
      throw e;
    }
  }

  async create(actor: Actor, input: CreateAgencyInput): Promise<AgencyEntity> {
    if (!(await this.areas.findArea(input.areaId)) || !canManageArea(actor, input.areaId)) {
      throw new AgenciesException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    }
    const orgNumber = this.checkOrgNumber(input.orgNumber);
    await this.checkOffice(input.trainingOfficeId);
    if (input.isMinistry && (await this.agencies.exists({ where: { areaId: input.areaId, isMinistry: true } }))) {
      throw new AgenciesException(ErrorCode.CONFLICT, 'The area already has its ministry registered as an agency');
    }
    return this.saveUnique(
      this.agencies.create({ ...input, name: input.name.trim(), orgNumber, trainingOfficeId: input.trainingOfficeId ?? null }),
    );
  }

  async update(actor: Actor, id: string, input: UpdateAgencyInput): Promise<AgencyEntity> {
    const agency = await this.getManageable(actor, id);
    const isCoordinatorOnly = !canManageArea(actor, agency.areaId);
    if (isCoordinatorOnly && (input.name !== undefined || input.orgNumber !== undefined)) {
      throw new AgenciesException(ErrorCode.FORBIDDEN, 'Name and organisation number are changed by the ministry coordinator');
    }
    if (input.orgNumber !== undefined) agency.orgNumber = this.checkOrgNumber(input.orgNumber);
    if (input.name !== undefined) agency.name = input.name.trim();
    if (input.employees !== undefined) agency.employees = input.employees;
    if (input.trainingOfficeId !== undefined) {
      await this.checkOffice(input.trainingOfficeId);
      agency.trainingOfficeId = input.trainingOfficeId;
    }
    return this.saveUnique(agency);
  }
}
