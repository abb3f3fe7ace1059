import { isContainerRunning, removeContainer } from './docker.ts';
import { isLocalServerRunning, stopLocalServer } from './localServer.ts';
import { readState, type ServerState } from './state.ts';

/** What a home's state file says and whether that instance is up, whichever way it runs. */
export interface HomeStatus {
  home: string;
  state: ServerState | undefined;
  running: boolean;
}

/** Reads a home's state and checks its process (jars) or container (docker). */
export async function homeStatus(home: string): Promise<HomeStatus> {
  const state = await readState(home);
  if (!state) return { home, state, running: false };
  const running =
    state.via === 'docker'
      ? state.container !== undefined && (await isContainerRunning(state.container))
      : isLocalServerRunning(home, state);
  return { home, state, running };
}

/**
 * Stops the instance of a home if it runs: SIGTERM then SIGKILL for jars, `docker stop`/`rm` for a
 * container. Data, password and state file stay, so the next start resumes. Returns whether it ran.
 */
export async function stopHome(home: string, graceMs = 60_000): Promise<boolean> {
  const status = await homeStatus(home);
  if (!status.state) return false;
  if (status.state.via === 'docker') {
    if (status.state.container) await removeContainer(status.state.container);
    return status.running;
  }
  const outcome = await stopLocalServer(home, status.state, graceMs);
  return outcome !== 'not-running';
}
