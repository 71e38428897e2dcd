import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { ActionPlansService } from './action-plans.service';
import { RecordBilateralMeetingInput } from './dto/action-plan.inputs';
import { BilateralMeetingEntity } from './entities/bilateral-meeting.entity';
import { ActionPlanModel } from './models/action-plan.models';
import { checkPlanDate, invalid, notFound } from './plan-access';

/** The bilateral meetings with the area's agencies (one per agency and plan), recorded once held. */
@Injectable()
export class BilateralMeetingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
    private readonly clock: Clock,
  ) {}

  async recordMeeting(actor: Actor, input: RecordBilateralMeetingInput): Promise<ActionPlanModel> {
    const plan = await this.plans.planFor(actor, input.planId);
    const agency: { id: string; is_ministry: boolean }[] = await this.ds.query(
      `SELECT id, is_ministry FROM ${AGENCY_DIRECTORY} WHERE id = $1 AND area_id = $2`,
      [input.agencyId, plan.areaId],
    );
    if (!agency.length) throw invalid('agencyId', 'Choose one of the agencies of the ministry area');
    if (agency[0].is_ministry)
      throw invalid('agencyId', 'Bilateral meetings are with the agencies under the ministry, not the ministry itself');
    const heldOn = checkPlanDate('heldOn', input.heldOn, plan);
    if (heldOn > todayInOslo(this.clock.now()))
      throw invalid('heldOn', 'Record the meeting once it has been held: the date is in the future');
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(BilateralMeetingEntity)
      .values({
        planId: plan.id,
        agencyId: input.agencyId,
        heldOn,
        participants: input.participants.trim(),
        notes: input.notes.trim(),
        targetSet: input.targetSet ?? null,
        helpRequested: input.helpRequested.trim(),
        recordedByUserId: actor.id,
      })
      .orUpdate(
        ['held_on', 'participants', 'notes', 'target_set', 'help_requested', 'recorded_by_user_id', 'updated_at'],
        ['plan_id', 'agency_id'],
      )
      .execute();
    return this.plans.planById(actor, plan.id);
  }

  async deleteMeeting(actor: Actor, id: string): Promise<ActionPlanModel> {
    const meeting = await this.ds.getRepository(BilateralMeetingEntity).findOne({ where: { id } });
    if (!meeting) throw notFound('meeting');
    const plan = await this.plans.planFor(actor, meeting.planId);
    await this.ds.getRepository(BilateralMeetingEntity).delete({ id });
    return this.plans.planById(actor, plan.id);
  }
}
