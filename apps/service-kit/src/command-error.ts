/**
 * A one-shot command's failure that the operator fixes from its message alone (a wrong argument, bad
 * input data): the message goes to stderr as it is, no stack, no JSON line, and the process exits 1
 * (main.ts). A module of its own so that a command's module (`@tripgen/service-kit/command`) has it
 * without the entry point's code.
 */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
