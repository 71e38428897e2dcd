import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import { canCloseHelpRequest, canManageArea, canTakeHelpRequest, HelpRequestScope, isAdmin } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { CloseHelpRequestInput, CompetenceApprenticeInput, CompetenceSubjectInput, HelpRequestInput } from './dto/pooling.inputs';
import { CompetenceApprenticeEntity, CompetenceSubjectEntity, HelpRequestEntity, HelpRequestStatus } from './entities/competence.entity';
import { CompetenceSubjectModel, HelpRequestModel } from './models/pooling.models';
import { areaNotFound, PoolingException } from './pooling.exception';
import { helpRequestMail } from './templates/pool-mails';

const requestNotFound = () => new PoolingException(ErrorCode.NOT_FOUND, 'The help request was not found, or you do not have access to it');

/**
 * Competence apprentices (kompetanselærling): apprentices who cover a digital tool or subject for
 * the whole area. The list of subjects and who covers them is public to the area; staff send
 * requests, one of the subject's apprentices takes it and closes it with a note.
 */
@Injectable()
export class CompetenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private areaOf(actor: Actor, areaIdArg?: string): string {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(isAdmin(actor) || actor.areaId === areaId)) throw areaNotFound();
    return areaId;
  }

  async subjects(actor: Actor, areaIdArg?: string): Promise<CompetenceSubjectModel[]> {
    const areaId = this.areaOf(actor, areaIdArg);
    const subjects = await this.ds.getRepository(CompetenceSubjectEntity).find({ where: { areaId }, order: { name: 'ASC' } });
    const people: { subject_id: string; userId: string; name: string; agencyName: string }[] = subjects.length
      ? await this.ds.query(
          `SELECT c.subject_id, u.id AS "userId", u.name, a.name AS "agencyName" FROM competence_apprentice c JOIN user_directory u ON u.id = c.user_id JOIN agency_directory a ON a.id = u.agency_id
            WHERE c.subject_id = ANY($1::uuid[]) ORDER BY u.name`,
          [subjects.map((s) => s.id)],
        )
      : [];
    return subjects.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      apprentices: people.filter((p) => p.subject_id === s.id).map(({ userId, name, agencyName }) => ({ userId, name, agencyName })),
    }));
  }

  async createSubject(actor: Actor, input: CompetenceSubjectInput): Promise<CompetenceSubjectModel[]> {
    const areaId = this.areaOf(actor, input.areaId);
    if (!canManageArea(actor, areaId))
      throw new PoolingException(ErrorCode.FORBIDDEN, "The ministry area's coordinator keeps the list of subjects");
    const exists = await this.ds.getRepository(CompetenceSubjectEntity).exists({ where: { areaId, name: input.name.trim() } });
    if (exists) throw new PoolingException(ErrorCode.CONFLICT, `There is already a subject called ${input.name.trim()}`);
    await this.ds.getRepository(CompetenceSubjectEntity).insert({ areaId, name: input.name.trim(), description: input.description.trim() });
    return this.subjects(actor, areaId);
  }

  /** The ministry, or the apprentice's own agency, says who covers a subject. */
  async setApprentice(actor: Actor, input: CompetenceApprenticeInput): Promise<CompetenceSubjectModel[]> {
    const subject = await this.ds.getRepository(CompetenceSubjectEntity).findOne({ where: { id: input.subjectId } });
    if (!subject || !(isAdmin(actor) || actor.areaId === subject.areaId))
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The subject was not found, or you do not have access to it');
    const [u] = (await this.ds.query(`SELECT id, agency_id, area_id FROM user_directory WHERE id = $1 AND role = 'APPRENTICE'`, [
      input.userId,
    ])) as { id: string; agency_id: string; area_id: string }[];
    if (!u || u.area_id !== subject.areaId)
      throw new PoolingException(ErrorCode.VALIDATION_FAILED, 'Choose an apprentice of the ministry area', {
        fields: { userId: ['not an apprentice of the area'] },
      });
    if (!canManageArea(actor, subject.areaId) && !(actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === u.agency_id))
      throw new PoolingException(
        ErrorCode.FORBIDDEN,
        "Only the ministry, or the apprentice's own agency, can make them a competence apprentice",
      );
    if (input.covers)
      await this.ds.getRepository(CompetenceApprenticeEntity).upsert({ subjectId: subject.id, userId: u.id }, ['subjectId', 'userId']);
    else await this.ds.getRepository(CompetenceApprenticeEntity).delete({ subjectId: subject.id, userId: u.id });
    return this.subjects(actor, subject.areaId);
  }

  private readonly REQUEST_SQL = `SELECT r.id, r.subject_id AS "subjectId", s.name AS "subjectName", q.name AS "requesterName", r.description, r.status, t.name AS "takenByName", r.closing_note AS "closingNote", r.created_at AS "createdAt",
             r.area_id AS "areaId", r.requester_user_id AS "requesterUserId", r.taken_by_user_id AS "takenByUserId"
      FROM help_request r JOIN competence_subject s ON s.id = r.subject_id JOIN user_directory q ON q.id = r.requester_user_id LEFT JOIN user_directory t ON t.id = r.taken_by_user_id`;

  /** Staff of any agency of the area ask; the request goes to the subject's competence apprentices. */
  async request(actor: Actor, input: HelpRequestInput): Promise<HelpRequestModel> {
    const subject = await this.ds.getRepository(CompetenceSubjectEntity).findOne({ where: { id: input.subjectId } });
    if (!subject || !(isAdmin(actor) || actor.areaId === subject.areaId))
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The subject was not found, or you do not have access to it');
    const { id, mails } = await this.ds.transaction(async (m) => {
      const r = await m
        .getRepository(HelpRequestEntity)
        .save({ areaId: subject.areaId, subjectId: subject.id, requesterUserId: actor.id, description: input.description.trim() });
      const people: { email: string; name: string; language: string }[] = await m.query(
        `SELECT u.email, u.name, u.language FROM competence_apprentice c JOIN user_directory u ON u.id = c.user_id WHERE c.subject_id = $1`,
        [subject.id],
      );
      const mails: string[] = [];
      for (const p of people)
        mails.push(
          await this.mail.record(
            {
              ...helpRequestMail(mailLanguage(p.language), {
                name: p.name,
                subject: subject.name,
                requester: actor.name,
                description: r.description,
                url: `${this.config.app.publicUrl}/kompetanse`,
              }),
              purpose: `help-request:${r.id}`,
              to: p.email,
            },
            m,
          ),
        );
      return { id: r.id, mails };
    });
    await this.mail.dispatch(mails);
    return this.one(actor, id);
  }

  /** The requests as the actor sees them: with what the actor may do with each. */
  private async withRights(
    actor: Actor,
    rows: (Omit<HelpRequestModel, 'canTake' | 'canClose' | 'status'> & HelpRequestScope)[],
  ): Promise<HelpRequestModel[]> {
    const covered = new Set(
      rows.length
        ? (
            (await this.ds.query(`SELECT subject_id FROM competence_apprentice WHERE user_id = $1`, [actor.id])) as { subject_id: string }[]
          ).map((c) => c.subject_id)
        : [],
    );
    return rows.map((r) => ({
      ...r,
      status: r.status as HelpRequestStatus,
      canTake: canTakeHelpRequest(r, covered.has(r.subjectId)),
      canClose: r.status !== 'CLOSED' && canCloseHelpRequest(actor, r),
    }));
  }

  private async one(actor: Actor, id: string): Promise<HelpRequestModel> {
    return (await this.withRights(actor, await this.ds.query(`${this.REQUEST_SQL} WHERE r.id = $1`, [id])))[0];
  }

  /** Requests the caller can see: their own, those of subjects they cover, and all of the area for the ministry. */
  async requests(actor: Actor, areaIdArg?: string): Promise<HelpRequestModel[]> {
    const areaId = this.areaOf(actor, areaIdArg);
    if (canManageArea(actor, areaId))
      return this.withRights(
        actor,
        await this.ds.query(`${this.REQUEST_SQL} WHERE r.area_id = $1 ORDER BY r.created_at DESC LIMIT 300`, [areaId]),
      );
    return this.withRights(
      actor,
      await this.ds.query(
        `${this.REQUEST_SQL} WHERE r.area_id = $1 AND (r.requester_user_id = $2 OR r.taken_by_user_id = $2 OR r.subject_id IN (SELECT subject_id FROM competence_apprentice WHERE user_id = $2)) ORDER BY r.created_at DESC LIMIT 300`,
        [areaId, actor.id],
      ),
    );
  }

  async take(actor: Actor, requestId: string): Promise<HelpRequestModel> {
    const r = await this.ds.getRepository(HelpRequestEntity).findOne({ where: { id: requestId } });
    if (!r || !(isAdmin(actor) || actor.areaId === r.areaId)) throw requestNotFound();
    const covers = await this.ds.getRepository(CompetenceApprenticeEntity).exists({ where: { subjectId: r.subjectId, userId: actor.id } });
    if (!covers) throw new PoolingException(ErrorCode.FORBIDDEN, "Only the subject's competence apprentices take its requests");
    const changed = await this.ds
      .createQueryBuilder()
      .update(HelpRequestEntity)
      .set({ status: HelpRequestStatus.TAKEN, takenByUserId: actor.id, takenAt: this.clock.now() })
      .where('id = :id AND status = :open', { id: r.id, open: HelpRequestStatus.OPEN })
      .execute();
    if (!changed.affected) throw new PoolingException(ErrorCode.CONFLICT, 'Someone has already taken this request');
    return this.one(actor, r.id);
  }

  async close(actor: Actor, input: CloseHelpRequestInput): Promise<HelpRequestModel> {
    const r = await this.ds.getRepository(HelpRequestEntity).findOne({ where: { id: input.requestId } });
    if (!r || !(isAdmin(actor) || actor.areaId === r.areaId)) throw requestNotFound();
    if (!canCloseHelpRequest(actor, r))
      throw new PoolingException(ErrorCode.FORBIDDEN, 'The apprentice who took the request, or the one who asked, closes it');
    if (r.status === HelpRequestStatus.CLOSED) throw new PoolingException(ErrorCode.CONFLICT, 'The request is already closed');
    await this.ds
      .getRepository(HelpRequestEntity)
      .update({ id: r.id }, { status: HelpRequestStatus.CLOSED, closedAt: this.clock.now(), closingNote: input.note.trim() });
    return this.one(actor, r.id);
  }
}
