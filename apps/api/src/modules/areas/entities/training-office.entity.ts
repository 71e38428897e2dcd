import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('training_office')
export class TrainingOfficeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200, unique: true }) name: string;
}
