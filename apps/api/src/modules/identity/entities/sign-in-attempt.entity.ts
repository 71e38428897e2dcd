import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, kept in the database so the limit holds across API replicas. */
@Entity('sign_in_failure')
@Index('IDX_sign_in_failure_email_at', ['email', 'at'])
@Index('IDX_sign_in_failure_ip_at', ['ip', 'at'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ type: 'varchar', length: 64 }) ip: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
