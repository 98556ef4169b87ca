import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { EnvironmentProfile, InClusterDataStores, ManagedDataStores } from '../config/profile.ts';
import { InClusterDataStoresConstruct } from '../constructs/data-stores.ts';
import { DatabaseRoles } from '../constructs/database-roles.ts';

/** dev: PostgreSQL and Redis pods. prod: the managed services' side in the cluster, i.e. the Job
 * that gives each service's identity its PostgreSQL role before the migrations run. */
export class DataChart extends Chart {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile, stores: InClusterDataStores | ManagedDataStores) {
    super(scope, id, { disableResourceNameHashes: true });
    if (stores.kind === 'in-cluster') new InClusterDataStoresConstruct(this, 'stores', profile, stores);
    else new DatabaseRoles(this, 'database-roles', profile, stores);
  }
}
