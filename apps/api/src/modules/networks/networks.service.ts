import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { canManageArea, canPlaceInNetwork, canReadArea, canRunNetwork, NetworkAudience } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { NetworkEntity, NetworkKind } from './entities/network.entity';
import { NetworksException } from './networks.exception';
import { MailService } from '../mail/mail.service';
import { MailLanguage } from '../mail/templates/render';
import { AppConfig } from '../../config/config';
import { MentorKind, MentorPairEntity } from './entities/mentor-pair.entity';
import { mentorMail, networkInvitationMail } from './templates/network-mails';
import { NetworkModel, NetworkPersonModel } from './models/network.model';

export const MAX_NETWORK_LEADS = 2;

/** A person who can be invited to a gathering. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  language: string;
  agencyId: string | null;
}

/** Apprentice mentors belong to the apprentice network, leader mentors to the staff network. */
const mentorNetwork = (kind: MentorKind): NetworkAudience => (kind === MentorKind.APPRENTICE ? 'APPRENTICE' : 'STAFF');

const notFound = () => new NetworksException(ErrorCode.NOT_FOUND, 'The network was not found, or you do not have access to it');

@Injectable()
export class NetworksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /**
   * People the actor can place in the networks: the whole area for the ministry coordinator and
   * the network leads, one's own agency for an agency coordinator. Names and roles only.
   */
  async people(
    actor: Actor,
  ): Promise<{ userId: string; name: string; role: Role; agencyName: string | null; staffMember: boolean; canPlace: boolean }[]> {
    const areaId = actor.areaId;
    if (!areaId) return [];
    // Placing people in the networks: the ministry coordinator and any lead see the whole area.
    const wholeArea = await this.canRunNetwork(actor, areaId, 'BOTH');
    if (!wholeArea && actor.role !== Role.AGENCY_COORDINATOR)
      throw new NetworksException(ErrorCode.FORBIDDEN, 'Only coordinators see the people of the networks');
    const rows: { id: string; name: string; role: Role; agency_id: string | null; agency: string | null; staff: boolean }[] =
      await this.ds.query(
        `SELECT u.id, u.name, u.role, u.agency_id, a.name AS agency,
              EXISTS (SELECT 1 FROM network_member m JOIN network n ON n.id = m.network_id WHERE m.user_id = u.id AND n.kind = 'STAFF') AS staff
         FROM user_directory u LEFT JOIN agency_directory a ON a.id = u.agency_id
        WHERE u.area_id = $1 AND ($2 OR u.agency_id = $3) ORDER BY u.name LIMIT 2000`,
        [areaId, wholeArea, actor.agencyId],
      );
    return rows.map((r) => ({
      userId: r.id,
      name: r.name,
      role: r.role,
      agencyName: r.agency,
      staffMember: r.staff,
      canPlace: canPlaceInNetwork(actor, areaId, r.agency_id),
    }));
  }

  async mentorPairs(actor: Actor, areaIdArg?: string) {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(canReadArea(actor, areaId) || actor.areaId === areaId))
      throw new NetworksException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const rows: {
      id: string;
      kind: MentorKind;
      mentor: string;
      mentor_agency: string | null;
      mentee: string;
      mentee_agency: string | null;
      created_at: Date;
    }[] = await this.ds.query(
      `SELECT p.id, p.kind, m.name AS mentor, ma.name AS mentor_agency, e.name AS mentee, ea.name AS mentee_agency, p.created_at
         FROM mentor_pair p JOIN user_directory m ON m.id = p.mentor_user_id JOIN user_directory e ON e.id = p.mentee_user_id
         LEFT JOIN agency_directory ma ON ma.id = m.agency_id LEFT JOIN agency_directory ea ON ea.id = e.agency_id
        WHERE p.area_id = $1 ORDER BY p.kind, p.created_at`,
      [areaId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      mentorName: r.mentor,
      mentorAgency: r.mentor_agency,
      menteeName: r.mentee,
      menteeAgency: r.mentee_agency,
      createdAt: r.created_at,
    }));
  }

  /**
   * Pairs a newcomer with an experienced mentor (apprentice with apprentice, professional leader
   * with professional leader); both are told by mail. A newcomer has one mentor of each kind.
   */
  async pairMentor(actor: Actor, input: { kind: MentorKind; mentorUserId: string; menteeUserId: string }) {
    const areaId = actor.areaId;
    if (!areaId && actor.role !== Role.ADMIN)
      throw new NetworksException(ErrorCode.FORBIDDEN, 'Only the network leads and the ministry coordinator pair mentors');
    if (input.mentorUserId === input.menteeUserId)
      throw new NetworksException(ErrorCode.VALIDATION_FAILED, 'A person cannot be their own mentor', {
        fields: { menteeUserId: ['same as the mentor'] },
      });
    const people: { id: string; name: string; email: string; language: string; role: Role; area_id: string; agency: string | null }[] =
      await this.ds.query(
        `SELECT u.id, u.name, u.email, u.language, u.role, u.area_id, a.name AS agency FROM user_directory u LEFT JOIN agency_directory a ON a.id = u.agency_id WHERE u.id = ANY($1::uuid[])`,
        [[input.mentorUserId, input.menteeUserId]],
      );
    const mentor = people.find((p) => p.id === input.mentorUserId);
    const mentee = people.find((p) => p.id === input.menteeUserId);
    if (
      !mentor ||
      !mentee ||
      mentor.area_id !== mentee.area_id ||
      !(canReadArea(actor, mentor.area_id) || actor.areaId === mentor.area_id)
    ) {
      throw new NetworksException(ErrorCode.NOT_FOUND, 'Both people must be found in the same ministry area, and it must be yours');
    }
    if (!(await this.canRunNetwork(actor, mentor.area_id, mentorNetwork(input.kind))))
      throw new NetworksException(ErrorCode.FORBIDDEN, 'Only the leads of that network and the ministry coordinator pair mentors');
    const wanted = input.kind === MentorKind.APPRENTICE ? [Role.APPRENTICE] : [Role.AGENCY_COORDINATOR, Role.MINISTRY_COORDINATOR];
    if (!wanted.includes(mentor.role) || !wanted.includes(mentee.role)) {
      throw new NetworksException(
        ErrorCode.VALIDATION_FAILED,
        input.kind === MentorKind.APPRENTICE
          ? 'Apprentice mentors pair two apprentices'
          : 'Leader mentors pair two professional leaders or coordinators',
      );
    }
    const { id, mailIds } = await this.ds.transaction(async (m) => {
      const existing = await m.findOne(MentorPairEntity, { where: { kind: input.kind, menteeUserId: mentee.id } });
      if (existing) throw new NetworksException(ErrorCode.CONFLICT, `${mentee.name} already has a mentor; remove that pairing first`);
      const pair = await m.save(
        m.create(MentorPairEntity, { areaId: mentor.area_id, kind: input.kind, mentorUserId: mentor.id, menteeUserId: mentee.id }),
      );
      const url = `${this.config.app.publicUrl}/nettverk`;
      const mailIds = [
        await this.mail.record(
          {
            ...mentorMail(mentor.language as MailLanguage, {
              name: mentor.name,
              other: mentee.name,
              otherAgency: mentee.agency,
              role: 'mentor',
              kind: input.kind,
              url,
            }),
            purpose: `mentor-pair:${pair.id}`,
            to: mentor.email,
          },
          m,
        ),
        await this.mail.record(
          {
            ...mentorMail(mentee.language as MailLanguage, {
              name: mentee.name,
              other: mentor.name,
              otherAgency: mentor.agency,
              role: 'mentee',
              kind: input.kind,
              url,
            }),
            purpose: `mentor-pair:${pair.id}`,
            to: mentee.email,
          },
          m,
        ),
      ];
      return { id: pair.id, mailIds };
    });
    await this.mail.dispatch(mailIds);
    return (await this.mentorPairs(actor, mentor.area_id)).find((p) => p.id === id);
  }

  async removeMentorPair(actor: Actor, id: string): Promise<boolean> {
    const p = await this.ds.getRepository(MentorPairEntity).findOne({ where: { id } });
    if (!p || !(canReadArea(actor, p.areaId) || actor.areaId === p.areaId))
      throw new NetworksException(ErrorCode.NOT_FOUND, 'The pairing was not found, or you do not have access to it');
    if (!(await this.canRunNetwork(actor, p.areaId, mentorNetwork(p.kind))))
      throw new NetworksException(ErrorCode.FORBIDDEN, 'Only the leads of that network and the ministry coordinator pair mentors');
    await this.ds.getRepository(MentorPairEntity).delete({ id });
    return true;
  }

  /**
   * The yearly invitation to join the network (1 August in the plan): one mail to each agency
   * coordinator of the area (or of every area), once per year and person. Returns how many
   * mails were queued and which agencies have nobody to receive it.
   */
  async sendNetworkInvitations(areaId: string | null, year: number): Promise<{ queued: number; agenciesWithoutCoordinator: string[] }> {
    const rows: {
      area: string;
      agency: string;
      agency_id: string;
      user_email: string | null;
      user_name: string | null;
      language: string | null;
    }[] = await this.ds.query(
      `SELECT m.name AS area, a.name AS agency, a.id AS agency_id, u.email AS user_email, u.name AS user_name, u.language
         FROM agency_directory a JOIN area_directory m ON m.id = a.area_id
         LEFT JOIN user_directory u ON u.agency_id = a.id AND u.role = 'AGENCY_COORDINATOR'
        WHERE ($1::uuid IS NULL OR a.area_id = $1) ORDER BY a.name`,
      [areaId],
    );
    const url = `${this.config.app.publicUrl}/nettverk`;
    const purpose = `network-invitation:${year}`;
    const already = await this.mail.recipientsOf(purpose);
    const ids = await this.ds.transaction(async (m) => {
      const out: string[] = [];
      for (const r of rows.filter((x) => x.user_email && !already.has(x.user_email.toLowerCase()))) {
        const rendered = networkInvitationMail((r.language ?? 'nb') as MailLanguage, {
          name: r.user_name as string,
          area: r.area,
          agency: r.agency,
          year,
          url,
        });
        out.push(await this.mail.record({ ...rendered, purpose, to: r.user_email as string }, m));
      }
      return out;
    });
    await this.mail.dispatch(ids);
    const covered = new Set(rows.filter((r) => r.user_email).map((r) => r.agency_id));
    return {
      queued: ids.length,
      agenciesWithoutCoordinator: [...new Set(rows.filter((r) => !covered.has(r.agency_id)).map((r) => r.agency))],
    };
  }

  /** Each area has a staff network and an apprentice network, made with the area. */
  async createForArea(areaId: string, m: EntityManager): Promise<void> {
    await m.query(`INSERT INTO network (area_id, kind) VALUES ($1, 'STAFF'), ($1, 'APPRENTICE') ON CONFLICT (area_id, kind) DO NOTHING`, [
      areaId,
    ]);
  }

  /** The area's two networks; NOT_FOUND when there is no such area. Never writes. */
  async forArea(areaId: string): Promise<NetworkEntity[]> {
    const networks = await this.ds.getRepository(NetworkEntity).find({ where: { areaId }, order: { kind: 'DESC' } });
    if (!networks.length)
      throw new NetworksException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    return networks;
  }

  /** Every network's days of notice for reminders (`reminderDays`), by area and kind. */
  async reminderSettings(): Promise<{ areaId: string; kind: NetworkKind; reminderDays: number }[]> {
    const rows = await this.ds.getRepository(NetworkEntity).find({ select: { areaId: true, kind: true, reminderDays: true } });
    return rows.map((n) => ({ areaId: n.areaId, kind: n.kind, reminderDays: n.reminderDays }));
  }

  /** Who sends the area's gatherings out: the first lead appointed to one of its networks, or null while it has none. */
  async organizer(areaId: string): Promise<{ name: string; email: string } | null> {
    const [lead]: { name: string; email: string }[] = await this.ds.query(
      `SELECT u.name, u.email FROM network_lead l JOIN network n ON n.id = l.network_id JOIN user_directory u ON u.id = l.user_id
        WHERE n.area_id = $1 ORDER BY l.created_at LIMIT 1`,
      [areaId],
    );
    return lead ?? null;
  }

  /** The kinds of network of this area the actor leads. */
  async leadKinds(actor: Actor, areaId: string): Promise<NetworkKind[]> {
    if (actor.areaId !== areaId) return [];
    const rows: { kind: NetworkKind }[] = await this.ds.query(
      `SELECT n.kind FROM network_lead l JOIN network n ON n.id = l.network_id WHERE n.area_id = $1 AND l.user_id = $2`,
      [areaId, actor.id],
    );
    return rows.map((r) => r.kind);
  }

  /**
   * Whether the actor runs the work of the area's network(s) for this audience: the ministry
   * coordinator both networks, a lead their own network (and joint gatherings). The rule is
   * `canRunNetwork` in the access policy. Asked for many rows in one request, pass the request's
   * `memo` and the leads are read once per request and area.
   */
  async canRunNetwork(actor: Actor, areaId: string, audience: NetworkAudience, memo?: Map<string, Promise<unknown>>): Promise<boolean> {
    if (canManageArea(actor, areaId)) return true;
    const key = `leadKinds|${actor.id}|${areaId}`;
    let leads = memo?.get(key) as Promise<NetworkKind[]> | undefined;
    if (!leads) {
      leads = this.leadKinds(actor, areaId);
      memo?.set(key, leads);
    }
    return canRunNetwork(actor, areaId, audience, await leads);
  }

  async list(actor: Actor, areaIdArg?: string): Promise<NetworkModel[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(canReadArea(actor, areaId) || actor.areaId === areaId))
      throw new NetworksException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const networks = await this.forArea(areaId);
    const leads: { network_id: string; user_id: string; name: string; agency_id: string | null; agency_name: string | null }[] =
      await this.ds.query(
        `SELECT l.network_id, u.id AS user_id, u.name, u.agency_id, a.name AS agency_name FROM network_lead l JOIN user_directory u ON u.id = l.user_id LEFT JOIN agency_directory a ON a.id = u.agency_id
        WHERE l.network_id = ANY($1::uuid[]) ORDER BY l.created_at`,
        [networks.map((n) => n.id)],
      );
    const counts = await Promise.all(
      networks.map((n) => this.recipients(areaId, n.kind === NetworkKind.STAFF ? 'STAFF' : 'APPRENTICE').then((r) => r.length)),
    );
    return networks.map((n, i) => ({
      id: n.id,
      areaId: n.areaId,
      kind: n.kind,
      reminderDays: n.reminderDays,
      memberCount: counts[i],
      leads: leads
        .filter((l) => l.network_id === n.id)
        .map((l): NetworkPersonModel => ({ userId: l.user_id, name: l.name, agencyId: l.agency_id, agencyName: l.agency_name })),
    }));
  }

  private async networkFor(actor: Actor, networkId: string): Promise<NetworkEntity> {
    const n = await this.ds.getRepository(NetworkEntity).findOne({ where: { id: networkId } });
    if (!n || !(canReadArea(actor, n.areaId) || actor.areaId === n.areaId)) throw notFound();
    return n;
  }

  private async userInArea(userId: string, areaId: string): Promise<{ id: string; role: Role; agency_id: string | null }> {
    const rows: { id: string; role: Role; agency_id: string | null }[] = await this.ds.query(
      `SELECT id, role, agency_id FROM user_directory WHERE id = $1 AND area_id = $2`,
      [userId, areaId],
    );
    if (!rows[0]) throw new NetworksException(ErrorCode.NOT_FOUND, 'The person was not found in this ministry area');
    return rows[0];
  }

  async appointLead(actor: Actor, networkId: string, userId: string): Promise<NetworkModel> {
    const n = await this.networkFor(actor, networkId);
    if (!canManageArea(actor, n.areaId))
      throw new NetworksException(ErrorCode.FORBIDDEN, 'Network leads are appointed by the ministry coordinator');
    await this.userInArea(userId, n.areaId);
    await this.ds.transaction(async (m) => {
      // Serialise appointments to this network so the limit of two holds under concurrency.
      await m.query(`SELECT id FROM network WHERE id = $1 FOR UPDATE`, [n.id]);
      const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM network_lead WHERE network_id = $1 AND user_id <> $2`, [
        n.id,
        userId,
      ]);
      if (count >= MAX_NETWORK_LEADS)
        throw new NetworksException(ErrorCode.CONFLICT, `A network has at most ${MAX_NETWORK_LEADS} leads; remove one first`);
      await m.query(`INSERT INTO network_lead (network_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [n.id, userId]);
    });
    return (await this.list(actor, n.areaId)).find((x) => x.id === n.id) as NetworkModel;
  }

  async removeLead(actor: Actor, networkId: string, userId: string): Promise<NetworkModel> {
    const n = await this.networkFor(actor, networkId);
    if (!canManageArea(actor, n.areaId))
      throw new NetworksException(ErrorCode.FORBIDDEN, 'Network leads are appointed by the ministry coordinator');
    await this.ds.query(`DELETE FROM network_lead WHERE network_id = $1 AND user_id = $2`, [n.id, userId]);
    return (await this.list(actor, n.areaId)).find((x) => x.id === n.id) as NetworkModel;
  }

  /** An agency coordinator adds its own people; the ministry coordinator anyone in the area. */
  async addMember(actor: Actor, networkId: string, userId: string, add = true): Promise<NetworkModel> {
    const n = await this.networkFor(actor, networkId);
    const u = await this.userInArea(userId, n.areaId);
    if (!canPlaceInNetwork(actor, n.areaId, u.agency_id))
      throw new NetworksException(ErrorCode.FORBIDDEN, "You can add only your own agency's people to the network");
    if (add)
      await this.ds.query(`INSERT INTO network_member (network_id, user_id, added_by_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        n.id,
        userId,
        actor.id,
      ]);
    else await this.ds.query(`DELETE FROM network_member WHERE network_id = $1 AND user_id = $2`, [n.id, userId]);
    return (await this.list(actor, n.areaId)).find((x) => x.id === n.id) as NetworkModel;
  }

  async setReminderDays(actor: Actor, networkId: string, days: number): Promise<NetworkModel> {
    const n = await this.networkFor(actor, networkId);
    if (!(await this.canRunNetwork(actor, n.areaId, n.kind)))
      throw new NetworksException(ErrorCode.FORBIDDEN, "Only the network's leads and the ministry coordinator change the network");
    await this.ds.query(`UPDATE network SET reminder_days = $2 WHERE id = $1`, [n.id, days]);
    return (await this.list(actor, n.areaId)).find((x) => x.id === n.id) as NetworkModel;
  }

  /**
   * Who a gathering for this audience goes to: staff-network members, apprentice-network
   * members (every apprentice of the area's agencies, and anyone added), and the leads.
   */
  async recipients(areaId: string, audience: 'STAFF' | 'APPRENTICE' | 'BOTH', onlyUserId: string | null = null): Promise<Recipient[]> {
    const kinds = audience === 'BOTH' ? ['STAFF', 'APPRENTICE'] : [audience];
    const withApprentices = audience !== 'STAFF';
    const rows: { id: string; email: string; name: string; language: string; agency_id: string | null }[] = await this.ds.query(
      `SELECT DISTINCT u.id, u.email, u.name, u.language, u.agency_id FROM user_directory u
        WHERE u.area_id = $1 AND (
          u.id IN (SELECT m.user_id FROM network_member m JOIN network n ON n.id = m.network_id WHERE n.area_id = $1 AND n.kind::text = ANY($2::text[]))
          OR u.id IN (SELECT l.user_id FROM network_lead l JOIN network n ON n.id = l.network_id WHERE n.area_id = $1 AND n.kind::text = ANY($2::text[]))
          OR ($3 AND u.role = 'APPRENTICE'))
          AND ($4::uuid IS NULL OR u.id = $4)
        ORDER BY u.email`,
      [areaId, kinds, withApprentices, onlyUserId],
    );
    return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, language: r.language, agencyId: r.agency_id }));
  }

  /** The members of the area's network of this kind (its leads aside), by user id. */
  async memberIds(areaId: string, kind: `${NetworkKind}`): Promise<string[]> {
    const rows: { user_id: string }[] = await this.ds.query(
      `SELECT m.user_id FROM network_member m JOIN network n ON n.id = m.network_id WHERE n.area_id = $1 AND n.kind = $2`,
      [areaId, kind],
    );
    return rows.map((r) => r.user_id);
  }
}
