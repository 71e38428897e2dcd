import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@laerenett/shared-domain';

@Entity('invitation')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' }) role: Role;
  @Column({ type: 'uuid', name: 'area_id', nullable: true }) areaId: string | null;
  @Column({ type: 'uuid', name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column({ type: 'varchar', length: 2, default: 'nb' }) language: string;
  /** For an apprentice: the record in the agency's list the new user is (linked on acceptance). */
  @Column({ type: 'uuid', name: 'apprentice_id', nullable: true }) apprenticeId: string | null;
  @Column({ type: 'char', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  /** Who invited; none for the first administrator, invited from the command line (`cli.js create-admin`). */
  @Column({ type: 'uuid', name: 'invited_by_id', nullable: true }) invitedById: string | null;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
