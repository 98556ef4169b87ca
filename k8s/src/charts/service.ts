import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { ServiceSpec } from '@tripgen/catalog';
import type { EnvironmentProfile } from '../config/profile.ts';
import { Microservice } from '../constructs/microservice.ts';

export interface ServiceChartProps {
  readonly profile: EnvironmentProfile;
  readonly spec: ServiceSpec;
}

/** One chart (and one Argo CD Application) per service, so a review and a sync stay per service. */
export class ServiceChart extends Chart {
  readonly service: Microservice;
  constructor(scope: Construct, id: string, props: ServiceChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    this.service = new Microservice(this, 'service', props);
  }
}
