/** Says the model waits for the next replay, with a Replay button that starts one as the toolbar's does. */
import { actions } from '../../store/actions';
import { useView } from '../../store/viewStore';
import { showsNextReplayHint } from './nextReplayHint';

export function NextReplayHint({ received }: { received: number }): React.JSX.Element | null {
  const replayState = useView((s) => s.replay?.state);
  if (!showsNextReplayHint(replayState, received)) return null;
  return (
    <p className="predict-next-replay" role="status" data-testid="predict-next-replay">
      Forecasts start with the next replay: the model sees the rows replayed while this tab is open.
      <button type="button" onClick={() => void actions.replay()}>
        Replay
      </button>
    </p>
  );
}
