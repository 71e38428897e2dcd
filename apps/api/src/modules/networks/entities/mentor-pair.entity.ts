import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';
import { UserEntity } from '../../identity/entities/user.entity';

export enum MentorKind {
  /** An experienced apprentice with a new one. */
  APPRENTICE = 'APPRENTICE',
  /** An experienced professional leader with a new one. */
  LEADER = 'LEADER',
}

/** Fadderordning: a mentor paired with a newcomer. A newcomer has one mentor of each kind. */
@Entity('mentor_pair')
@Unique('UQ_mentor_pair_mentee', ['kind', 'menteeUserId'])
@Check('CHK_mentor_pair_distinct', '"mentor_user_id" <> "mentee_user_id"')
@Index('IDX_mentor_pair_area', ['areaId'])
export class MentorPairEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'enum', enum: MentorKind, enumName: 'mentor_kind' }) kind: MentorKind;
  @Column({ type: 'uuid', name: 'mentor_user_id' }) mentorUserId: string;
  @Column({ type: 'uuid', name: 'mentee_user_id' }) menteeUserId: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_user_id' })
  mentor?: UserEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_user_id' })
  mentee?: UserEntity;
}
