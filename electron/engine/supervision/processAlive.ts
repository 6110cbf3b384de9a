/** Whether a process still runs: what decides if the files it left in the data folder are still in use. */
export function isProcessRunning(pid: number): boolean {
  try {
    // Signal 0 checks only that the process exists; EPERM means it exists under another user.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
