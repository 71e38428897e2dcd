import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A trade (lærefag). */
@Entity('trade')
export class TradeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 64, unique: true }) code: string;
  @Column({ type: 'varchar', length: 200, name: 'name_nb' }) nameNb: string;
  @Column({ type: 'varchar', length: 200, name: 'name_en' }) nameEn: string;
}
