import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { proposeStaffing } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import { canManageArea, isAdmin } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { MailService } from '../mail/mail.service';
import { AcceptStaffingInput } from './dto/pooling.inputs';
import { SignupOrigin, SignupState } from './entities/shift-signup.entity';
import { ShiftSignupModel, StaffingProposalModel } from './models/pooling.models';
import { PoolHelpersService, staffingShift } from './pool-helpers.service';
import { PoolMailService } from './pool-mail.service';
import { PoolSignupsService } from './pool-signups.service';
import { areaNotFound, forbidden, PoolingException } from './pooling.exception';

interface OpenShiftRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  places: number;
  trade_ids: string[];
  taken: number;
  title: string;
}

/** Fair staffing: a proposal of who fills the pool's open places, and its acceptance by the ministry. */
@Injectable()
export class PoolStaffingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly helpers: PoolHelpersService,
    private readonly signups: PoolSignupsService,
    private readonly mails: PoolMailService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** The area's shifts in the pool still to come, and the apprentices who offer to help. */
  private async staffingInput(areaId: string) {
    const rows: OpenShiftRow[] = await this.ds.query(
      `SELECT x.id, x.starts_at, x.ends_at, x.places, x.trade_ids, e.title,
              (SELECT count(*)::int FROM shift_signup s WHERE s.shift_id = x.id AND s.state IN ('PENDING', 'APPROVED')) AS taken
         FROM event_shift x JOIN pooled_event e ON e.id = x.event_id
        WHERE e.area_id = $1 AND e.status = 'APPROVED' AND x.starts_at > $2`,
      [areaId, this.clock.now()],
    );
    const shifts = rows.map((r) => staffingShift(r.id, r.starts_at, r.ends_at, Math.max(0, r.places - r.taken), r.trade_ids));
    const users = await this.helpers.offering(areaId);
    return { rows, shifts, users, helpers: await this.helpers.helpers(this.ds.manager, users) };
  }

  /** Proposes who fills the pool's open places. Nothing is assigned until the ministry accepts. */
  async propose(actor: Actor, areaIdArg?: string): Promise<StaffingProposalModel> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !canManageArea(actor, areaId)) throw areaNotFound();
    const { rows, shifts, users, helpers } = await this.staffingInput(areaId);
    const p = proposeStaffing(shifts, helpers);
    const user = new Map(users.map((u) => [u.id, u]));
    const shift = new Map(rows.map((r) => [r.id, r]));
    const loads = Object.values(p.loads);
    return {
      assignments: p.assignments.map((a) => ({
        shiftId: a.shiftId,
        userId: a.helperId,
        name: user.get(a.helperId)!.name,
        agencyName: user.get(a.helperId)!.agency_name,
        eventTitle: shift.get(a.shiftId)!.title,
        startsAt: shift.get(a.shiftId)!.starts_at,
        endsAt: shift.get(a.shiftId)!.ends_at,
      })),
      open: p.open,
      filled: p.filled,
      upperBound: p.upperBound,
      largestLoad: p.maxLoad / 60,
      meanLoad: helpers.length ? loads.reduce((a, b) => a + b, 0) / 60 / helpers.length : 0,
      helpers: helpers.length,
    };
  }

  /**
   * Accepts a proposal in whole or in part. All or nothing: if anything has changed since (a shift
   * filled up, someone got busy), no assignment is made and the error says which.
   */
  async accept(actor: Actor, input: AcceptStaffingInput): Promise<ShiftSignupModel[]> {
    if (!actor.areaId && !isAdmin(actor)) throw forbidden('Only the ministry accepts staffing proposals');
    const areaId = isAdmin(actor) ? null : actor.areaId;
    const { ids, mails } = await this.ds.transaction(async (m) => {
      const ids: string[] = [];
      const mails: string[] = [];
      for (const [i, a] of input.assignments.entries()) {
        try {
          const s = await this.signups.place(m, a.userId, a.shiftId, areaId, SignupState.PENDING, SignupOrigin.PROPOSAL, null);
          ids.push(s.id);
          mails.push(...(await this.mails.askApproval(m, s)));
        } catch (e) {
          if (e instanceof PoolingException)
            throw new PoolingException(e.code, `Assignment ${i + 1}: ${e.message}. Nothing was assigned; propose again.`, {
              ...(e.details ?? {}),
              index: i,
            });
          throw e;
        }
      }
      return { ids, mails };
    });
    await this.mail.dispatch(mails);
    return this.signups.byIds(ids);
  }
}
