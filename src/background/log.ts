// One clear line per problem in the background console; never a stack dump for expected failures.
export function logProblem(context: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`[storyline] ${context}: ${reason}`);
}
