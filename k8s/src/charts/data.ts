import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { EnvironmentProfile, InClusterDataStores } from '../config/profile.ts';
import { InClusterDataStoresConstruct } from '../constructs/data-stores.ts';

/** dev only: PostgreSQL and Redis pods (prod uses the managed Azure services). */
export class DataChart extends Chart {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile, stores: InClusterDataStores) {
    super(scope, id, { disableResourceNameHashes: true });
    new InClusterDataStoresConstruct(this, 'stores', profile, stores);
  }
}
