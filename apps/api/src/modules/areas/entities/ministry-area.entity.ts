import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('ministry_area')
export class MinistryAreaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Short code, e.g. KDD. */
  @Column({ type: 'varchar', length: 16, unique: true }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
