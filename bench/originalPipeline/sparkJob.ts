/**
 * Runs the original pipeline's Spark Structured Streaming job (streaming.py: read the topic, parse
 * the JSON, keep Total > 50, print to the console) on the topic the original producer filled, as
 * the reference for the app watching the same topic. PySpark comes from PyPI into a virtual
 * environment kept in the git-ignored `.cache/pyspark/` (about 500 MB, so it is made once, not
 * with every bench run); the Kafka source's jars come from Maven Central with Maven, since Spark's
 * own package fetching (`spark.jars.packages`) tries a repository these machines cannot reach.
 * Null with a reason where Python, Java, Maven or the packages cannot be had.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyDependencies, dependencyPom } from '../../scripts/maven/dependencyJars';

/** The newest Spark whose Kafka source Maven Central serves here (4.3.0's is not); PySpark is pinned to it. */
const SPARK_VERSION = '4.2.0';
const CACHE = resolve(__dirname, '..', '..', '.cache', 'pyspark');
const VENV = join(CACHE, 'venv');
const PYTHON = join(VENV, 'bin', 'python');
const JARS = join(CACHE, `kafka-source-${SPARK_VERSION}`);
const SCRIPT = join(__dirname, 'streaming.py');

export interface SparkJobRun {
  /** Messages read, and the rows over 50 the console sink was given. */
  rows: number;
  passing: number;
  /** From the script's start: the Spark session up, the first micro-batch written, every message read. */
  sessionSeconds: number;
  firstOutputSeconds: number;
  seconds: number;
}

const tail = (text: string | null | undefined, length = 300): string => (text ?? '').trim().slice(-length);

function sparkPython(): { python: string } | { skip: string } {
  const check = (): boolean => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import pyspark; assert pyspark.__version__ == '${SPARK_VERSION}'`], { stdio: 'ignore' }).status === 0;
  if (check()) return { python: PYTHON };
  mkdirSync(CACHE, { recursive: true });
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
  if (venv.status !== 0) return { skip: `python3 -m venv failed (${tail(venv.stderr || String(venv.error), 200)}); on Debian: apt-get install python3-venv` };
  const pip = spawnSync(join(VENV, 'bin', 'pip'), ['install', '-q', `pyspark==${SPARK_VERSION}`], { encoding: 'utf8' });
  if (pip.status !== 0 || !check()) return { skip: `pip could not install pyspark ${SPARK_VERSION}: ${tail(pip.stderr)}` };
  return { python: PYTHON };
}

/** The Kafka source and what it needs beyond PySpark's own jars (Spark, Scala and Hadoop are there already). */
function kafkaSourceJars(python: string): { jars: string[] } | { skip: string } {
  const own = spawnSync(python, ['-c', 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "jars"))'], { encoding: 'utf8' });
  if (own.status !== 0) return { skip: `PySpark's jars were not found: ${tail(own.stderr)}` };
  const bundled = new Set(readdirSync(own.stdout.trim()).map(artifactOf));
  if (!existsSync(JARS)) {
    const staging = `${JARS}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, 'pom.xml'), pom());
    const copied = copyDependencies(join(staging, 'pom.xml'), join(staging, 'jars'));
    if (!copied.ok && copied.mavenMissing) return { skip: 'Maven was not found (apt-get install maven): it fetches the Kafka source for Spark' };
    if (!copied.ok) return { skip: `Maven could not fetch spark-sql-kafka-0-10_2.13 ${SPARK_VERSION}: ${tail(copied.why)}` };
    renameSync(staging, JARS);
  }
  const folder = join(JARS, 'jars');
  return { jars: readdirSync(folder).filter((name) => !bundled.has(artifactOf(name))).map((name) => join(folder, name)) };
}

/** `kafka-clients-3.9.2.jar` → `kafka-clients`: the artifact, whatever its version. */
function artifactOf(jar: string): string {
  return jar.replace(/-\d[\w.-]*\.jar$/, '');
}

function pom(): string {
  return dependencyPom('spark-kafka-source', 'bench/originalPipeline/sparkJob.ts', [{ groupId: 'org.apache.spark', artifactId: 'spark-sql-kafka-0-10_2.13', version: SPARK_VERSION }]);
}

/** What the job needs, made on first use; or why it could not be. */
export function sparkJobReady(): { python: string; jars: string[] } | { skip: string } {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) return { skip: 'Java 17 or newer was not found: Spark runs on it' };
  const python = sparkPython();
  if ('skip' in python) return python;
  const jars = kafkaSourceJars(python.python);
  if ('skip' in jars) return jars;
  return { python: python.python, jars: jars.jars };
}

export function runSparkJob(ready: { python: string; jars: string[] }, bootstrap: string, topic: string, rows: number): SparkJobRun {
  const run = spawnSync(ready.python, [SCRIPT, bootstrap, topic, String(rows), ready.jars.join(',')], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`the original pipeline's Spark job failed: ${tail(run.stderr || String(run.error), 800)}`);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as SparkJobRun;
}
