/**
 * What the workflows must do, beyond being valid (workflows.test.ts): the gates a change passes
 * (tests with coverage, SonarQube, CodeQL, dependency audit, Trivy on the tree and on every image),
 * the order in which an image is built, scanned, pushed and attested, sign-in by OIDC only (no stored
 * cloud secret) from the GitHub environment whose federated credential Bicep creates, and the two
 * promotions. Each check returns its findings so that it is shown failing on a broken copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GITOPS_REPO_URL } from '@tripgen/k8s/src/config/releases.ts';
import { REPO_ROOT } from '../src/repo.ts';
import { allSteps, loadWorkflows, parseWorkflow, type Job, type Step, type Workflow } from './support/workflows.ts';

const workflows = loadWorkflows();
const byFile = (name: string): Workflow => workflows.find((w) => w.file.endsWith(`/${name}`))!;
const ci = byFile('ci.yml');
const promoteProd = byFile('promote-prod.yml');
const jobOf = (w: Workflow, id: string): Job => w.jobs.find((j) => j.id === id)!;
const action = (s: Step): string => (s.uses ?? '').split('@')[0]!.toLowerCase();
const withOf = (s: Step | undefined, key: string): string => String(s?.with?.[key] ?? '');

/** A Trivy step that fails the job on fixable HIGH/CRITICAL findings. */
const trivyProblems = (s: Step | undefined, scanType: 'fs' | 'image'): string[] => {
  if (!s || action(s) !== 'aquasecurity/trivy-action') return [`no Trivy ${scanType} scan`];
  const problems: string[] = [];
  if (withOf(s, 'scan-type') !== scanType) problems.push(`scan-type ${withOf(s, 'scan-type')}`);
  if (withOf(s, 'exit-code') !== '1') problems.push(`exit-code ${withOf(s, 'exit-code')} (must fail the job)`);
  if (withOf(s, 'severity').split(',').sort().join() !== 'CRITICAL,HIGH') problems.push(`severity ${withOf(s, 'severity')}`);
  if (withOf(s, 'ignore-unfixed') !== 'true') problems.push('fails on unfixable findings too (ignore-unfixed)');
  return problems;
};

/**
 * The check after the push that the registry holds the image that was scanned: the same image
 * configuration. The build step's `imageid` is that configuration's digest (a single manifest: the
 * loaded image carries no attestation). With SBOM or provenance attached, the push exports an index
 * (the image manifest and the attestation manifests), which carries no configuration digest, so the
 * push step's `imageid` is the index digest and can never equal it (BuildKit
 * exporter/containerimage/writer.go sets the config digest only on a single-manifest export; buildx
 * getImageID falls back to the image digest). The configuration is read from the pushed index's
 * platform manifest in the registry instead.
 */
const scannedIsPushedProblems = (job: Job, push: number): string[] => {
  const verify = job.steps.find((s) => s.index > push && /test "\$SCANNED" = "\$\w+"/.test(s.run ?? ''));
  if (!verify) return ['no check that the pushed image is the scanned one'];
  const problems: string[] = [];
  const env = verify.env ?? {};
  const pushStep = job.steps[push]!;
  const attested = withOf(pushStep, 'sbom') === 'true' || !['', 'false'].includes(withOf(pushStep, 'provenance'));
  if (env.SCANNED !== '${{ steps.build.outputs.imageid }}') problems.push('the check does not take the scanned image\'s id');
  const buildStep = job.steps.find((s) => s.id === 'build');
  if (withOf(buildStep, 'provenance') !== 'false' || withOf(buildStep, 'sbom') !== 'false') problems.push('the scanned build may carry attestations (an index): its imageid is then no configuration digest');
  if (attested && Object.values(env).includes('${{ steps.push.outputs.imageid }}')) {
    problems.push('compares the scanned configuration digest with the push step\'s imageid, the digest of the pushed index when attestations are attached: never equal');
  }
  if (!Object.values(env).includes('${{ steps.push.outputs.digest }}') || !/imagetools inspect --raw/.test(verify.run ?? '')) problems.push('does not read the configuration of the pushed digest from the registry');
  return problems;
};

/** The images job: built once, scanned before anything is pushed, pushed with SBOM + provenance, attested. */
const imagePipelineProblems = (job: Job): string[] => {
  const problems: string[] = [];
  const at = (pred: (s: Step) => boolean) => job.steps.findIndex(pred);
  const build = at((s) => action(s) === 'docker/build-push-action' && withOf(s, 'load') === 'true');
  const scan = at((s) => action(s) === 'aquasecurity/trivy-action');
  const push = at((s) => action(s) === 'docker/build-push-action' && withOf(s, 'push') === 'true');
  const attest = at((s) => action(s) === 'actions/attest-build-provenance');
  if (!(build >= 0 && build < scan && scan < push && push < attest)) problems.push(`order build ${build} < scan ${scan} < push ${push} < attest ${attest} broken`);
  problems.push(...trivyProblems(job.steps[scan], 'image'));
  const [b, p] = [job.steps[build], job.steps[push]];
  if (withOf(b, 'tags') !== withOf(p, 'tags') || !withOf(p, 'tags').endsWith(':${{ github.sha }}')) problems.push('the pushed tag is not the scanned image\'s commit-SHA tag');
  if (withOf(b, 'labels') !== withOf(p, 'labels')) problems.push('build and push label differently (two different images)');
  for (const label of ['org.opencontainers.image.source=', 'org.opencontainers.image.revision=${{ github.sha }}']) {
    if (!withOf(p, 'labels').includes(label)) problems.push(`no OCI label ${label}`);
  }
  if (withOf(p, 'sbom') !== 'true' || !withOf(p, 'provenance').startsWith('mode=max')) problems.push('no SBOM or provenance attestation on the pushed image');
  problems.push(...scannedIsPushedProblems(job, push));
  if (withOf(job.steps[attest], 'subject-digest') !== '${{ steps.push.outputs.digest }}') problems.push('the attestation is not for the pushed digest');
  return problems;
};

/** Cloud sign-in: OIDC only, from the job's GitHub environment, as that environment's CI identity. */
const signInProblems = (w: Workflow): string[] =>
  w.jobs.flatMap((job) =>
    job.steps
      .filter((s) => action(s) === 'azure/login')
      .flatMap((login) => {
        const from = /^\$\{\{ steps\.(\w+)\.outputs\.client-id \}\}$/.exec(withOf(login, 'client-id'))?.[1];
        const source = job.steps.find((s) => s.id === from);
        const env = /npm run -s ci:azure -- (\w+)/.exec(source?.run ?? '')?.[1];
        const problems: string[] = [];
        if ('creds' in (login.with ?? {})) problems.push(`${job.id}: signs in with stored credentials`);
        if (!env) problems.push(`${job.id}: the client id does not come from \`npm run -s ci:azure -- <env>\``);
        else if (job.environment !== env) problems.push(`${job.id}: signs in as the ${env} CI identity from GitHub environment ${job.environment ?? '(none)'}`);
        const permissions = job.permissions;
        if (typeof permissions !== 'object' || permissions['id-token'] !== 'write') problems.push(`${job.id}: no id-token: write`);
        return problems;
      }),
  );

/**
 * Where the README's test command can provision what it needs: scripts/stack-up.sh installs Debian 12's
 * postgresql-15 (+ PostGIS) and Redis with apt-get and starts PostgreSQL through runuser, which need
 * root. GitHub-hosted ubuntu runners run steps as the non-root `runner` user (passwordless sudo, which
 * the script does not use), and Ubuntu 24.04 has no postgresql-15 package: the job runs in a Debian 12
 * (bookworm) container as root, on the Node of the service images.
 */
const testJobProblems = (job: Job, nodeImage: string): string[] => {
  const problems: string[] = [];
  const image = job.container?.image;
  if (!image) return [`${job.id}: runs on the runner's Ubuntu as its non-root user, where scripts/stack-up.sh cannot install postgresql-15 (apt-get, runuser need root)`];
  const m = /^node:(\d+\.\d+\.\d+)-bookworm(@sha256:[0-9a-f]{64})?$/.exec(image);
  if (!m) problems.push(`${job.id}: container ${image} is not a Debian 12 (bookworm) Node image with git (node:<version>-bookworm)`);
  else if (!nodeImage.startsWith(`node:${m[1]}-`)) problems.push(`${job.id}: Node ${m[1]}, the service images ${nodeImage}`);
  if (/--user\b|-u\s/.test(job.container?.options ?? '')) problems.push(`${job.id}: the container does not run as root`);
  // Root in the container, the workspace directory owned by the runner's user (mounted from the
  // runner): git refuses the repository ("detected dubious ownership") unless it is marked safe, and
  // actions/checkout's own exception is in a temporary global config gone once it returns
  // (src/git-source-provider.ts, configureTempGlobalConfig / removeGlobalConfig). npm test runs git
  // in the repository (synth:check, scripts/test/support/repo-copy.ts, the promotion test).
  const checkout = job.steps.findIndex((s) => action(s) === 'actions/checkout');
  const test = job.steps.findIndex((s) => s.run === 'npm test');
  const safe = job.steps.findIndex((s) => /^git config --global --add safe\.directory "\$GITHUB_WORKSPACE"$/m.test(s.run ?? ''));
  if (safe < 0 || safe < checkout || safe > test) problems.push(`${job.id}: the workspace is not marked safe for git between the checkout and npm test (git refuses a repository root does not own: dubious ownership)`);
  return problems;
};
/** The base image of the service images (every Dockerfile's ARG NODE_IMAGE; k8s/test/images.test.ts pins them). */
const serviceNodeImage = (): string => {
  const images = new Set(
    ['user', 'trip', 'ai', 'location']
      .map((s) => join(REPO_ROOT, `apps/${s}-service/Dockerfile`))
      .filter(existsSync)
      .map((f) => /^ARG NODE_IMAGE=(\S+)$/m.exec(readFileSync(f, 'utf8'))?.[1] ?? ''),
  );
  expect(images.size).toBe(1);
  return [...images][0]!;
};

/** Secrets a workflow reads: only the optional SonarQube token, never a cloud credential. */
const secretsRead = (w: Workflow): string[] => [...w.text.matchAll(/secrets\.(\w+)/g)].map((m) => m[1]!);

const broken = (w: Workflow, from: string | RegExp, to: string): Workflow => {
  const text = w.text.replace(from, to);
  expect(text).not.toBe(w.text);
  return parseWorkflow(text, w.file);
};

describe('ci.yml gates every pull request and push', () => {
  it('runs on pull requests and on pushes to main and develop', () => {
    expect(ci.on).toEqual({ pull_request: null, push: { branches: ['main', 'develop'] } });
  });

  it('runs the README\'s test command with CI=true (coverage gate included)', () => {
    const step = jobOf(ci, 'test').steps.find((s) => s.run === 'npm test');
    expect(step?.run).toBe('npm test');
    expect(readFileSync(join(REPO_ROOT, 'scripts/test.sh'), 'utf8')).toMatch(/vitest run .*--coverage/);
    expect(readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('runs it where it can provision its stack: a Debian 12 container as root, on the service images\' Node', () => {
    const stackUp = readFileSync(join(REPO_ROOT, 'scripts/stack-up.sh'), 'utf8');
    expect(stackUp).toMatch(/postgresql-15/);
    expect(stackUp).toMatch(/^\s*apt-get install /m);
    expect(testJobProblems(jobOf(ci, 'test'), serviceNodeImage())).toEqual([]);
  });

  it('analyses with SonarQube from sonar-project.properties, skipped only when the token is absent', () => {
    const job = jobOf(ci, 'test');
    const sonar = job.steps.find((s) => action(s) === 'sonarsource/sonarqube-scan-action');
    expect(sonar?.if).toBe("env.SONAR_TOKEN != ''");
    expect(ci.text).toMatch(/\n {6}SONAR_TOKEN: \$\{\{ secrets\.SONAR_TOKEN \}\}\n/);
    expect(job.steps.indexOf(sonar!)).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm test'));
    const props = Object.fromEntries(
      readFileSync(join(REPO_ROOT, 'sonar-project.properties'), 'utf8')
        .split('\n')
        .filter((l) => /^[\w.]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(props['sonar.projectKey']).toBeTruthy();
    for (const dir of `${props['sonar.sources']},${props['sonar.tests']}`.split(',')) expect(existsSync(join(REPO_ROOT, dir)), dir).toBe(true);
    // The coverage report SonarQube reads is the one vitest writes.
    const vitest = readFileSync(join(REPO_ROOT, 'vitest.config.ts'), 'utf8');
    expect(props['sonar.javascript.lcov.reportPaths']).toBe('coverage/lcov.info');
    expect(vitest).toMatch(/reportsDirectory: 'coverage'/);
    expect(vitest).toMatch(/reporter: \[[^\]]*'lcov'/);
  });

  it('runs CodeQL (init and analyze) with permission to report', () => {
    const job = jobOf(ci, 'codeql');
    expect(job.steps.map(action)).toEqual(expect.arrayContaining(['github/codeql-action/init', 'github/codeql-action/analyze']));
    expect(job.permissions).toMatchObject({ 'security-events': 'write' });
  });

  it('audits the dependencies and scans the tree with Trivy, failing on fixable HIGH/CRITICAL', () => {
    const job = jobOf(ci, 'supply-chain');
    expect(job.steps.some((s) => /npm audit .*--audit-level=high/.test(s.run ?? ''))).toBe(true);
    expect(trivyProblems(job.steps.find((s) => action(s) === 'aquasecurity/trivy-action'), 'fs')).toEqual([]);
  });

  it('scans every image it builds on pull requests, pushing nothing', () => {
    const job = jobOf(ci, 'image-check');
    expect(trivyProblems(job.steps.find((s) => action(s) === 'aquasecurity/trivy-action'), 'image')).toEqual([]);
    expect(job.steps.some((s) => withOf(s, 'push') === 'true' || action(s) === 'azure/login')).toBe(false);
  });

  it('posts the rendered diff on the pull request', () => {
    const job = jobOf(ci, 'rendered-diff');
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.steps.some((s) => /npm run -s diff -- .*> rendered-diff.md/.test(s.run ?? ''))).toBe(true);
    expect(job.steps.some((s) => /gh pr comment .*--body-file rendered-diff.md/.test(s.run ?? ''))).toBe(true);
  });
});

describe('main: each image built once, scanned, pushed, attested; dev promoted', () => {
  it('builds only after the gates pass, on pushes to main', () => {
    const job = jobOf(ci, 'images');
    expect(job.needs).toEqual(expect.arrayContaining(['test', 'supply-chain', 'codeql', 'plan']));
    expect(job.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
  });

  it('scans before it pushes, pushes the scanned image with SBOM and provenance, then attests its digest', () => {
    expect(imagePipelineProblems(jobOf(ci, 'images'))).toEqual([]);
  });

  it('promotes dev to the commit\'s images once they are pushed', () => {
    const job = jobOf(ci, 'promote-dev');
    expect(job.needs).toEqual(['images']);
    expect(job.environment).toBe('dev');
    expect(job.steps.some((s) => /npm run promote -- dev "\$TAG"/.test(s.run ?? '') && /git push origin HEAD:main/.test(s.run ?? ''))).toBe(true);
    // A re-run of an older commit's pipeline (re-run failed jobs) must not take dev back to it: the
    // promotion is forward-only, which needs the history.
    expect(job.steps.find((s) => /npm run promote -- dev/.test(s.run ?? ''))?.run).toMatch(/npm run promote -- dev "\$TAG" --forward-only/);
    expect(withOf(job.steps.find((s) => action(s) === 'actions/checkout'), 'fetch-depth')).toBe('0');
    expect(String(allSteps(ci).find((s) => s.run?.includes('npm run promote -- dev'))?.run)).toBeTruthy();
  });
});

describe('promote-prod.yml copies what dev runs, behind the prod environment', () => {
  const job = jobOf(promoteProd, 'promote-prod');

  it('starts only by hand and runs in the prod GitHub environment (required reviewers)', () => {
    expect(promoteProd.on).toEqual({ workflow_dispatch: null });
    expect(job.environment).toBe('prod');
  });

  it('imports dev\'s images by digest without overwriting a tag, then promotes prod to dev\'s tag', () => {
    const script = job.steps.map((s) => s.run ?? '').join('\n');
    expect(script).toMatch(/npm run -s ci:image-tag -- dev/);
    expect(script).toMatch(/az acr import .*--source "\$repository@\$digest"/s);
    expect(script).not.toMatch(/--force/);
    // Run again after a partial run: a tag already imported is taken as done, any other failure stops it.
    expect(script).toMatch(/if ! out=\$\(az acr import [^)]*2>&1\); then\s+grep -q 'already exists in target registry' <<< "\$out" \|\| \{ echo "\$out" >&2; exit 1; \}/s);
    expect(script).toMatch(/jq -e '\.include \| length > 0'/);
    expect(script).toMatch(/npm run promote -- prod "\$TAG"/);
  });
});

describe('a step output is never a command substitution inside echo (its failure would not stop the step)', () => {
  it.each(workflows.map((w) => [w.file, w] as const))('%s', (_file, w) => {
    const runs = w.jobs.flatMap((j) => j.steps.map((s) => s.run ?? ''));
    // echo or printf, quoted or not, of anything holding $( ... ), appended to the step's outputs.
    expect(runs.flatMap((r) => r.split('\n')).filter((line) => /^\s*(echo|printf)\b.*\$\(.*>>\s*"?\$\{?GITHUB_OUTPUT/.test(line))).toEqual([]);
  });
});

describe('sign-in: OIDC from the GitHub environment Bicep federates, no stored cloud secret', () => {
  it.each(workflows.map((w) => [w.file, w] as const))('%s', (_file, w) => {
    expect(signInProblems(w)).toEqual([]);
    expect(secretsRead(w).filter((s) => s !== 'SONAR_TOKEN')).toEqual([]);
  });

  it('every environment a job signs in from is the subject of that environment\'s federated credential, for the repository Argo CD syncs', () => {
    const repository = new URL(GITOPS_REPO_URL).pathname.replace(/^\//, '').replace(/\.git$/, '');
    const signingIn = workflows.flatMap((w) => w.jobs.filter((j) => j.steps.some((s) => action(s) === 'azure/login')).map((j) => j.environment!));
    expect(new Set(signingIn)).toEqual(new Set(['dev', 'prod']));
    for (const env of new Set(signingIn)) {
      const snapshot = readFileSync(join(REPO_ROOT, `infra-bicep/snapshots/${env}.snapshot.json`), 'utf8');
      expect(snapshot).toContain(`"subject": "repo:${repository}:environment:${env}"`);
    }
  });
});

describe('each check fails on a broken copy', () => {
  it('a scan that does not fail the job, or that also fails on unfixable findings', () => {
    expect(trivyProblems(broken(ci, 'exit-code: "1"', 'exit-code: "0"').jobs.find((j) => j.id === 'supply-chain')!.steps.find((s) => action(s) === 'aquasecurity/trivy-action'), 'fs').join()).toMatch(/exit-code 0/);
    expect(trivyProblems(broken(ci, /ignore-unfixed: true/, 'ignore-unfixed: false').jobs.find((j) => j.id === 'supply-chain')!.steps.find((s) => action(s) === 'aquasecurity/trivy-action'), 'fs').join()).toMatch(/unfixable/);
  });

  it('pushing before the scan, or without provenance', () => {
    const images = jobOf(ci, 'images');
    const scan = images.steps.find((s) => action(s) === 'aquasecurity/trivy-action')!;
    const reordered = { ...images, steps: [...images.steps.filter((s) => s !== scan), scan] };
    expect(imagePipelineProblems(reordered).join()).toMatch(/order/);
    expect(imagePipelineProblems(jobOf(broken(ci, 'provenance: mode=max', 'provenance: false'), 'images')).join()).toMatch(/provenance/);
  });

  it('the test job on the runner\'s own Ubuntu, in another distribution, or as another user', () => {
    const image = serviceNodeImage();
    const { container: _container, ...onTheRunner } = jobOf(ci, 'test');
    expect(testJobProblems(onTheRunner, image).join()).toMatch(/non-root user/);
    expect(testJobProblems({ ...jobOf(ci, 'test'), container: { image: 'node:20.20.2-alpine' } }, image).join()).toMatch(/not a Debian 12/);
    expect(testJobProblems({ ...jobOf(ci, 'test'), container: { image: 'node:22.1.0-bookworm' } }, image).join()).toMatch(/Node 22.1.0/);
    expect(testJobProblems({ ...jobOf(ci, 'test'), container: { image: 'node:20.20.2-bookworm', options: '--user 1001' } }, image).join()).toMatch(/not run as root/);
    const test = jobOf(ci, 'test');
    const unsafe = { ...test, steps: test.steps.filter((s) => !s.run?.includes('safe.directory')) };
    expect(testJobProblems(unsafe, image).join()).toMatch(/dubious ownership/);
    // The runner's path (the github.workspace context) is not the container's.
    const runnerPath = { ...test, steps: test.steps.map((s) => (s.run?.includes('safe.directory') ? { ...s, run: 'git config --global --add safe.directory ${{ github.workspace }}' } : s)) };
    expect(testJobProblems(runnerPath, image).join()).toMatch(/dubious ownership/);
  });

  it('comparing the scanned image id with the push step\'s imageid (an index digest once attestations are attached)', () => {
    const images = jobOf(ci, 'images');
    const push = images.steps.findIndex((s) => action(s) === 'docker/build-push-action' && withOf(s, 'push') === 'true');
    const verify = images.steps.find((s) => s.index > push && /test "\$SCANNED"/.test(s.run ?? ''))!;
    const naive = { ...verify, run: 'test "$SCANNED" = "$PUSHED"', env: { SCANNED: '${{ steps.build.outputs.imageid }}', PUSHED: '${{ steps.push.outputs.imageid }}' } };
    const steps = images.steps.map((s) => (s === verify ? naive : s));
    expect(scannedIsPushedProblems({ ...images, steps }, push).join()).toMatch(/never equal/);
  });

  it('a stored credential, or signing in from another environment than the identity\'s', () => {
    expect(secretsRead(broken(ci, '          client-id: ${{ steps.azure.outputs.client-id }}', '          client-id: ${{ secrets.AZURE_CLIENT_ID }}'))).toContain('AZURE_CLIENT_ID');
    expect(signInProblems(broken(ci, /(images:\n(?:.*\n)*? {4}environment: )dev/, '$1prod')).join()).toMatch(/signs in as the dev CI identity from GitHub environment prod/);
  });
});
