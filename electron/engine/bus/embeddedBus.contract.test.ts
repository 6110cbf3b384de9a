import { describeBusContract, type Reading } from './busContract.suite';
import { EmbeddedBus } from './embeddedBus';

describeBusContract(
  'embedded log',
  () => Promise.resolve({ bus: new EmbeddedBus<Reading>(), dispose: () => Promise.resolve() }),
  { retention: 'topic-setting' },
);
