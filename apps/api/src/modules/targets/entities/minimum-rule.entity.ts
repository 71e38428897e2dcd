import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The minimum rule for a year: agencies above `threshold` employees need at least one apprentice. */
@Entity('minimum_rule')
@Check('CHK_minimum_rule_threshold', '"threshold" > 0')
export class MinimumRuleEntity {
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ type: 'int' }) threshold: number;
  @Column({ type: 'text', default: '' }) source: string;
}
