import { Check, Column, Entity, PrimaryGeneratedColumn, Unique, JoinColumn, ManyToOne } from 'typeorm';
import { MinistryAreaEntity } from '../../areas/entities/ministry-area.entity';

export enum NetworkKind {
  /** Professional leaders, instructors, apprentice coordinators and HR. */
  STAFF = 'STAFF',
  /** The apprentices of the area's agencies. */
  APPRENTICE = 'APPRENTICE',
}

/** A ministry area's network (nettverk). Each area has one of each kind. */
@Entity('network')
@Unique('UQ_network_area_kind', ['areaId', 'kind'])
@Check('CHK_network_reminder_days', '"reminder_days" BETWEEN 0 AND 30')
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'area_id' }) areaId: string;
  @Column({ type: 'enum', enum: NetworkKind, enumName: 'network_kind' }) kind: NetworkKind;
  /** Days before a gathering that those who said yes get a reminder. */
  @Column({ type: 'int', name: 'reminder_days', default: 3 }) reminderDays: number;
  @ManyToOne(() => MinistryAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: MinistryAreaEntity;
}
