/**
 * The prod database-roles Job as a command of a service image (catalog SERVICE_COMMANDS): the
 * image's own entry point runs it (no `command`, `args` = the catalog's databaseRolesArgs), so the
 * Job needs nothing from the repository and no dev tool (tsx) in the image; and the container gets
 * exactly the variables of DATABASE_ROLES_JOB_ENVIRONMENT.
 */
import { DATABASE_ROLES_JOB_ENVIRONMENT, databaseRolesArgs } from '@tripgen/catalog';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { environmentProblems, renderedVariables } from './environment.ts';
import type { K8sObject } from './objects.ts';

export function databaseRolesJobProblems(container: IContainer, objects: readonly K8sObject[], serviceImage: string): string[] {
  const problems: string[] = [];
  if (container.command !== undefined) problems.push(`sets command ${JSON.stringify(container.command)}: the image's entry point runs the Job's command`);
  if (JSON.stringify(container.args ?? []) !== JSON.stringify(databaseRolesArgs)) problems.push(`args ${JSON.stringify(container.args ?? [])}, not the catalog's databaseRolesArgs ${JSON.stringify(databaseRolesArgs)}`);
  if (container.image !== serviceImage) problems.push(`image ${String(container.image)}, not the service image ${serviceImage}`);
  problems.push(...environmentProblems(DATABASE_ROLES_JOB_ENVIRONMENT, renderedVariables(container, objects)));
  return problems;
}
