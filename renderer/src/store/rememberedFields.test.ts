import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { rememberedFields } from './rememberedFields';

interface State {
  visible: boolean;
  tab: 'a' | 'b';
  open(): void;
}

const options = rememberedFields<State, 'visible' | 'tab'>('test.store', { visible: z.boolean(), tab: z.enum(['a', 'b']) });
const current: State = { visible: true, tab: 'a', open: () => undefined };

describe('remembered store fields', () => {
  it('stores only the named fields, never functions or the rest of the state', () => {
    expect(options.partialize?.(current)).toEqual({ visible: true, tab: 'a' });
  });

  it('reads back each field its schema accepts', () => {
    expect(options.merge?.({ visible: false, tab: 'b' }, current)).toMatchObject({ visible: false, tab: 'b' });
  });

  it('a damaged or unknown value keeps that field\'s default, the others still apply', () => {
    expect(options.merge?.({ visible: 'yes', tab: 'b' }, current)).toMatchObject({ visible: true, tab: 'b' });
    expect(options.merge?.({ tab: 'z' }, current)).toMatchObject({ visible: true, tab: 'a' });
    expect(options.merge?.(null, current)).toMatchObject({ visible: true, tab: 'a' });
  });
});
