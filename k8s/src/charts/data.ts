import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { EnvironmentProfile, InClusterDataStores, ManagedDataStores } from '../config/profile.ts';
import { InClusterStores } from '../constructs/data-stores.ts';
import { DatabaseRoles } from '../constructs/database-roles.ts';

export interface DataChartProps {
  readonly profile: EnvironmentProfile;
  readonly stores: InClusterDataStores | ManagedDataStores;
}

/** dev: PostgreSQL and Redis pods. prod: the managed services' side in the cluster, i.e. the Job
 * that gives each service's identity its PostgreSQL role before the migrations run. */
export class DataChart extends Chart {
  constructor(scope: Construct, id: string, props: DataChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { profile, stores } = props;
    if (stores.kind === 'in-cluster') new InClusterStores(this, 'stores', { profile, stores });
    else new DatabaseRoles(this, 'database-roles', { profile, stores });
  }
}
