/**
 * Installing a server program with the platform's package manager: apt on Debian and Ubuntu
 * (through the same privilege prefix everywhere: nothing as root, else sudo), Homebrew on macOS.
 * Where it cannot install, it says exactly what to run by hand.
 */
import type { ServerBinary } from '../../lib/servers/server-binary';
import { commandExists, detectPlatform, privilegePrefix, runVisible, type Platform } from './system';

export interface PackageRecipe {
  /** How messages name what is needed: "redis-server 7.0+". */
  label: string;
  /** The binary, if it is here and new enough. */
  find(): ServerBinary | null;
  aptPackage: string;
  brewFormula: string;
  /** Extra `apt-get install` arguments on this platform (a release to take it from). */
  aptArgs?(platform: Platform): string[];
  /** Work before `apt-get update` (adding a package source); false when it failed. */
  prepareApt?(platform: Platform, sudo: string[]): boolean;
  /** What to run by hand on this platform, when `apt-get install <package>` is not the whole story. */
  manualAdvice?(platform: Platform): string | null;
  /** The advice's last line: the variable that names the binary, or another way round. */
  otherwise: string;
}

export type EnsureResult = { binary: ServerBinary; installed: boolean } | { binary: null; problem: string };

function installCommands(recipes: PackageRecipe[], platform: Platform): string[][] | null {
  if (platform.kind === 'macos') {
    return commandExists('brew') ? [['brew', 'install', ...recipes.map((recipe) => recipe.brewFormula)]] : null;
  }
  if (platform.kind !== 'debian') return null;
  const sudo = privilegePrefix();
  if (sudo === null) return null;
  const extra = recipes.flatMap((recipe) => recipe.aptArgs?.(platform) ?? []);
  return [
    [...sudo, 'apt-get', 'update', '-qq'],
    [...sudo, 'apt-get', 'install', '-y', '-qq', ...extra, ...recipes.map((recipe) => recipe.aptPackage)],
  ];
}

/** The command a person runs when Keyspace cannot: `brew install redis`, `apt-get install …`. */
export function manualAdvice(recipe: PackageRecipe, platform: Platform): string {
  const special = recipe.manualAdvice?.(platform);
  if (special) return special;
  if (platform.kind === 'macos') {
    return `Install Homebrew (https://brew.sh), then run: brew install ${recipe.brewFormula}`;
  }
  if (platform.kind === 'debian') {
    const extra = recipe.aptArgs?.(platform) ?? [];
    return `Run as root: apt-get update && apt-get install -y ${[...extra, recipe.aptPackage].join(' ')}`;
  }
  return `Install ${recipe.label} for ${platform.description}. ${recipe.otherwise}`;
}

/**
 * Finds each recipe's binary, installing the missing ones in one go (one `apt-get update`), and
 * returns one result per recipe, in order: the binary, or what went wrong and what to run by hand.
 * `onStep` reports what it does; installers print their own output.
 */
export function ensurePackages(
  recipes: PackageRecipe[],
  onStep: (message: string) => void,
  platform: Platform = detectPlatform(),
): EnsureResult[] {
  const found = recipes.map((recipe) => recipe.find());
  const missing = recipes.filter((_, index) => found[index] === null);
  if (missing.length === 0) return found.map((binary) => ({ binary: binary as ServerBinary, installed: false }));
  const problems = new Map<PackageRecipe, string>();
  const commands = installCommands(missing, platform);
  if (!commands) {
    for (const recipe of missing) {
      problems.set(
        recipe,
        `${recipe.label} is not installed and Keyspace cannot install it here.\n${manualAdvice(recipe, platform)}`,
      );
    }
  } else {
    const names = missing.map((recipe) => recipe.label).join(' and ');
    onStep(`Installing ${names} with ${platform.kind === 'macos' ? 'Homebrew' : 'apt'} (this can take a minute)…`);
    const sudo = privilegePrefix() ?? [];
    const prepared = missing.every((recipe) => recipe.prepareApt?.(platform, sudo) ?? true);
    const failed = prepared ? commands.find((command) => !runVisible(command)) : undefined;
    for (const recipe of missing) {
      if (!prepared) problems.set(recipe, `Could not add the package source.\n${manualAdvice(recipe, platform)}`);
      else if (failed) problems.set(recipe, `"${failed.join(' ')}" failed.\n${manualAdvice(recipe, platform)}`);
    }
  }
  return recipes.map((recipe, index) => {
    const already = found[index];
    if (already) return { binary: already, installed: false };
    const problem = problems.get(recipe);
    if (problem) return { binary: null, problem };
    const installed = recipe.find();
    if (installed) {
      onStep(`Installed ${recipe.aptPackage} ${installed.version}`);
      return { binary: installed, installed: true };
    }
    return {
      binary: null,
      problem: `${recipe.label} is still missing after installing.\n${manualAdvice(recipe, platform)}`,
    };
  });
}

/** One program: its binary, or what went wrong and what to run by hand. */
export function ensurePackage(recipe: PackageRecipe, onStep: (message: string) => void): EnsureResult {
  const [result] = ensurePackages([recipe], onStep);
  return result ?? { binary: null, problem: `${recipe.label} could not be checked.` };
}
