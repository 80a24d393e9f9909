/** The BGP lab's variables (scripts/labs/bgp-lab.sh env), or a clear error saying how to start it. */
export function labEnv(names: string[]): Record<string, string> {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length) {
    throw new Error(
      `BGP lab env missing (${missing.join(', ')}): start the lab with ` +
        '`bash scripts/labs/bgp-lab.sh up && eval "$(bash scripts/labs/bgp-lab.sh env)"`',
    );
  }
  return Object.fromEntries(names.map((name) => [name, process.env[name] as string]));
}
