import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { EnvironmentProfile, InClusterDataStores } from '../config/profile.ts';
import { InClusterStores } from '../constructs/data-stores.ts';

export interface DataChartProps {
  readonly profile: EnvironmentProfile;
  readonly stores: InClusterDataStores;
}

/** dev only: PostgreSQL and Redis pods (prod uses the managed Azure services). */
export class DataChart extends Chart {
  constructor(scope: Construct, id: string, props: DataChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    new InClusterStores(this, 'stores', props);
  }
}
