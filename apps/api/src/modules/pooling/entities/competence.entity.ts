import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';
import { UserEntity } from '../../identity/entities/user.entity';

/** A digital tool or subject the area's competence apprentices cover (kompetanselærling). */
@Entity('competence_subject')
@Unique('UQ_competence_subject_area_name', ['areaId', 'name'])
export class CompetenceSubjectEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'text', default: '' }) description: string;
}

@Entity('competence_apprentice')
export class CompetenceApprenticeEntity {
  @PrimaryColumn({ type: 'uuid', name: 'subject_id' }) subjectId: string;
  @ManyToOne(() => CompetenceSubjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id' })
  subject?: CompetenceSubjectEntity;
  @PrimaryColumn({ type: 'uuid', name: 'user_id' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}

export enum HelpRequestStatus {
  OPEN = 'OPEN',
  TAKEN = 'TAKEN',
  CLOSED = 'CLOSED',
}

/** Staff asking the competence apprentices of a subject for help. */
@Entity('help_request')
@Index('IDX_help_request_subject_status', ['subjectId', 'status'])
export class HelpRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'uuid', name: 'subject_id' }) subjectId: string;
  @ManyToOne(() => CompetenceSubjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id' })
  subject?: CompetenceSubjectEntity;
  @Column({ type: 'uuid', name: 'requester_user_id' }) requesterUserId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requester_user_id' })
  requester?: UserEntity;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'enum', enum: HelpRequestStatus, enumName: 'help_request_status', default: HelpRequestStatus.OPEN })
  status: HelpRequestStatus;
  @Column({ type: 'uuid', name: 'taken_by_user_id', nullable: true }) takenByUserId: string | null;
  @Column({ type: 'timestamptz', name: 'taken_at', nullable: true }) takenAt: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', name: 'closing_note', default: '' }) closingNote: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
