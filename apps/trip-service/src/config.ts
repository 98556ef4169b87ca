/**
 * The trip service's own settings, on top of the kit's: where the services it calls answer, and
 * how long a schedule may take before it is failed.
 */
import { ConfigError } from '@tripgen/service-kit';

export interface TripConfig {
  readonly userServiceUrl: string;
  readonly locationServiceUrl: string;
  readonly aiServiceUrl: string;
  /** From the request to the latest instant the AI service may still start or finish the work. */
  readonly scheduleDeadlineMs: number;
  /** Past the deadline plus this, a schedule without an outcome is failed here (the AI service had its chance). */
  readonly scheduleGraceMs: number;
  /** How often unfinished schedules are brought up to date in the background. */
  readonly sweepIntervalMs: number;
}

export const loadTripConfig = (env: NodeJS.ProcessEnv): TripConfig => {
  const problems: string[] = [];
  const url = (name: string): string => {
    const v = env[name]?.trim();
    if (!v) {
      problems.push(`${name} is required`);
      return '';
    }
    try {
      if (!['http:', 'https:'].includes(new URL(v).protocol)) problems.push(`${name} must be an http or https URL`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim() || undefined;
    const v = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(v) || v < min || v > max) problems.push(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
    return v;
  };
  const config = {
    userServiceUrl: url('USER_SERVICE_URL'),
    locationServiceUrl: url('LOCATION_SERVICE_URL'),
    aiServiceUrl: url('AI_SERVICE_URL'),
    scheduleDeadlineMs: int('SCHEDULE_DEADLINE_MS', 120_000, 100, 3_600_000),
    scheduleGraceMs: int('SCHEDULE_GRACE_MS', 30_000, 0, 3_600_000),
    sweepIntervalMs: int('SCHEDULE_SWEEP_INTERVAL_MS', 2_000, 50, 600_000),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
};
