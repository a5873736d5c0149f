import { Entity, Index } from 'typeorm';
import type { CenterService } from '@zjh/shared';
import { BoolColumn, DoubleColumn, IdColumn, InstantColumn, IntColumn, JsonColumn, StringColumn } from '../../lib/db/columns';

@Entity('centers')
export class CenterEntity {
  @IdColumn() id!: string;
  /** Stable slug used by seed data and links (e.g. `zj-station`). */
  @Index('uq_centers_code', { unique: true })
  @StringColumn(40)
  code!: string;
  @StringColumn(120) name!: string;
  @StringColumn(20) district!: string;
  @StringColumn(200) address!: string;
  @StringColumn(40) phone!: string;
  @StringColumn(200) hours!: string;
  @DoubleColumn() lat!: number;
  @DoubleColumn() lng!: number;
  @JsonColumn() services!: CenterService[];
  @StringColumn(300, { nullable: true }) note!: string | null;
  @BoolColumn({ default: true }) sampleLocation!: boolean;
  @BoolColumn({ default: true }) active!: boolean;
  @IntColumn({ default: 0 }) sortOrder!: number;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
