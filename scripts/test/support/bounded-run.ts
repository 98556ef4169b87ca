/**
 * A command a test runs to its end, within a bound of time: spawnSync's own `timeout` blocks the test
 * process meanwhile (vitest's timeout cannot fire), and its SIGTERM reaches the command alone, not what
 * it started (a vitest run's workers and the services they start). Here the command runs in a process
 * group of its own, killed whole past the bound, and the error says what ran and how its output ended;
 * what it leaves in that group when it ends is killed then. Being in a group of its own, it does not get
 * the terminal's Ctrl-C (SIGINT goes to the foreground group): a Ctrl-C of `npm test` ended the test
 * process and left the run going to its end. The group's first process (GROUP_LEADER) kills the group
 * when the test process ends, however it ends: it watches a pipe only the test process holds open.
 */
import { spawn } from 'node:child_process';

export interface BoundedRun {
  readonly status: number | null;
  readonly output: string;
}

/**
 * Runs the command (its arguments after `--`), exits with its status (a signal's as a shell gives it), and kills its process group once its stdin
 * ends: the other end is the test process's, closed by the system when that process ends (a Ctrl-C, a kill,
 * a crash), which no signal handler of the test process would see in all cases (SIGKILL). CommonJS for `node -e`.
 */
const GROUP_LEADER = `
const { spawn } = require('node:child_process');
const [command, ...args] = process.argv.slice(1);
const endGroup = () => process.kill(0, 'SIGKILL');
process.stdin.on('end', endGroup).on('error', endGroup).resume();
const run = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
run.on('error', (err) => { process.stderr.write(String(err) + '\\n'); process.exit(127); });
// A command a signal ended: a shell's status of it, 128 + its number. Not the same signal raised here: Node
// ignores SIGPIPE and takes SIGUSR1 for its inspector, which left this process waiting on its stdin and
// the run going to its bound.
run.on('exit', (code, signal) => process.exit(signal === null ? code : 128 + require('node:os').constants.signals[signal]));
`;

/** How much of the output's end the error of a run past its bound quotes. */
const TAIL_CHARS = 4_000;

export const runBounded = (command: string, args: readonly string[], opts: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly boundMs: number }): Promise<BoundedRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', GROUP_LEADER, '--', command, ...args], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    // Never written: held open while this process lives (GROUP_LEADER).
    child.stdin.on('error', () => undefined);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (output += chunk));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Its group has ended meanwhile.
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.boundMs);
    // Once the command has ended, what it left in its group goes too: a process it started and did not
    // stop (a service of a failed test) ran on after the run, and one holding its output kept 'close'
    // from coming, so that a run that had ended was reported past its bound.
    child.on('exit', killGroup);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      child.stdin.destroy();
      if (!timedOut) return resolve({ status, output });
      const ran = [command, ...args].join(' ');
      reject(new Error(`\`${ran}\` (in ${opts.cwd}) ran past its bound of ${opts.boundMs} ms and was killed with its process group; the end of its output:\n${output.slice(-TAIL_CHARS)}`));
    });
  });
