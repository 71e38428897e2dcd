import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@laerenett/shared-domain';

@Entity('app_user')
@Check(
  'CHK_user_scope',
  `("role" = 'ADMIN') OR ("role" = 'MINISTRY_COORDINATOR' AND "area_id" IS NOT NULL) OR ("role" IN ('AGENCY_COORDINATOR','APPRENTICE') AND "agency_id" IS NOT NULL AND "area_id" IS NOT NULL)`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-case. */
  @Column({ type: 'varchar', length: 254, unique: true }) email: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 255, name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' }) role: Role;
  @Index('IDX_user_area')
  @Column({ type: 'uuid', name: 'area_id', nullable: true })
  areaId: string | null;
  @Index('IDX_user_agency')
  @Column({ type: 'uuid', name: 'agency_id', nullable: true })
  agencyId: string | null;
  @Column({ type: 'varchar', length: 2, default: 'nb' }) language: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
