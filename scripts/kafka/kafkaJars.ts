/**
 * The Apache Kafka broker's jars, fetched from Maven Central with Maven into a git-ignored cache
 * (`.cache/kafka/`), so that a second start needs no network. Maven resolves `kafka_2.13` and its
 * runtime dependencies from a small generated pom; `dependency:copy-dependencies` lays them in one
 * folder that becomes the broker's class path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyDependencies, dependencyPom } from '../maven/dependencyJars';

export const PROJECT_ROOT = resolve(__dirname, '../..');
export const KAFKA_CACHE = process.env['KAFKA_CACHE_DIR'] ?? join(PROJECT_ROOT, '.cache', 'kafka');

/**
 * Newest first: the first one Maven resolves wins. Maven Central's 4.x releases at the time of
 * writing; a newer one can be tried without editing this list through KAFKA_VERSION.
 */
const CANDIDATE_VERSIONS = ['4.4.0', '4.3.2', '4.3.1', '4.3.0', '4.2.1', '4.2.0', '4.1.2', '4.1.1', '4.0.2'];

export interface KafkaJars {
  version: string;
  /** The folder holding every jar; `folder/*` is the class path. */
  folder: string;
  classPath: string;
}

export class MissingToolError extends Error {}

/** Java is needed to run the broker; say so in plain words instead of an ENOENT stack. */
export function requireJava(): void {
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0) {
    throw new MissingToolError('Java was not found: the local Kafka broker needs a Java runtime 17 or newer on the PATH (on Debian or Ubuntu: apt-get install openjdk-17-jre-headless).');
  }
}

function requireMaven(): void {
  const mvn = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (mvn.error || mvn.status !== 0) {
    throw new MissingToolError('Maven was not found: it fetches the Kafka broker once from Maven Central (on Debian or Ubuntu: apt-get install maven). Later starts use the cached jars and need no Maven.');
  }
}

function jarsFolder(version: string): string {
  return join(KAFKA_CACHE, version, 'libs');
}

/** A version whose jars were fetched completely (the marker is written last). */
function cachedVersion(): string | null {
  const marker = join(KAFKA_CACHE, 'version');
  if (!existsSync(marker)) return null;
  const version = readFileSync(marker, 'utf8').trim();
  const folder = jarsFolder(version);
  const pomPath = join(KAFKA_CACHE, version, 'pom.xml');
  // A pom written by an older version of this script may lack jars the broker now needs.
  const current = existsSync(pomPath) && readFileSync(pomPath, 'utf8') === pom(version);
  return current && existsSync(folder) && readdirSync(folder).some((name) => name.startsWith('kafka_2.13-')) ? version : null;
}

function pom(version: string): string {
  return dependencyPom('kafka-broker-jars', 'scripts/kafka/kafkaJars.ts', [
    { groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version },
    {
      groupId: 'org.slf4j',
      artifactId: 'slf4j-api',
      version: '2.0.17',
      why: 'kafka_2.13 logs through SLF4J but brings no binding; without one the broker says nothing, not even why it failed to start. These route it to the log4j-core Kafka already brings.',
    },
    { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-slf4j2-impl', version: '2.25.5' },
  ]);
}

function fetchVersion(version: string, log: (line: string) => void): boolean {
  const dir = join(KAFKA_CACHE, version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pom.xml'), pom(version));
  const staging = join(dir, 'libs.partial');
  rmSync(staging, { recursive: true, force: true });
  log(`Fetching Apache Kafka ${version} with Maven…`);
  const copied = copyDependencies(join(dir, 'pom.xml'), staging);
  if (!copied.ok) {
    log(`Kafka ${version} could not be fetched${copied.why ? `:\n${copied.why}` : ''}`);
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
  rmSync(jarsFolder(version), { recursive: true, force: true });
  renameSync(staging, jarsFolder(version));
  writeFileSync(join(KAFKA_CACHE, 'version'), `${version}\n`);
  return true;
}

/** The cached jars, or fetches the newest version that resolves (KAFKA_VERSION picks one). */
export function ensureKafkaJars(log: (line: string) => void = () => undefined): KafkaJars {
  const wanted = process.env['KAFKA_VERSION'];
  const cached = cachedVersion();
  const done = (version: string): KafkaJars => ({ version, folder: jarsFolder(version), classPath: join(jarsFolder(version), '*') });
  if (cached && (!wanted || wanted === cached)) return done(cached);
  requireMaven();
  for (const version of wanted ? [wanted] : CANDIDATE_VERSIONS) {
    if (fetchVersion(version, log)) return done(version);
  }
  throw new Error(`No Apache Kafka 4.x release could be fetched with Maven (tried ${wanted ?? CANDIDATE_VERSIONS.join(', ')}); check that Maven reaches Maven Central.`);
}

// `tsx scripts/kafka/kafkaJars.ts`: fetch only (CI does this before the tests).
if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  try {
    const jars = ensureKafkaJars((line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`Apache Kafka ${jars.version}: ${readdirSync(jars.folder).length} jars in ${jars.folder}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
