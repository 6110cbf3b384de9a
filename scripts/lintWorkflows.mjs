// Checks the CI workflows in .github/workflows with actionlint, which `.ci/run` installs with
// `go install` (the README says how). The release workflow runs only on a tag, elsewhere, so a
// mistake in it would otherwise be found only when a release is cut.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function findActionlint() {
  const onPath = spawnSync('actionlint', ['-version'], { stdio: 'ignore' });
  if (onPath.status === 0) return 'actionlint';
  const gopath = process.env.GOPATH ?? join(homedir(), 'go');
  const installed = join(gopath, 'bin', 'actionlint');
  return existsSync(installed) ? installed : null;
}

const actionlint = findActionlint();
if (actionlint === null) {
  console.error('actionlint is not installed: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12');
  process.exit(1);
}
const result = spawnSync(actionlint, ['-color'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
