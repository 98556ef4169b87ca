/** The process's CPU time in ms (user + system): the benches' clock for budgets and timings that load on the machine should not stretch. */
export const cpuClock = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
